// A bundled library (node-forge) with its own createCipher; Node's crypto is not loaded here.
forge.rc2.createDecryptionCipher = function (key, bits) {
  // ok: js-weak-cipher
  return createCipher(key, bits, false);
};
// ok: js-weak-cipher
const generic = forge.cipher.createCipher(algorithm, options.key);
