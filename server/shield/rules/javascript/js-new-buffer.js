function f(x, size) {
  // ruleid: js-new-buffer
  return new Buffer(x);
}
function g(size) {
  // ruleid: js-new-buffer
  const b = new Buffer(size, "utf8");
  // ok: js-new-buffer
  const s = new Buffer("abc");
  // ok: js-new-buffer
  const a = new Buffer([1, 2, 3]);
  // ok: js-new-buffer
  const c = Buffer.from(size);
  return [b, s, a, c];
}
