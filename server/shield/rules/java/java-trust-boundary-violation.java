public class PrefsServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        // ruleid: java-trust-boundary-violation
        session.setAttribute("role", request.getParameter("role"));
        String user = request.getParameter("user");
        // ruleid: java-trust-boundary-violation
        request.getSession().setAttribute("user", user);
        // ok: java-trust-boundary-violation
        session.setAttribute("lastSeen", Instant.now());
        // ok: java-trust-boundary-violation
        request.setAttribute("q", request.getParameter("q"));
        // ok: java-trust-boundary-violation
        session.setAttribute("theme", THEMES.contains(theme) ? theme : "light");
    }
}

// fragment
    // ruleid: java-trust-boundary-violation
    req.getSession(true).setAttribute("isAdmin", req.getParameter("admin"));
