using System.Xml;

class Importer
{
    void LoadDoc(string xml)
    {
        var doc = new XmlDocument();
        // ruleid: csharp-xml-parser-defaults
        doc.LoadXml(xml);
    }

    void LoadReader(Stream input)
    {
        var settings = new XmlReaderSettings();
        // ruleid: csharp-xml-parser-defaults
        using var reader = XmlReader.Create(input, settings);
    }

    void SafeDoc(string xml)
    {
        var doc = new XmlDocument { XmlResolver = null };
        // ok: csharp-xml-parser-defaults
        doc.LoadXml(xml);
    }

    void SafeDoc2(string path)
    {
        var doc = new XmlDocument();
        doc.XmlResolver = null;
        // ok: csharp-xml-parser-defaults
        doc.Load(path);
    }

    void SafeReader(Stream input)
    {
        var settings = new XmlReaderSettings();
        settings.DtdProcessing = DtdProcessing.Prohibit;
        // ok: csharp-xml-parser-defaults
        using var reader = XmlReader.Create(input, settings);
    }
}
