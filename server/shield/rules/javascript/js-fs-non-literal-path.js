const fs = require('fs');
function read(filename, dir) {
  // ruleid: js-fs-non-literal-path
  const a = fs.readFileSync(filename);
  // ruleid: js-fs-non-literal-path
  fs.writeFile(dir + "/out.txt", "x", () => {});
  // ok: js-fs-non-literal-path
  const b = fs.readFileSync("/etc/app.conf");
  // ok: js-fs-non-literal-path
  const c = fs.readFileSync("config.json", "utf8");
  // ok: js-fs-non-literal-path
  const d = path.join(dir, filename);
  return [a, b, c, d];
}
