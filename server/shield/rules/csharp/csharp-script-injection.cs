using Microsoft.CodeAnalysis.CSharp.Scripting;

public class CalcController : Controller
{
    public async Task<IActionResult> Eval(string expression)
    {
        // ruleid: csharp-script-injection
        var result = await CSharpScript.EvaluateAsync<double>(expression);
        // ruleid: csharp-script-injection
        using var ps = PowerShell.Create().AddScript("Get-Item " + expression);
        // ok: csharp-script-injection
        var two = await CSharpScript.EvaluateAsync<int>("1 + 1");
        // ok: csharp-script-injection
        ps.AddCommand("Get-Item").AddParameter("Path", expression);
        return Ok(result);
    }
}

// fragment
    // ruleid: csharp-script-injection
    var state = await CSharpScript.RunAsync(Request.Form["code"]);

class Fixed
{
    // ok: csharp-script-injection
    Task<int> F() => CSharpScript.EvaluateAsync<int>("40 + 2");
}
