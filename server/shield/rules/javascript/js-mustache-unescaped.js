const Mustache = require('mustache');
// ruleid: js-mustache-unescaped
const a = Mustache.render("<p>{{{body}}}</p>", view);
// ruleid: js-mustache-unescaped
const b = Mustache.render("{{&comment}}", view);
// ruleid: js-mustache-unescaped
Mustache.escape = function(text) { return text; };
// ok: js-mustache-unescaped
const c = Mustache.render("<p>{{body}}</p>", view);
// ok: js-mustache-unescaped
Mustache.escape = function(text) { return escapeHtml(text); };
// ok: js-mustache-unescaped
const d = template.render(view);
