const crypto = require("crypto");

function enc(key, iv, data) {
  // ruleid: js-weak-cipher
  const a = crypto.createCipheriv("des-ede3-cbc", key, iv);
  // ruleid: js-weak-cipher
  const b = crypto.createCipheriv("aes-128-ecb", key, null);
  // ruleid: js-weak-cipher
  const c = crypto.createCipher("aes-256-cbc", key);
  // ruleid: js-weak-cipher
  const d = crypto.createDecipheriv('rc4', key, '');
  // ok: js-weak-cipher
  const e = crypto.createCipheriv("aes-256-gcm", key, iv);
  // ok: js-weak-cipher
  // crypto.createCipher("des", key) is what we used to do
  return [a, b, c, d, e];
}

// ok: js-weak-cipher
const dec = crypto.createDecipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });

