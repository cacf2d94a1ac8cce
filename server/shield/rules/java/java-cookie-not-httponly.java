public class SessionServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Cookie session = new Cookie("SESSION", newSessionId());
        session.setSecure(true);
        // ruleid: java-cookie-not-httponly
        response.addCookie(session);
        // ruleid: java-cookie-not-httponly
        response.setHeader("Set-Cookie", "token=" + token + "; Path=/; Secure");
    }

    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Cookie c = new Cookie("SESSION", newSessionId());
        c.setSecure(true);
        // ruleid: java-cookie-not-httponly
        c.setHttpOnly(false);
        // ok: java-cookie-not-httponly
        response.addCookie(c);
        ResponseCookie rc = ResponseCookie.from("id", id)
            .secure(true)
            // ruleid: java-cookie-not-httponly
            .httpOnly(false)
            .build();
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) {
        Cookie good = new Cookie("SESSION", newSessionId());
        good.setSecure(true);
        // ok: java-cookie-not-httponly
        good.setHttpOnly(true);
        // ok: java-cookie-not-httponly
        response.addCookie(good);
        // ok: java-cookie-not-httponly
        response.addHeader("Set-Cookie", "pref=dark; Path=/; Secure; HttpOnly");
        // ok: java-cookie-not-httponly
        response.addCookie(cookieFactory.session(newSessionId()));
    }
}

// fragment: an unclosed method
    public void remember(HttpServletResponse response, String token) {
        Cookie remember = new Cookie("remember", token);
        // ruleid: java-cookie-not-httponly
        response.addCookie(remember);
