const vm = require("vm");

function calc(req, expr) {
  // ruleid: js-eval
  const v = eval(expr);
  // ruleid: js-eval
  const fn = new Function("a", "b", req.body.code);
  // ruleid: js-eval
  setTimeout("refresh('" + req.query.id + "')", 100);
  // ruleid: js-eval
  vm.runInNewContext(req.body.script, {});
  // ok: js-eval
  eval("2 + 2");
  // ok: js-eval
  const add = new Function("a", "b", "return a + b");
  // ok: js-eval
  setTimeout(() => refresh(req.query.id), 100);
  // ok: js-eval
  const data = JSON.parse(expr);
  return [v, fn, add, data];
}

// ruleid: js-eval
eval(userInput)
