const crypto = require("crypto");

function sign(secret, body) {
  // ruleid: js-weak-hash
  const a = crypto.createHash("md5").update(body).digest("hex");
  // ruleid: js-weak-hash
  const b = crypto.createHmac('sha1', secret).update(body).digest("hex");
  // ok: js-weak-hash
  const c = crypto.createHash("sha256").update(body).digest("hex");
  // ok: js-weak-hash
  const d = "createHash('md5')";
  return [a, b, c, d];
}

// ok: js-weak-hash
const mac = crypto.createHmac("sha512", secretKey).update(payload).digest("hex");
