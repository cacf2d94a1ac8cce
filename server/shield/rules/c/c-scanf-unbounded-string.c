#include <stdio.h>

void read_user(FILE *fp, const char *line)
{
    char user[32], host[64];
    int port;
    // ruleid: c-scanf-unbounded-string
    scanf("%s", user);
    // ruleid: c-scanf-unbounded-string
    fscanf(fp, "%s %d", host, &port);
    // ruleid: c-scanf-unbounded-string
    sscanf(line, "%[^:]:%d", host, &port);
    // ok: c-scanf-unbounded-string
    scanf("%31s", user);
    // ok: c-scanf-unbounded-string
    sscanf(line, "%63[^:]:%d", host, &port);
    // ok: c-scanf-unbounded-string
    scanf("%d", &port);
    // ok: c-scanf-unbounded-string
    scanf("%*s %d", &port);
    // ok: c-scanf-unbounded-string
    printf("%s\n", user);
    /* scanf("%s", user) is the classic mistake */
}

/* fragment */
    char word[16];
    // ruleid: c-scanf-unbounded-string
    while (scanf("%s", word) == 1) {

/* Code Shield's test snippets (bugprone-scanf) */
void icd_scanf(char *buffer)
{
    // ruleid: c-scanf-unbounded-string
    scanf("%s", buffer);
    // ok: c-scanf-unbounded-string
    scanf("%63s", buffer);
}
