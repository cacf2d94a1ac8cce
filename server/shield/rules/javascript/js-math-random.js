const crypto = require("crypto");
// ruleid: js-math-random
var random16 = crypto.pseudoRandomBytes(16);
// ruleid: js-math-random
var randomNumber = Math.random();
// ok: js-math-random
var good = crypto.randomBytes(16);
// ok: js-math-random
var arr = crypto.getRandomValues(new Uint8Array(16));
// ok: js-math-random
var id = crypto.randomUUID();
