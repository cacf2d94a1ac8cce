// A file that defines its own exec and never loads the process module.
function exec(line, columns) {
  return line.slice(0, columns);
}
// ok: js-child-process-exec
const wrapped = lines.map((line) => exec(line, 80));
// ok: js-child-process-exec
const first = exec(lines[0], 40);
