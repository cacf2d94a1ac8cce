// fragment: top-level statements (Program.cs) without a class
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("open", policy =>
        // ruleid: csharp-permissive-cors
        policy.AllowAnyOrigin().AllowAnyHeader());
    options.AddPolicy("reflect", policy =>
        // ruleid: csharp-permissive-cors
        policy.SetIsOriginAllowed(origin => true).AllowCredentials());
    options.AddPolicy("strict", policy =>
        // ok: csharp-permissive-cors
        policy.WithOrigins("https://app.example.com").AllowCredentials());
    options.AddPolicy("dev", policy =>
        // ok: csharp-permissive-cors
        policy.SetIsOriginAllowed(origin => new Uri(origin).Host == "localhost"));
});

public class LegacyController : Controller
{
    public IActionResult Data()
    {
        // ruleid: csharp-permissive-cors
        Response.Headers["Access-Control-Allow-Origin"] = Request.Headers["Origin"];
        // ok: csharp-permissive-cors
        Response.Headers["Access-Control-Allow-Methods"] = "*";
        return Json(data);
    }
}
