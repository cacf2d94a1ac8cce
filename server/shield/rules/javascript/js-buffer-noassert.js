function parse(ob, buf, v) {
  // ruleid: js-buffer-noassert
  console.log(ob.readUInt8(4, true));
  // ruleid: js-buffer-noassert
  buf.writeUInt32LE(v, 0, true);
  // ruleid: js-buffer-noassert
  const d = buf.readDoubleBE(offset(2), true);
  // ok: js-buffer-noassert
  console.log(ob.readUInt8(4));
  // ok: js-buffer-noassert
  console.log(ob.readUInt32LE(4, false));
  // ok: js-buffer-noassert
  buf.writeUInt32LE(v, 0);
  return d;
}
