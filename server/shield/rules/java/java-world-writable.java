import java.nio.file.attribute.*;

public class Exporter {
    public void export(File out, Path dir) throws IOException {
        // ruleid: java-world-writable
        out.setWritable(true, false);
        // ruleid: java-world-writable
        out.setReadable(true, false);
        // ruleid: java-world-writable
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Set<PosixFilePermission> perms = new HashSet<>();
        // ruleid: java-world-writable
        perms.add(PosixFilePermission.OTHERS_WRITE);
        // ok: java-world-writable
        out.setReadable(true, true);
        // ok: java-world-writable
        out.setWritable(false, false);
        // ok: java-world-writable
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rw-r-----"));
        // ok: java-world-writable
        perms.add(PosixFilePermission.OWNER_WRITE);
    }
}

// fragment
    // ruleid: java-world-writable
    Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
