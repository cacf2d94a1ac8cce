import javax.naming.directory.*;

public class Directory {
    public NamingEnumeration<SearchResult> find(DirContext ctx, String user) throws NamingException {
        SearchControls sc = new SearchControls();
        // ruleid: java-ldap-injection
        NamingEnumeration<SearchResult> r = ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", sc);
        String filter = "(&(objectClass=person)(mail=" + user + "))";
        // ruleid: java-ldap-injection
        ctx.search("dc=example,dc=com", filter, sc);
        // ruleid: java-ldap-injection
        ldapTemplate.search("ou=people", String.format("(cn=%s)", user), mapper);
        // ok: java-ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, sc);
        // ok: java-ldap-injection
        ctx.search("ou=people", "(uid=" + LdapEncoder.filterEncode(user) + ")", sc);
        // ok: java-ldap-injection
        ctx.search("ou=people", "(objectClass=" + "person)", sc);
        // ok: java-ldap-injection
        List<String> hits = index.search(query, "title:" + user);
        return r;
    }
}

// fragment
    // ruleid: java-ldap-injection
    LdapQuery q = LdapQueryBuilder.query().base("ou=people").filter("(uid=" + request.getParameter("u") + ")");
