using System.Text.RegularExpressions;

public class SearchController : Controller
{
    public IActionResult Search(string pattern)
    {
        // ruleid: csharp-regex-injection
        var re = new Regex(pattern);
        // ruleid: csharp-regex-injection
        bool hit = Regex.IsMatch(title, ".*" + Request.Query["term"] + ".*");
        // ok: csharp-regex-injection
        var escaped = new Regex(Regex.Escape(pattern));
        // ok: csharp-regex-injection
        var fixedRe = new Regex("^[a-z0-9_-]{3,32}$");
        // ok: csharp-regex-injection
        bool ok = Regex.IsMatch(pattern, "^[a-z]+$");
        return Ok(hit);
    }
}

// fragment
    string q = Request.Query["q"];
    // ruleid: csharp-regex-injection
    var matches = Regex.Matches(document, q, RegexOptions.IgnoreCase);
