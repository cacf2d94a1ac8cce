from lxml import etree
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges


def parse(data):
    # ruleid: python-xxe
    parser = etree.XMLParser(resolve_entities=True)
    # ruleid: python-xxe
    loose = etree.XMLParser(no_network=False)
    sax = make_parser()
    # ruleid: python-xxe
    sax.setFeature(feature_external_ges, True)
    # ok: python-xxe
    strict = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: python-xxe
    sax.setFeature(feature_external_ges, False)
    return etree.fromstring(data, parser), loose, strict

# ok: python-xxe
parser = etree.XMLParser(resolve_entities=False)
