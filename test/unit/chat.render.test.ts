import { test } from "node:test";
import assert from "node:assert/strict";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { renderAnswer, renderScan } from "../../media/chat/markdown";
import { renderMessage } from "../../media/chat/messageView";
import { purifyOptions } from "../../media/chat/sanitizeConfig";

/** The webview's sanitiser, with the webview's config, on a DOM implementation for node. */
function sanitizerFor(window: JSDOM["window"]): (html: string) => string {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  const options = purifyOptions();
  return (html) => purify.sanitize(html, options) as string;
}

const answer = (text: string) => ({ id: "a1", role: "assistant" as const, text });

test("Markdown renders headings, emphasis, lists, inline code and links", () => {
  const html = renderAnswer("# Title\n\nSome *emphasis* and **strong** and `code`.\n\n- one\n- two\n\n[docs](https://example.com)");
  assert.match(html, /<h1>Title<\/h1>/);
  assert.match(html, /<em>emphasis<\/em>/);
  assert.match(html, /<strong>strong<\/strong>/);
  assert.match(html, /<code>code<\/code>/);
  assert.match(html, /<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
  assert.match(html, /<a href="https:\/\/example\.com">docs<\/a>/);
});

test("code blocks are highlighted and get Copy, Insert, Apply and New file buttons", () => {
  const html = renderAnswer("Here:\n\n```python\ndef f(x):\n    return x + 1\n```\n\nand\n\n```\nplain <b>text</b>\n```\n");
  assert.equal((html.match(/class="code-block"/g) ?? []).length, 2);
  assert.match(html, /<span class="hljs-keyword">def<\/span>/);
  for (const action of ["copy", "insert", "apply", "newFile"]) assert.match(html, new RegExp(`data-action="${action}" data-block="0"`));
  assert.match(html, /data-block="1"/);
  assert.match(html, /plain &lt;b&gt;text&lt;\/b&gt;/, "code is escaped, never HTML");
  assert.match(html, /Shield: scanning…/, "a block without a result yet says it is being scanned");
});

test("a block still streaming has no buttons until its closing fence arrives", () => {
  const streaming = renderAnswer("```js\nconsole.log(1)\n", { streaming: true });
  assert.doesNotMatch(streaming, /data-action=/);
  assert.match(streaming, /writing…/);
  assert.match(renderAnswer("```js\nconsole.log(1)\n```", { streaming: true }), /data-action="insert"/);
});

test("Shield findings show under their block with CWE, severity, line and message", () => {
  const html = renderAnswer("```python\nimport os\nos.system(cmd)\n```", {
    scans: { 0: { state: "findings", findings: [{ ruleId: "python-os-system", cwe: "CWE-78", severity: "error", message: "Command built from input", line: 2 }] } },
  });
  assert.match(html, /data-severity="error"><span class="scan-title">Shield: 1 finding<\/span>/);
  assert.match(html, /<strong>CWE-78<\/strong> error on line 2: Command built from input <span class="rule">python-os-system<\/span>/);
  assert.match(renderScan({ state: "unavailable", findings: [], note: "no scanner" }, 0), /Shield: not scanned — no scanner/);
  assert.match(renderScan({ state: "clean", findings: [] }, 0), /Shield: no findings/);
});

test("a <script> and other active content in model output never make it into the page, and nothing runs", () => {
  const dom = new JSDOM(`<!DOCTYPE html><body><div id="t"></div></body>`, { runScripts: "dangerously" });
  const window = dom.window as unknown as { ran?: boolean; document: Document };
  const sanitize = sanitizerFor(dom.window);
  const evil = [
    "Hello <script>window.ran = true</script>",
    "<img src=x onerror=\"window.ran = true\">",
    "<svg onload=\"window.ran = true\"></svg>",
    "[click](javascript:window.ran=true)",
    "<a href=\"javascript:window.ran=true\">x</a>",
    "<iframe srcdoc=\"<script>parent.ran=true</script>\"></iframe>",
    "![pixel](https://tracker.example/p.png)",
    "<button data-action=\"insert\" data-block=\"0\">fake</button>",
    "```html\n<script>window.ran = true</script>\n```",
  ].join("\n\n");
  const html = renderMessage(answer(evil), sanitize);
  const target = window.document.getElementById("t")!;
  target.innerHTML = html;
  assert.equal(window.ran, undefined, "no script ran");
  assert.equal(target.querySelectorAll("script, iframe, img, svg").length, 0);
  for (const element of target.querySelectorAll("*")) {
    for (const attribute of element.attributes) assert.doesNotMatch(attribute.name, /^on/i, `${element.tagName} kept ${attribute.name}`);
  }
  for (const link of target.querySelectorAll("a")) assert.doesNotMatch(link.getAttribute("href") ?? "", /^javascript:/i);
  // The model's HTML is shown as text: the reader sees what the model wrote.
  assert.match(target.textContent ?? "", /<script>window\.ran = true<\/script>/);
  // Only the real code block has buttons; the model's fake button is text.
  assert.equal(target.querySelectorAll("button[data-action=insert]").length, 1);
  assert.match(target.textContent ?? "", /\[pixel\]/, "images show their description instead of loading");
  dom.window.close();
});

test("the sanitiser keeps everything the renderer produces for ordinary answers", () => {
  const dom = new JSDOM("<!DOCTYPE html><body></body>");
  const sanitize = sanitizerFor(dom.window);
  const text = "Use this:\n\n```ts\nconst x: number = 1;\n```\n\n1. first\n2. second\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |";
  const raw = renderMessage(answer(text), (h) => h);
  const clean = renderMessage(answer(text), sanitize);
  const normalise = (html: string): string => { const d = dom.window.document.createElement("div"); d.innerHTML = html; return d.innerHTML; };
  assert.equal(clean, normalise(raw));
  dom.window.close();
});

test("user messages show their words as text, with the command, attachments and pasted code", () => {
  const html = renderMessage({ id: "u", role: "user", text: "why <b>this</b>?\nsecond line\n\n```py\nos.system(cmd)\n```", command: "explain", attachments: ["app.py:3-10", "2 problems"] }, (h) => h);
  assert.match(html, /why &lt;b&gt;this&lt;\/b&gt;\?<br>\nsecond line/, "HTML is text, line breaks are kept");
  assert.match(html, /data-action="insert" data-block="0"/, "pasted code gets the block buttons");
  assert.match(html, /<span class="badge">\/explain<\/span>/);
  assert.match(html, /app\.py:3-10<\/span><span class="chip static">2 problems/);
});
