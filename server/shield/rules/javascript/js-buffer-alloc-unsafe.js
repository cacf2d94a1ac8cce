function make(n) {
  // ruleid: js-buffer-alloc-unsafe
  var buf = Buffer.allocUnsafe(10);
  // ruleid: js-buffer-alloc-unsafe
  var slow = Buffer.allocUnsafeSlow(n);
  // ok: js-buffer-alloc-unsafe
  var zeroed = Buffer.alloc(n);
  // ok: js-buffer-alloc-unsafe
  var copy = Buffer.from(buf);
  // ok: js-buffer-alloc-unsafe
  // Buffer.allocUnsafe(n) would be faster here
  return [buf, slow, zeroed, copy];
}
