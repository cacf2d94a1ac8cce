using System.Xml;

public class UserStore
{
    public bool Login(XmlDocument doc, string user, string pass)
    {
        // ruleid: csharp-xpath-injection
        var node = doc.SelectSingleNode("//users/user[@name='" + user + "' and @pass='" + pass + "']");
        // ruleid: csharp-xpath-injection
        var nodes = doc.SelectNodes($"/accounts/account[owner='{user}']");
        string expr = string.Format("//order[@id='{0}']", user);
        XPathNavigator nav = doc.CreateNavigator();
        // ruleid: csharp-xpath-injection
        var result = nav.Evaluate(expr);
        // ok: csharp-xpath-injection
        var all = doc.SelectNodes("//users/user");
        // ok: csharp-xpath-injection
        var names = users.Select(u => u.Name + "/" + u.Id);
        // ok: csharp-xpath-injection
        var list = items.Select(i => i.Path);
        return node != null;
    }
}

// fragment
    // ruleid: csharp-xpath-injection
    var el = XDocument.Load(path).XPathSelectElement("/config/" + Request.Query["key"]);
