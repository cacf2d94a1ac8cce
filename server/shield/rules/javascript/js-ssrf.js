app.get("/proxy", async (req, res) => {
  // ruleid: js-ssrf
  const r = await fetch(req.query.url);
  const { target } = req.body;
  // ruleid: js-ssrf
  const meta = await axios.get(target, { timeout: 3000 });
  // ruleid: js-ssrf
  https.get(`https://${req.params.host}/status`, (s) => s.resume());
  // ok: js-ssrf
  const health = await fetch("https://status.example.com/health");
  // ok: js-ssrf
  const q = req.query.q;
  res.json({ r, meta, health, q });
});

async function client(url) {
  // ok: js-ssrf
  return fetch(url);
}
