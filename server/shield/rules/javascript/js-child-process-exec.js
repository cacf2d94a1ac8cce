const cp = require("child_process");
const { exec, execFile } = require("child_process");

function run(req, file) {
  // ruleid: js-child-process-exec
  cp.exec("convert " + file + " out.png");
  // ruleid: js-child-process-exec
  exec(`git log ${req.query.branch}`, (err, out) => console.log(out));
  // ruleid: js-child-process-exec
  const out = cp.execSync(req.body.cmd);
  // ruleid: js-child-process-exec
  cp.spawn(req.query.tool, { shell: true });
  // ok: js-child-process-exec
  cp.exec("ls -l");
  // ok: js-child-process-exec
  execFile("convert", [file, "out.png"]);
  // ok: js-child-process-exec
  const m = /a(b)/.exec(file);
  // ok: js-child-process-exec
  cp.spawn("git", ["log", req.query.branch]);
  return [out, m];
}

// ok: js-child-process-exec
cp.execFile("git", ["status"]);
