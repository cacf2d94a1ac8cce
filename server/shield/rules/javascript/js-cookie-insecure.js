app.use(session({
  secret: process.env.SESSION_SECRET,
  // ruleid: js-cookie-insecure
  cookie: { secure: false, httpOnly: true },
}));

app.post("/login", (req, res) => {
  // ruleid: js-cookie-insecure
  res.cookie("sid", sid, { secure: false });
  // ok: js-cookie-insecure
  res.cookie("sid", sid, { secure: true, httpOnly: true, sameSite: "lax" });
  // ok: js-cookie-insecure
  const smtp = createTransport({ host, secure: false });
});

// ok: js-cookie-insecure
const cookieOptions = { secure: process.env.NODE_ENV === "production", httpOnly: true };
