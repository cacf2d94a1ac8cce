public class SearchServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String q = request.getParameter("q");
        // ruleid: java-regex-injection
        Pattern p = Pattern.compile(q);
        // ruleid: java-regex-injection
        boolean hit = title.matches(".*" + request.getParameter("term") + ".*");
        // ok: java-regex-injection
        Pattern quoted = Pattern.compile(Pattern.quote(q));
        // ok: java-regex-injection
        Pattern fixed = Pattern.compile("^[a-z0-9_-]{3,32}$");
        // ok: java-regex-injection
        String[] parts = q.split(",");
    }
}

@RestController
class FilterController {
    @GetMapping("/filter")
    public List<String> filter(@RequestParam String pattern) {
        // ruleid: java-regex-injection
        Pattern p = Pattern.compile(pattern);
        return names.stream().filter(n -> p.matcher(n).find()).toList();
    }
}

// fragment: statements without a class
    String filter = req.getParameter("filter");
    // ruleid: java-regex-injection
    boolean hit = title.matches(filter);
