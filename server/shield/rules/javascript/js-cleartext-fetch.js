async function load(xhr) {
  // ruleid: js-cleartext-fetch
  await fetch('http://example.com/api');
  // ruleid: js-cleartext-fetch
  await fetch("http://api.example.com/v1/items", { method: "POST" });
  // ruleid: js-cleartext-fetch
  xhr.open('GET', 'http://example.com/x');
  // ok: js-cleartext-fetch
  await fetch('http://localhost:8080/api');
  // ok: js-cleartext-fetch
  await fetch('https://example.com/api');
  // ok: js-cleartext-fetch
  xhr.open('GET', '/relative/path');
  // ok: js-cleartext-fetch
  await fetch(`http://127.0.0.1:${port}/health`);
}
