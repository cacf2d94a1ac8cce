public class AccountController : Controller
{
    [HttpPost]
    public async Task<IActionResult> Login(LoginModel model, string returnUrl)
    {
        await SignIn(model);
        // ruleid: csharp-open-redirect
        return Redirect(returnUrl);
    }

    public IActionResult Go()
    {
        // ruleid: csharp-open-redirect
        return Redirect(Request.Query["next"]);
    }

    public IActionResult Safe(string returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
            // ok: csharp-open-redirect
            return Redirect(returnUrl);
        // ok: csharp-open-redirect
        return RedirectToAction("Index", "Home");
    }

    public IActionResult Local(string returnUrl)
    {
        // ok: csharp-open-redirect
        return LocalRedirect(returnUrl);
    }

    public IActionResult Fixed()
    {
        // ok: csharp-open-redirect
        return Redirect("/dashboard");
    }
}

// fragment: an unclosed WebForms handler
    protected void Page_Load(object sender, EventArgs e)
    {
        string target = Request.QueryString["url"];
        // ruleid: csharp-open-redirect
        Response.Redirect(target);
