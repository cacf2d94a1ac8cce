using System.DirectoryServices;

public class Directory
{
    public SearchResult Find(DirectoryEntry root, string user)
    {
        var searcher = new DirectorySearcher(root);
        // ruleid: csharp-ldap-injection
        searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + user + "))";
        // ruleid: csharp-ldap-injection
        var s2 = new DirectorySearcher(root, $"(mail={user})");
        string filter = string.Format("(cn={0})", user);
        // ruleid: csharp-ldap-injection
        var s3 = new DirectorySearcher(filter);
        // ok: csharp-ldap-injection
        searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + Encoder.LdapFilterEncode(user) + "))";
        // ok: csharp-ldap-injection
        searcher.Filter = "(objectClass=group)";
        // ok: csharp-ldap-injection
        view.Filter = "Name = " + user;
        return searcher.FindOne();
    }
}

// fragment
    // ruleid: csharp-ldap-injection
    var req = new SearchRequest("dc=example,dc=com", "(uid=" + Request.Form["user"] + ")", SearchScope.Subtree);
