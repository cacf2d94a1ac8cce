const jwt = require("jsonwebtoken");

function user(token, key) {
  // ruleid: js-jwt-verify-disabled
  const a = jwt.verify(token, key, { algorithms: ["none"] });
  // ruleid: js-jwt-verify-disabled
  const b = jwt.verify(token, null);
  // ruleid: js-jwt-verify-disabled
  const c = jwt.verify(token, "", { algorithms: ["HS256"] });
  // ok: js-jwt-verify-disabled
  const d = jwt.verify(token, key, { algorithms: ["HS256"] });
  // ok: js-jwt-verify-disabled
  const e = jwt.verify(token, process.env.JWT_KEY);
  return [a, b, c, d, e];
}

// ok: js-jwt-verify-disabled
const claims = jwt.verify(token, publicKey, { algorithms: ["RS256"], audience: "api" });
