using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    // ruleid: csharp-csrf-missing-antiforgery
    [HttpPost]
    public IActionResult ChangeEmail(string email)
    {
        _users.SetEmail(User, email);
        return RedirectToAction("Index");
    }

    // ruleid: csharp-csrf-missing-antiforgery
    [HttpDelete("{id}")]
    public IActionResult Remove(int id) => Ok(_repo.Delete(id));

    // ok: csharp-csrf-missing-antiforgery
    [HttpPost]
    [ValidateAntiForgeryToken]
    public IActionResult ChangePassword(string password) => Ok();

    // ok: csharp-csrf-missing-antiforgery
    [HttpPost, ValidateAntiForgeryToken]
    public IActionResult Transfer(decimal amount) => Ok();

    // ok: csharp-csrf-missing-antiforgery
    [HttpGet]
    public IActionResult Index() => View();

    // ok: csharp-csrf-missing-antiforgery
    public IActionResult About() => View();
}

/* Code Shield's csrf rule: a state-changing handler without [ValidateAntiForgeryToken] */
public class OrderController : Controller
{
    // ruleid: csharp-csrf-missing-antiforgery
    [HttpPut]
    public ActionResult Update(Order order) { return View(order); }

    // ruleid: csharp-csrf-missing-antiforgery
    [HttpPatch]
    public ActionResult Patch(Order order) { return View(order); }
}
