public class ReportController : Controller
{
    public IActionResult Run(string reportType)
    {
        // ruleid: csharp-unsafe-reflection
        var t = Type.GetType("Reports." + reportType);
        var report = (IReport)Activator.CreateInstance(t);
        // ok: csharp-unsafe-reflection
        var known = Type.GetType("Reports.DailyReport");
        // ok: csharp-unsafe-reflection
        var mapped = Activator.CreateInstance(AllowedReports[reportType]);
        return Ok(report.Render());
    }

    public IActionResult Exec()
    {
        // ruleid: csharp-unsafe-reflection
        var handler = Activator.CreateInstance(Type.GetType(Request.Query["handler"]));
        // ok: csharp-unsafe-reflection
        var typeOfThis = GetType();
        return Ok();
    }
}

// fragment
    string cls = Request.Form["class"];
    // ruleid: csharp-unsafe-reflection
    object o = Assembly.GetExecutingAssembly().CreateInstance(cls);
