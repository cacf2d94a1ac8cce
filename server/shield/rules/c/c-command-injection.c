#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int ping(const char *host, const char *cmd)
{
    char buf[256];
    snprintf(buf, sizeof buf, "ping -c 1 %s", host);
    // ruleid: c-command-injection
    system(buf);
    // ruleid: c-command-injection
    FILE *p = popen(cmd, "r");
    // ruleid: c-command-injection
    execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
    // ok: c-command-injection
    system("clear");
    // ok: c-command-injection
    FILE *q = popen("uptime", "r");
    // ok: c-command-injection
    execl("/bin/ping", "ping", "-c", "1", host, (char *)NULL);
    // ok: c-command-injection
    execlp("ls", "ls", "-l", (char *)NULL);
    /* system(buf) in a comment */
    return pclose(p) + pclose(q);
}

/* fragment */
    std::string cmd = "convert " + std::string(argv[1]) + " out.png";
    // ruleid: c-command-injection
    std::system(cmd.c_str());

/* Code Shield's test snippets (potential-command-injection) */
void icd_system(const char *user_input)
{
    // ok: c-command-injection
    system("ls -l");
    // ok: c-command-injection
    system(F_CLEAR);
    // ok: c-command-injection
    system("cd " OBJPFX " && ls -l " SUBDIR);
    // ruleid: c-command-injection
    system(user_input);
}

void icd_popen_macro(void)
{
    // ok: c-command-injection
    FILE *out = popen("/bin/cat >" OBJPFX "tstpopen.tmp", "w");
    // ruleid: c-command-injection
    FILE *bad = popen(build_cmd(OBJPFX), "w");
}
