public class Greeter extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String tpl = request.getParameter("template");
        // ruleid: java-format-string-injection
        String msg = String.format(tpl, user.getName(), user.getBalance());
        // ruleid: java-format-string-injection
        response.getWriter().printf(request.getParameter("fmt") + "%n", count);
        // ok: java-format-string-injection
        String safe = String.format("Hello %s", request.getParameter("name"));
        // ok: java-format-string-injection
        String fixed = String.format(GREETING_FORMAT, name);
        // ok: java-format-string-injection
        String date = formatter.format(LocalDate.now());
    }
}

// fragment
    // ruleid: java-format-string-injection
    System.out.printf(req.getParameter("pattern"), secretValue);
