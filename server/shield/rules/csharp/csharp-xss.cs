using Microsoft.AspNetCore.Html;

public class ProfileController : Controller
{
    public IActionResult Show(Profile model)
    {
        // ruleid: csharp-xss
        ViewBag.Bio = Html.Raw(model.Bio);
        // ruleid: csharp-xss
        var banner = new HtmlString("<div>" + model.Banner + "</div>");
        string q = Request.Query["q"];
        // ruleid: csharp-xss
        return Content("<h1>Results for " + q + "</h1>", "text/html");
    }

    public async Task Echo()
    {
        // ruleid: csharp-xss
        await Response.WriteAsync(Request.Query["msg"]);
        // ok: csharp-xss
        await Response.WriteAsync(HtmlEncoder.Default.Encode(Request.Query["msg"]));
        // ok: csharp-xss
        var fixedHtml = Html.Raw("<br/>");
        // ok: csharp-xss
        var clean = Html.Raw(sanitizer.Sanitize(model.Bio));
        // ok: csharp-xss
        await Response.WriteAsync("pong");
    }
}

// fragment (WebForms style)
    // ruleid: csharp-xss
    Response.Write("Hello " + Request.QueryString["name"]);

/* Code Shield's xss: an [Http*] action's parameter written to the response */
public class GreetController : Controller
{
    [HttpGet]
    public void Hello(string name)
    {
        // ruleid: csharp-xss
        Response.Write(name);
        // ok: csharp-xss
        Response.Write(HttpUtility.HtmlEncode(name));
    }

    public void Plain(string name)
    {
        // ok: csharp-xss
        Response.Write(greeting);
    }
}
