using System.Diagnostics;

public class Tools
{
    public void Run(string host, string userCmd)
    {
        // ruleid: csharp-command-injection
        Process.Start(userCmd);
        // ruleid: csharp-command-injection
        Process.Start("cmd.exe", "/c ping " + host);
        // ruleid: csharp-command-injection
        var psi = new ProcessStartInfo("/bin/bash", $"-c \"nslookup {host}\"");
        var p2 = new ProcessStartInfo
        {
            FileName = "cmd.exe",
            // ruleid: csharp-command-injection
            Arguments = "/c dir " + host,
        };
        // ok: csharp-command-injection
        Process.Start("notepad.exe");
        // ok: csharp-command-injection
        Process.Start("cmd.exe", "/c echo " + "hello");
        // ok: csharp-command-injection
        var safe = new ProcessStartInfo { FileName = "git", ArgumentList = { "clone", host } };
        // ok: csharp-command-injection
        var fixedTool = new ProcessStartInfo(@"C:\Tools\convert.exe");
        // Process.Start(userCmd) in a comment is not code
    }
}

// fragment: a method body without its class
    var info = new ProcessStartInfo();
    info.FileName = "powershell.exe";
    // ruleid: csharp-command-injection
    info.Arguments = "-Command " + Request.Query["script"];

/* Code Shield's command-injection: the program of a Process comes from a variable */
class Runner
{
    void Run(string tool, string file)
    {
        var p = new Process();
        // ruleid: csharp-command-injection
        p.StartInfo.FileName = tool;
        var psi = new ProcessStartInfo();
        // ruleid: csharp-command-injection
        psi.FileName = tool;
        // ok: csharp-command-injection
        p.StartInfo.FileName = "git";
        // ok: csharp-command-injection
        psi.FileName = Settings.GitPath;
        // ok: csharp-command-injection
        var name = System.IO.Path.GetFileName(file);
    }
}
