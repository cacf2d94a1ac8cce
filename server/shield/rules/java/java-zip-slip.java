import java.util.zip.*;

public class Unzip {
    public void extract(ZipInputStream zis, File destDir) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            // ruleid: java-zip-slip
            File out = new File(destDir, entry.getName());
            String name = entry.getName();
            // ruleid: java-zip-slip
            Path p = destDir.toPath().resolve(name);
            // ok: java-zip-slip
            File meta = new File(destDir, "manifest.json");
            // ok: java-zip-slip
            File flat = new File(destDir, file.getName());
            // ok: java-zip-slip
            String label = entry.getName();
            Files.copy(zis, out.toPath());
        }
    }
}

// fragment: a loop body without its method
for (ZipEntry ze : Collections.list(zip.entries())) {
    // ruleid: java-zip-slip
    try (OutputStream os = new FileOutputStream(new File(target, ze.getName()))) {
