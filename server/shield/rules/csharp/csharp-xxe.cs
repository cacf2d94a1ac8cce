using System.Xml;

public class Importer
{
    public XmlDocument Load(Stream input)
    {
        var doc = new XmlDocument();
        // ruleid: csharp-xxe
        doc.XmlResolver = new XmlUrlResolver();
        var settings = new XmlReaderSettings
        {
            // ruleid: csharp-xxe
            DtdProcessing = DtdProcessing.Parse,
            // ruleid: csharp-xxe
            XmlResolver = new XmlUrlResolver(),
        };
        // ok: csharp-xxe
        var safe = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        // ok: csharp-xxe
        doc.XmlResolver = null;
        // ok: csharp-xxe
        var resolver = new XmlSecureResolver(new XmlUrlResolver(), "https://example.com/");
        doc.Load(XmlReader.Create(input, settings));
        return doc;
    }
}

// fragment, .NET Framework style
    XmlTextReader reader = new XmlTextReader(stream);
    // ruleid: csharp-xxe
    reader.ProhibitDtd = false;
