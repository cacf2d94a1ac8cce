public class LoginServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        login(request);
        // ruleid: java-open-redirect
        response.sendRedirect(request.getParameter("next"));
        String target = request.getParameter("returnUrl");
        // ruleid: java-open-redirect
        response.sendRedirect(target);
        // ruleid: java-open-redirect
        response.setHeader("Location", request.getHeader("Referer"));
        // ok: java-open-redirect
        response.sendRedirect("/home");
        // ok: java-open-redirect
        response.sendRedirect(request.getContextPath() + "/dashboard");
        // ok: java-open-redirect
        response.setHeader("Cache-Control", request.getParameter("cc"));
    }
}

@Controller
class AuthController {
    @GetMapping("/continue")
    public String cont(@RequestParam("next") String nextUrl) {
        // ruleid: java-open-redirect
        return "redirect:" + nextUrl;
    }

    @GetMapping("/profile")
    public String profile(@RequestParam String user) {
        // ok: java-open-redirect
        return "redirect:/users/" + user.hashCode();
    }
}

// fragment
    // ruleid: java-open-redirect
    return new RedirectView(req.getParameter("url"));
