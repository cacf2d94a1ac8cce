import javax.xml.parsers.*;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Document;

public class XmlImport {
    public Document parse(InputStream in) throws Exception {
        // ruleid: java-xxe
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder();
        // ruleid: java-xxe
        SAXParser sax = SAXParserFactory.newInstance().newSAXParser();
        // ruleid: java-xxe
        XMLInputFactory xif = XMLInputFactory.newFactory();
        // ruleid: java-xxe
        SAXReader reader = new SAXReader();
        // ok: java-xxe
        DocumentBuilder other = dbf.newDocumentBuilder();
        // ok: java-xxe
        XPathFactory xpf = XPathFactory.newInstance();
        // DocumentBuilderFactory.newInstance() without features is vulnerable (a comment)
        return db.parse(in);
    }
}

class SafeImport {
    private static final DocumentBuilderFactory DBF = newFactory();

    static DocumentBuilderFactory newFactory() {
        // ok: java-xxe
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f;
    }
}

// fragment: a method without its class
public Document upload(HttpServletRequest request) throws Exception {
    // ruleid: java-xxe
    return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(request.getInputStream());
}
