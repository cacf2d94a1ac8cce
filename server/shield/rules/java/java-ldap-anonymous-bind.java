import javax.naming.Context;

class Directory {
    DirContext connect(Hashtable<String, String> env) throws Exception {
        // ruleid: java-ldap-anonymous-bind
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        // ruleid: java-ldap-anonymous-bind
        env.put(javax.naming.Context.SECURITY_AUTHENTICATION, "none");
        // ok: java-ldap-anonymous-bind
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        // ok: java-ldap-anonymous-bind
        env.put(Context.SECURITY_PRINCIPAL, "none");
        // ok: java-ldap-anonymous-bind
        env.put(Context.SECURITY_AUTHENTICATION, mechanism);
        return new InitialDirContext(env);
    }
}
