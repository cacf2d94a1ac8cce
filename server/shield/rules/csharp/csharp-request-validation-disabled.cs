public class CommentController : Controller
{
    [HttpPost]
    // ruleid: csharp-request-validation-disabled
    [ValidateInput(false)]
    public ActionResult Post(Comment c)
    {
        // ruleid: csharp-request-validation-disabled
        var raw = Request.Unvalidated.Form["body"];
        return View();
    }

    [HttpPost]
    // ok: csharp-request-validation-disabled
    [ValidateInput(true)]
    public ActionResult Edit(Comment c) => View();
}

public class Comment
{
    // ruleid: csharp-request-validation-disabled
    [AllowHtml]
    public string Body { get; set; }
    // ok: csharp-request-validation-disabled
    [Required]
    public string Author { get; set; }
    // ok: csharp-request-validation-disabled
    public string Note { get; set; } = "AllowHtml is dangerous";
}

// fragment: a lone action
// ruleid: csharp-request-validation-disabled
[HttpPost, ValidateInput(false)]
public ActionResult Save(string html) { return Content(html); }
