using System.Xml.Xsl;

class Transformer
{
    void Run(string xslPath)
    {
        var xslt = new XslCompiledTransform();
        var settings = new XsltSettings();
        // ruleid: csharp-xslt-script-enabled
        settings.EnableScript = true;
        // ruleid: csharp-xslt-script-enabled
        var s2 = new XsltSettings(false, true);
        // ruleid: csharp-xslt-script-enabled
        xslt.Load(xslPath, XsltSettings.TrustedXslt, new XmlUrlResolver());
        // ok: csharp-xslt-script-enabled
        settings.EnableScript = false;
        // ok: csharp-xslt-script-enabled
        xslt.Load(xslPath, XsltSettings.Default, null);
        // ok: csharp-xslt-script-enabled
        var s3 = new XsltSettings(true, false);
    }
}

/* Code Shield's unsafe-xslt-setting patterns */
class Icd
{
    void F()
    {
        // ruleid: csharp-xslt-script-enabled
        var s = new XsltSettings() {EnableScript = true};
    }
}
