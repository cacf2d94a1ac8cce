app.get("/login", (req, res) => {
  // ruleid: js-open-redirect
  res.redirect(req.query.next);
});

app.get("/out", (req, res) => {
  const { target } = req.query;
  // ruleid: js-open-redirect
  res.redirect(302, target);
  // ok: js-open-redirect
  res.redirect("/home");
});

function client() {
  const next = new URLSearchParams(location.search).get("next");
  // ruleid: js-open-redirect
  window.location.href = next;
  // ok: js-open-redirect
  window.location.href = "/dashboard";
  // ok: js-open-redirect
  const s = "abc".replace("a", next);
}
