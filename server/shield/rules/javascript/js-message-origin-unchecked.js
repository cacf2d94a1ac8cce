// ruleid: js-message-origin-unchecked
window.addEventListener("message", function (e) { handle(e.data); });
// ruleid: js-message-origin-unchecked
window.onmessage = function (e) { run(e.data); };
// ruleid: js-message-origin-unchecked
window.addEventListener('message', (event) => {
  document.title = event.data.title;
});
// ok: js-message-origin-unchecked
window.addEventListener("message", (e) => { if (e.origin !== "https://app.example") return; handle(e.data); });
// ok: js-message-origin-unchecked
window.addEventListener("resize", function (e) { layout(e.data); });
// ok: js-message-origin-unchecked
worker.addEventListener("message", (e) => handle(e.data));
// ok: js-message-origin-unchecked
window.addEventListener("message", onMessage);
