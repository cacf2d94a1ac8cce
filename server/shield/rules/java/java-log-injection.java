public class AuditServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(AuditServlet.class);

    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        // ruleid: java-log-injection
        log.info("Login attempt for " + request.getParameter("user"));
        String agent = request.getHeader("User-Agent");
        // ruleid: java-log-injection
        log.warn("Blocked agent {}", agent);
        // ok: java-log-injection
        log.info("Login attempt for {}", request.getParameter("user").replaceAll("[\r\n]", "_"));
        // ok: java-log-injection
        log.info("Request handled");
        // ok: java-log-injection
        log.debug("User id {}", userId);
        // ok: java-log-injection
        metrics.error(request.getParameter("x"));
    }
}

// fragment
    // ruleid: java-log-injection
    LOGGER.error("Bad path: " + req.getRequestURI() + " from " + req.getRemoteAddr());
