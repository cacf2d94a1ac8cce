public class SearchServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        // ruleid: java-servlet-xss
        response.getWriter().println("<h1>Results for " + q + "</h1>");
        PrintWriter out = response.getWriter();
        // ruleid: java-servlet-xss
        out.print(request.getParameter("name"));
        // ok: java-servlet-xss
        out.print("<h1>Results for " + Encode.forHtml(q) + "</h1>");
        // ok: java-servlet-xss
        out.println("<p>No results</p>");
        // ok: java-servlet-xss
        System.out.println(request.getParameter("debug"));
        // ok: java-servlet-xss
        out.println("<p>" + results.size() + " results</p>");
    }
}

// JSP-style fragment with the implicit out
    // ruleid: java-servlet-xss
    out.println("<div>" + request.getParameter("msg") + "</div>");

class IcdSendErrorCases extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        // ruleid: java-servlet-xss
        resp.sendError(404, "No such user: " + name);
        // ruleid: java-servlet-xss
        resp.sendError(400, req.getHeader("X-Reason"));
        // ok: java-servlet-xss
        resp.sendError(404, "No such user: " + Encode.forHtml(name));
        // ok: java-servlet-xss
        resp.sendError(404, "Not found");
        // ok: java-servlet-xss
        resp.sendError(403);
    }
}
