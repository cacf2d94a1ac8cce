function render(el, comment, params) {
  // ruleid: js-xss-sink
  el.innerHTML = "<p>" + comment.text + "</p>";
  // ruleid: js-xss-sink
  el.innerHTML += `<li>${params.get("q")}</li>`;
  // ruleid: js-xss-sink
  document.write(location.hash.slice(1));
  // ruleid: js-xss-sink
  el.insertAdjacentHTML("beforeend", comment.html);
  // ruleid: js-xss-sink
  el.outerHTML = comment.html;
  // ok: js-xss-sink
  el.innerHTML = "";
  // ok: js-xss-sink
  el.innerHTML = DOMPurify.sanitize(comment.html);
  // ok: js-xss-sink
  el.textContent = comment.text;
  // ok: js-xss-sink
  stream.write(comment.text);
}
