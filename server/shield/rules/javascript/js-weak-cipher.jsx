import { createCipher } from "node:crypto";
// ruleid: js-weak-cipher
const legacy = createCipher("aes192", password);
