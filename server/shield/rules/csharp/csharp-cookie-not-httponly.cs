public class SessionController : Controller
{
    public IActionResult Login(string token)
    {
        // ruleid: csharp-cookie-not-httponly
        Response.Cookies.Append("session", token);
        // ruleid: csharp-cookie-not-httponly
        Response.Cookies.Append("auth", token, new CookieOptions { HttpOnly = false, Secure = true });
        var legacy = new HttpCookie("sid", token);
        // ruleid: csharp-cookie-not-httponly
        legacy.HttpOnly = false;
        // ok: csharp-cookie-not-httponly
        Response.Cookies.Append("auth", token, new CookieOptions { HttpOnly = true, Secure = true });
        // ok: csharp-cookie-not-httponly
        Response.Cookies.Append("theme", "dark");
        return Ok();
    }
}

// fragment: Program.cs
    builder.Services.ConfigureApplicationCookie(o =>
    {
        // ruleid: csharp-cookie-not-httponly
        o.Cookie.HttpOnly = false;
        // ok: csharp-cookie-not-httponly
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    });
