public class PreviewController : Controller
{
    private readonly HttpClient _http;

    public async Task<IActionResult> Preview(string url)
    {
        // ruleid: csharp-ssrf
        var html = await _http.GetStringAsync(url);
        return Content(html);
    }

    public async Task<IActionResult> Fetch()
    {
        // ruleid: csharp-ssrf
        var resp = await _http.GetAsync(Request.Query["target"]);
        // ruleid: csharp-ssrf
        var msg = new HttpRequestMessage(HttpMethod.Get, "https://" + Request.Query["host"] + "/status");
        // ok: csharp-ssrf
        var status = await _http.GetStringAsync("https://status.example.com/api");
        // ok: csharp-ssrf
        var user = await _http.GetStringAsync($"https://users.internal/api/{id}");
        return Ok();
    }
}

// fragment (classic ASP.NET)
    // ruleid: csharp-ssrf
    var req = WebRequest.Create(Request.QueryString["feed"]);

class Fixed
{
    // ok: csharp-ssrf
    Task<string> F(HttpClient http) => http.GetStringAsync(new Uri("https://status.example.com/health"));
}
