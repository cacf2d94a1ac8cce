async function load(req, name) {
  // ruleid: js-dynamic-require
  const plugin = require(req.query.plugin);
  // ruleid: js-dynamic-require
  const mod = await import(`./locales/${name}.js`);
  // ruleid: js-dynamic-require
  const handler = require("./handlers/" + name);
  // ok: js-dynamic-require
  const fs = require("fs");
  // ok: js-dynamic-require
  const cfg = require(path.join(__dirname, "config.json"));
  // ok: js-dynamic-require
  const lazy = await import("./lazy.js");
  return [plugin, mod, handler, fs, cfg, lazy];
}
