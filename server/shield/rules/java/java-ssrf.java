import java.net.*;

public class Proxy extends HttpServlet {
    private static final String STATUS_URL = "https://status.example.com/api";

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java-ssrf
        URLConnection c = new URL(request.getParameter("url")).openConnection();
        String feed = request.getParameter("feed");
        // ruleid: java-ssrf
        InputStream in = new URL(feed).openStream();
        // ruleid: java-ssrf
        HttpRequest r = HttpRequest.newBuilder(URI.create(request.getParameter("target"))).build();
        // ok: java-ssrf
        URLConnection s = new URL(STATUS_URL).openConnection();
        // ok: java-ssrf
        URL fixed = new URL("https://api.example.com/v1/items");
        // ok: java-ssrf
        String name = request.getParameter("name");
        URL byName = new URL("https", "api.example.com", "/users");
    }
}

@RestController
class PreviewController {
    private RestTemplate rest;

    @GetMapping("/preview")
    public String preview(@RequestParam String url) {
        // ruleid: java-ssrf
        return rest.getForObject(url, String.class);
    }

    @GetMapping("/user")
    public String user(@RequestParam String id) {
        // ok: java-ssrf
        return rest.getForObject("https://users.internal/api/{id}", String.class, id);
    }
}

// fragment
    // ruleid: java-ssrf
    Document page = Jsoup.connect(req.getParameter("link")).get();

class IcdSocketCases extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        Socket s = new Socket();
        // ruleid: java-ssrf
        s.connect(new InetSocketAddress(host, 80));
        // ok: java-ssrf
        s.connect(new InetSocketAddress("internal.example", 80));
        // ok: java-ssrf
        s.connect(new InetSocketAddress(config.backendHost(), 80));
    }
}
