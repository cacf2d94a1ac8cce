const fs = require("fs");
const path = require("path");

app.get("/file", (req, res) => {
  // ruleid: js-path-traversal
  res.sendFile(req.query.name, { root: "/" });
});

app.get("/read", async (req, res) => {
  const name = req.params.name;
  // ruleid: js-path-traversal
  const full = path.join("/srv/data", name);
  // ruleid: js-path-traversal
  const text = fs.readFileSync("/srv/data/" + req.query.file, "utf8");
  // ok: js-path-traversal
  const index = fs.readFileSync(path.join(__dirname, "index.html"), "utf8");
  // ok: js-path-traversal
  res.sendFile("index.html", { root: publicDir });
  res.send(full + text + index);
});

app.get("/files/:name", (req, res) => {
  const name = path.basename(req.params.name);
  // ok: js-path-traversal
  res.download(path.join(__dirname, "report.pdf"));
});
