public class SessionServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Cookie session = new Cookie("SESSION", newSessionId());
        session.setHttpOnly(true);
        // ruleid: java-cookie-not-secure
        response.addCookie(session);
        // ruleid: java-cookie-not-secure
        response.setHeader("Set-Cookie", "token=" + token + "; Path=/; HttpOnly");
    }

    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Cookie c = new Cookie("SESSION", newSessionId());
        // ruleid: java-cookie-not-secure
        c.setSecure(false);
        c.setHttpOnly(true);
        // ok: java-cookie-not-secure
        response.addCookie(c);
        ResponseCookie rc = ResponseCookie.from("id", id)
            .httpOnly(true)
            // ruleid: java-cookie-not-secure
            .secure(false)
            .build();
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) {
        Cookie good = new Cookie("SESSION", newSessionId());
        // ok: java-cookie-not-secure
        good.setSecure(true);
        good.setHttpOnly(true);
        // ok: java-cookie-not-secure
        response.addCookie(good);
        // ok: java-cookie-not-secure
        response.addHeader("Set-Cookie", "pref=dark; Path=/; Secure; HttpOnly");
        // ok: java-cookie-not-secure
        response.addCookie(cookieFactory.session(newSessionId()));
    }
}

// fragment: an unclosed method
    public void remember(HttpServletResponse response, String token) {
        Cookie remember = new Cookie("remember", token);
        // ruleid: java-cookie-not-secure
        response.addCookie(remember);
