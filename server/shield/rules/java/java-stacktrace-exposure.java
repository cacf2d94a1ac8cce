public class ReportServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            render(request, response);
        } catch (Exception e) {
            // ruleid: java-stacktrace-exposure
            e.printStackTrace(response.getWriter());
            PrintWriter out = response.getWriter();
            // ruleid: java-stacktrace-exposure
            e.printStackTrace(out);
            // ruleid: java-stacktrace-exposure
            out.println(ExceptionUtils.getStackTrace(e));
            // ok: java-stacktrace-exposure
            e.printStackTrace();
            // ok: java-stacktrace-exposure
            log.error("report failed", e);
            // ok: java-stacktrace-exposure
            response.sendError(500, "Internal error, id " + requestId);
        }
    }
}

@ControllerAdvice
class Errors {
    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> handle(Exception ex) {
        // ruleid: java-stacktrace-exposure
        return ResponseEntity.status(500).body(Throwables.getStackTraceAsString(ex));
    }
}

// fragment: a catch block without its method
    } catch (IOException ex) {
        // ruleid: java-stacktrace-exposure
        ex.printStackTrace(resp.getWriter());
    }
