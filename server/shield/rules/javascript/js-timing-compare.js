function check(req, user, expectedSignature) {
  const sent = req.headers["x-signature"];
  // ruleid: js-timing-compare
  if (sent === expectedSignature) return true;
  // ruleid: js-timing-compare
  if (req.query.token !== user.token) throw new Error("forbidden");
  // ok: js-timing-compare
  if (crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expectedSignature))) return true;
  // ok: js-timing-compare
  if (user.token === undefined || user.token === null || typeof user.token === "string") return false;
  // ok: js-timing-compare
  if (user.token.length === 32) return false;
}

function login(password, input, apiSecret, stored) {
  // ruleid: js-timing-compare
  if (password == input) { return true; }
  // ruleid: js-timing-compare
  if (stored.secret === apiSecret) { return true; }
  // ok: js-timing-compare
  if (password == null) { return false; }
  // ok: js-timing-compare
  if (password === undefined) { return false; }
  // ok: js-timing-compare
  if (password.length === 0) { return false; }
  return false;
}

function policy(cacheLookupPolicy, credential, data) {
  // ok: js-timing-compare
  if (cacheLookupPolicy === CacheLookupPolicy.AccessToken) return 1;
  // ok: js-timing-compare
  if (data.error === EXPIRED_TOKEN) return 2;
  // ok: js-timing-compare
  if (credential.credentialType === CredentialType.REFRESH_TOKEN) return 3;
  return 0;
}
