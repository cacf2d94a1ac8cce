public class ActionServlet extends HttpServlet {
    private static final String DRIVER = "org.postgresql.Driver";

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        // ruleid: java-unsafe-reflection
        Class<?> c = Class.forName(request.getParameter("action"));
        String handler = request.getParameter("handler");
        // ruleid: java-unsafe-reflection
        Object h = Class.forName("com.example.handlers." + handler).getDeclaredConstructor().newInstance();
        // ok: java-unsafe-reflection
        Class.forName(DRIVER);
        // ok: java-unsafe-reflection
        Class<?> fixed = Class.forName("com.example.handlers.Default");
        // ok: java-unsafe-reflection
        Class<?> mapped = Class.forName(ALLOWED.get("report"));
    }
}

@RestController
class ExportController {
    @PostMapping("/export")
    public byte[] export(@RequestParam String format) throws Exception {
        // ok: java-unsafe-reflection
        return exporters.get(format).export();
    }

    @PostMapping("/plugin")
    public Object plugin(@RequestParam String pluginClass) throws Exception {
        // ruleid: java-unsafe-reflection
        return getClass().getClassLoader().loadClass(pluginClass).getDeclaredConstructor().newInstance();
    }
}

// fragment: statements without a class
    String type = req.getParameter("type");
    // ruleid: java-unsafe-reflection
    Object widget = Class.forName(type).newInstance();
