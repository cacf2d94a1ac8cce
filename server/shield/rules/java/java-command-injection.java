import java.io.IOException;
import java.util.List;

public class Commands {
    public void ping(String host, String cmd) throws IOException {
        // ruleid: java-command-injection
        Runtime.getRuntime().exec("ping -c 1 " + host);
        Runtime rt = Runtime.getRuntime();
        // ruleid: java-command-injection
        rt.exec(cmd);
        // ruleid: java-command-injection
        rt.exec(new String[] {"/bin/sh", "-c", "ls " + host});
        // ruleid: java-command-injection
        new ProcessBuilder("bash", "-c", cmd).start();
        // ruleid: java-command-injection
        ProcessBuilder pb = new ProcessBuilder(cmd.split(" "));
        // ruleid: java-command-injection
        pb.command("cmd.exe", "/c", "dir " + host);
        // ok: java-command-injection
        Runtime.getRuntime().exec("ls -l");
        // ok: java-command-injection
        rt.exec(new String[] {"sh", "-c", "uptime"});
        // ok: java-command-injection
        new ProcessBuilder("ping", "-c", "1", host).start();
        // ok: java-command-injection
        new ProcessBuilder(List.of("git", "clone", host)).start();
        // ok: java-command-injection
        executor.exec(cmd);
        // ok: java-command-injection
        Process tool = new ProcessBuilder(toolPath).start();
        // Runtime.getRuntime().exec(cmd) in a comment is not code
        String doc = "rt.exec(cmd) is dangerous";
    }
}

// fragment: a method body without its class, as a model often writes it:
    String out = run(request.getParameter("dir"));
    // ruleid: java-command-injection
    Process p = Runtime.getRuntime().exec("ls " + request.getParameter("dir"));

class IcdRuntimeCases {
    void run(String userInput) throws Exception {
        String dir = System.getProperty("dir");
        Runtime rt = Runtime.getRuntime();
        // ruleid: java-command-injection
        Process proc = rt.exec(new String[] {"sh", "-c", "ls " + dir});
        // ruleid: java-command-injection
        Runtime.getRuntime().exec(userInput);
        // ok: java-command-injection
        Runtime.getRuntime().exec(new String[] {"ls", "-l"});
    }
}
