function createUser() {
  // ruleid: js-insecure-random
  const resetToken = Math.random().toString(36).slice(2);
  // ruleid: js-insecure-random
  const user = { apiKey: Math.floor(Math.random() * 1e16).toString(16) };
  // ok: js-insecure-random
  const jitter = Math.random() * 100;
  // ok: js-insecure-random
  const id = crypto.randomUUID();
  return [resetToken, user, jitter, id];
}

function generatePassword(len) {
  let out = "";
  // ruleid: js-insecure-random
  for (let i = 0; i < len; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

function shuffle(items) {
  // ok: js-insecure-random
  return items.sort(() => Math.random() - 0.5);
}
