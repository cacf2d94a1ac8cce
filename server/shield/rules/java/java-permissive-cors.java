// ruleid: java-permissive-cors
@CrossOrigin
@RestController
class AccountController {
    // ruleid: java-permissive-cors
    @CrossOrigin(origins = "*")
    @GetMapping("/me")
    public Account me() { return current(); }

    // ok: java-permissive-cors
    @CrossOrigin(origins = "https://app.example.com")
    @GetMapping("/public")
    public Info info() { return info; }
}

@Configuration
class WebConfig implements WebMvcConfigurer {
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: java-permissive-cors
        registry.addMapping("/**").allowedOrigins("*").allowCredentials(false);
        // ok: java-permissive-cors
        registry.addMapping("/api/**").allowedOrigins("https://app.example.com");
    }
}

// fragment
    // ruleid: java-permissive-cors
    response.setHeader("Access-Control-Allow-Origin", request.getHeader("Origin"));
    // ok: java-permissive-cors
    response.setHeader("Access-Control-Allow-Methods", "*");

class IcdCorsCases extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getParameter("origin");
        // ruleid: java-permissive-cors
        response.setHeader("Access-Control-Allow-Origin", origin);
        String trusted = config.allowedOrigin();
        // ok: java-permissive-cors
        response.setHeader("Access-Control-Allow-Origin", trusted);
        // ok: java-permissive-cors
        response.setHeader("Access-Control-Allow-Methods", origin);
    }
}
