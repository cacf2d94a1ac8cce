public class SessionController : Controller
{
    public IActionResult Login(string token)
    {
        // ruleid: csharp-cookie-not-secure
        Response.Cookies.Append("session", token);
        // ruleid: csharp-cookie-not-secure
        Response.Cookies.Append("auth", token, new CookieOptions { HttpOnly = true, Secure = false });
        var legacy = new HttpCookie("sid", token);
        // ruleid: csharp-cookie-not-secure
        legacy.Secure = false;
        // ok: csharp-cookie-not-secure
        Response.Cookies.Append("auth", token, new CookieOptions { HttpOnly = true, Secure = true });
        // ok: csharp-cookie-not-secure
        Response.Cookies.Append("theme", "dark");
        // ok: csharp-cookie-not-secure
        Response.Cookies.Delete("session");
        return Ok();
    }
}

// fragment: Program.cs
    builder.Services.ConfigureApplicationCookie(o =>
    {
        // ruleid: csharp-cookie-not-secure
        o.Cookie.SecurePolicy = CookieSecurePolicy.None;
        // ok: csharp-cookie-not-secure
        o.Cookie.HttpOnly = true;
    });
