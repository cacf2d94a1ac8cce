const https = require("https");

// ruleid: js-tls-verify-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: js-tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ruleid: js-tls-verify-disabled
process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
// ruleid: js-tls-verify-disabled
request({ url, strictSSL: false });
// ok: js-tls-verify-disabled
const good = new https.Agent({ rejectUnauthorized: true, ca: corpCa });
// ok: js-tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
// ok: js-tls-verify-disabled
const docs = "set rejectUnauthorized: false only in tests";
