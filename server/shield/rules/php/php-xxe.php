// fragment without the opening tag
$xml = file_get_contents('php://input');
// ruleid: php-xxe
$doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
$dom = new DOMDocument();
// ruleid: php-xxe
$dom->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD);
// ruleid: php-xxe
$dom->substituteEntities = true;
// ruleid: php-xxe
libxml_disable_entity_loader(false);
// ok: php-xxe
$safe = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET);
// ok: php-xxe
$dom->loadXML($xml);
// ok: php-xxe
libxml_disable_entity_loader(true);
// LIBXML_NOENT in a comment is not code

/* Code Shield's test snippet (improper-xml-entity-restriction) */
// ruleid: php-xxe
simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
// ok: php-xxe
simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET);
