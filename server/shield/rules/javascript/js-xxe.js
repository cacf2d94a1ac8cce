const libxmljs = require("libxmljs");

function parse(xml) {
  // ruleid: js-xxe
  const doc = libxmljs.parseXml(xml, { noent: true });
  // ruleid: js-xxe
  const other = libxmljs.parseXmlString(xml, { noblanks: true, noent: true });
  // ok: js-xxe
  const safe = libxmljs.parseXml(xml, { noent: false });
  // ok: js-xxe
  const plain = libxmljs.parseXml(xml);
  return [doc, other, safe, plain];
}

// ok: js-xxe
const doc = new DOMParser().parseFromString(xml, "text/xml");
