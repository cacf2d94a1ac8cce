// ruleid: csharp-antiforgery-disabled
[IgnoreAntiforgeryToken]
public class TransferController : Controller
{
    [HttpPost]
    // ok: csharp-antiforgery-disabled
    [ValidateAntiForgeryToken]
    public IActionResult Send(Transfer t) => View();

    [HttpPost]
    // ruleid: csharp-antiforgery-disabled
    [IgnoreAntiforgeryToken(Order = 1001)]
    public IActionResult Quick(Transfer t) => View();
}

public static class Setup
{
    public static void Configure(IServiceCollection services, WebApplication app)
    {
        // ruleid: csharp-antiforgery-disabled
        services.AddControllersWithViews(o => o.Filters.Add(new IgnoreAntiforgeryTokenAttribute()));
        // ok: csharp-antiforgery-disabled
        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        // ok: csharp-antiforgery-disabled
        var doc = "IgnoreAntiforgeryToken disables CSRF checks";
    }
}

// fragment: minimal API
    // ruleid: csharp-antiforgery-disabled
    app.MapPost("/transfer", (Transfer t) => Results.Ok()).DisableAntiforgery();
