function send(frame, token) {
  // ruleid: js-postmessage-wildcard
  frame.contentWindow.postMessage({ token }, "*");
  // ruleid: js-postmessage-wildcard
  window.parent.postMessage(token, '*');
  // ok: js-postmessage-wildcard
  frame.contentWindow.postMessage({ token }, "https://app.example.com");
  // ok: js-postmessage-wildcard
  worker.postMessage(token);
}

// ok: js-postmessage-wildcard
parent.postMessage({ type: "ready" }, window.location.origin);

// ruleid: js-postmessage-wildcard
popup.postMessage(data, '*');
