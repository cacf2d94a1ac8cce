const fs = require("fs");

async function publish(p) {
  // ruleid: js-world-writable
  fs.chmodSync(p, 0o777);
  // ruleid: js-world-writable
  await fs.promises.chmod(p, "666");
  // ruleid: js-world-writable
  fs.chmod(p, 0o776, () => {});
  // ok: js-world-writable
  fs.chmodSync(p, 0o644);
  // ok: js-world-writable
  fs.chmodSync(p, "755");
}

// ok: js-world-writable
fs.chmodSync(socketPath, 0o600);
