public class DownloadServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // ruleid: java-header-injection
        response.setHeader("Content-Disposition", "attachment; filename=" + name);
        // ruleid: java-header-injection
        response.addHeader("X-Trace", request.getHeader("X-Request-Id"));
        // ok: java-header-injection
        response.setHeader("Content-Disposition", "attachment; filename=report.pdf");
        // ok: java-header-injection
        response.setHeader("X-Name", name.replaceAll("[\\r\\n]", ""));
        // ok: java-header-injection
        response.setHeader("Cache-Control", "no-store");
    }
}

// fragment
    // ruleid: java-header-injection
    resp.setHeader("X-Lang", req.getParameter("lang"));
