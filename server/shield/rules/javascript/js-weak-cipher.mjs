// A bundle with node-forge's own createCipher that also loads Node's crypto for something else.
import { randomBytes } from "node:crypto";
forge.rc2.createDecryptionCipher = function (key, bits) {
  // ok: js-weak-cipher
  return createCipher(key, bits, false);
};
// ok: js-weak-cipher
const generic = forge.cipher.createCipher(algorithm, options.key);
const salt = randomBytes(16);
