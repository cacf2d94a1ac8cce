import java.io.*;
import java.nio.file.*;

public class Downloads extends HttpServlet {
    private static final String BASE = "/srv/files";

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java-path-traversal
        File f = new File(BASE, request.getParameter("name"));
        String path = request.getParameter("path");
        // ruleid: java-path-traversal
        InputStream in = new FileInputStream(path);
        // ruleid: java-path-traversal
        byte[] data = Files.readAllBytes(Paths.get("/srv/files/" + path));
        // ruleid: java-path-traversal
        Path target = Paths.get(BASE).resolve(request.getHeader("X-File"));
        // ok: java-path-traversal
        File fixed = new File(BASE, "index.html");
        // ok: java-path-traversal
        InputStream cfg = new FileInputStream(System.getProperty("app.config"));
        // ok: java-path-traversal
        String label = request.getParameter("label");
        File log = new File("/var/log/app.log");
    }
}

@RestController
class FileController {
    @GetMapping("/files")
    public byte[] read(@RequestParam String filename) throws IOException {
        // ruleid: java-path-traversal
        return Files.readAllBytes(new File(uploadDir, filename).toPath());
    }

    @PostMapping("/upload")
    public void upload(MultipartFile file) throws IOException {
        // ruleid: java-path-traversal
        file.transferTo(new File("/srv/uploads/" + file.getOriginalFilename()));
        // ok: java-path-traversal
        file.transferTo(new File(uploadDir, UUID.randomUUID() + ".bin"));
    }
}

// fragment
    // ruleid: java-path-traversal
    FileReader r = new FileReader("/data/" + req.getParameter("doc"));
