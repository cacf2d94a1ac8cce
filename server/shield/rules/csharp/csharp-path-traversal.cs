public class FilesController : Controller
{
    private readonly string _root = "/srv/files";

    [HttpGet("download")]
    public IActionResult Download(string fileName)
    {
        // ruleid: csharp-path-traversal
        var path = Path.Combine(_root, fileName);
        // ruleid: csharp-path-traversal
        return PhysicalFile(path, "application/octet-stream");
    }

    public IActionResult Read()
    {
        // ruleid: csharp-path-traversal
        var text = File.ReadAllText(Path.Combine(_root, Request.Query["f"]));
        // ok: csharp-path-traversal
        var safe = System.IO.File.ReadAllText(Path.Combine(_root, Path.GetFileName(Request.Query["f"])));
        // ok: csharp-path-traversal
        var fixedFile = File.ReadAllText(Path.Combine(_root, "index.html"));
        return Content(text);
    }

    [HttpPost("upload")]
    public async Task<IActionResult> Upload(IFormFile file)
    {
        // ruleid: csharp-path-traversal
        using var stream = new FileStream(Path.Combine(_root, file.FileName), FileMode.Create);
        // ok: csharp-path-traversal
        using var named = new FileStream(Path.Combine(_root, Guid.NewGuid() + ".bin"), FileMode.Create);
        await file.CopyToAsync(stream);
        return Ok();
    }
}

// fragment (WebForms)
    string doc = Request.QueryString["doc"];
    // ruleid: csharp-path-traversal
    byte[] bytes = File.ReadAllBytes(@"C:\docs\" + doc);

/* Code Shield's path-traversal: a parameter of an [Http*] action reaches a file API */
public class FilesController : Controller
{
    [HttpGet]
    public string Read(string path)
    {
        // ruleid: csharp-path-traversal
        return System.IO.File.ReadAllText(path);
    }

    [HttpGet]
    public string ReadFixed()
    {
        // ok: csharp-path-traversal
        return System.IO.File.ReadAllText("/srv/templates/index.html");
    }
}
