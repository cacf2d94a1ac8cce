function search(req, items, term) {
  // ruleid: js-regexp-injection
  const re = new RegExp(req.query.q, "i");
  // ruleid: js-regexp-injection
  const re2 = RegExp("^" + term + "$");
  // ok: js-regexp-injection
  const re3 = new RegExp(escapeRegExp(term));
  // ok: js-regexp-injection
  const re4 = new RegExp("^[a-z]+$", "i");
  // ok: js-regexp-injection
  const re5 = new RegExp(/abc/, "g");
  return items.filter((i) => re.test(i) || re2.test(i) || re3.test(i) || re4.test(i) || re5.test(i));
}
