using System.Reflection;

public class PluginLoader
{
    public async Task<Assembly> Fetch(HttpClient http, string url)
    {
        byte[] bytes = await http.GetByteArrayAsync(url);
        // ruleid: csharp-untrusted-assembly-load
        Assembly a = Assembly.Load(bytes);
        // ruleid: csharp-untrusted-assembly-load
        Assembly b = Assembly.LoadFrom("http://plugins.example.com/extra.dll");
        // ruleid: csharp-untrusted-assembly-load
        var c = AssemblyLoadContext.Default.LoadFromStream(await http.GetStreamAsync(url));
        // ok: csharp-untrusted-assembly-load
        Assembly d = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "plugins", "Reports.dll"));
        // ok: csharp-untrusted-assembly-load
        Assembly e = Assembly.Load("MyCompany.Reports, Version=1.0.0.0");
        // ok: csharp-untrusted-assembly-load
        var doc = XDocument.Load(await http.GetStreamAsync(url));
        return a;
    }
}

// fragment
    // ruleid: csharp-untrusted-assembly-load
    var plugin = Assembly.Load(new WebClient().DownloadData(Request.Query["src"]));
