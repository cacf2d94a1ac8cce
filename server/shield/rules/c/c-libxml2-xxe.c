#include <libxml/parser.h>

xmlDocPtr load(const char *buffer, const char *path, int size)
{
    // ruleid: c-libxml2-xxe
    xmlDocPtr d1 = xmlReadMemory(buffer, size, "in.xml", NULL, XML_PARSE_NOENT | XML_PARSE_NONET);
    // ruleid: c-libxml2-xxe
    xmlDocPtr d2 = xmlReadFile(path, NULL, XML_PARSE_DTDLOAD);
    // ruleid: c-libxml2-xxe
    xmlSubstituteEntitiesDefault(1);
    // ok: c-libxml2-xxe
    xmlDocPtr d3 = xmlReadFile(path, NULL, XML_PARSE_NONET);
    // ok: c-libxml2-xxe
    xmlDocPtr d4 = xmlReadMemory(buffer, size, "in.xml", NULL, 0);
    // ok: c-libxml2-xxe
    xmlDocPtr d5 = xmlReadFile(path, NULL, opts & ~XML_PARSE_NOENT);
    // ok: c-libxml2-xxe
    xmlSubstituteEntitiesDefault(0);
    /* xmlReadFile(path, NULL, XML_PARSE_NOENT) in a comment */
    return d1;
}

/* Code Shield's test snippet (xml-external-entity-usage) */
void icd_xml(const xmlChar *buffer)
{
    // ruleid: c-libxml2-xxe
    xmlReadDoc(buffer,NULL,NULL,XML_PARSE_DTDLOAD);
}
