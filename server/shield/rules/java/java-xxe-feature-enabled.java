class XmlSetup {
    void configure(DocumentBuilderFactory dbf, XMLInputFactory xif, SAXParserFactory spf) throws Exception {
        // ruleid: java-xxe-feature-enabled
        xif.setProperty("javax.xml.stream.isSupportingExternalEntities", true);
        // ruleid: java-xxe-feature-enabled
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        // ruleid: java-xxe-feature-enabled
        spf.setFeature("http://xml.org/sax/features/external-parameter-entities", true);
        // ruleid: java-xxe-feature-enabled
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", true);
        // ruleid: java-xxe-feature-enabled
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.TRUE);
        // ok: java-xxe-feature-enabled
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java-xxe-feature-enabled
        spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        // ok: java-xxe-feature-enabled
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // ok: java-xxe-feature-enabled
        xif.setProperty("javax.xml.stream.isCoalescing", true);
    }
}
