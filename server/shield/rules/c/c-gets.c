#include <stdio.h>

int read_name(void)
{
    char name[64];
    // ruleid: c-gets
    gets(name);
    // ruleid: c-gets
    if (gets(name) == NULL) return -1;
    // ok: c-gets
    fgets(name, sizeof name, stdin);
    // ok: c-gets
    reader.gets(name);
    // ok: c-gets
    printf("do not use gets(name)\n");
    // gets(name) is banned
    return 0;
}

/* fragment */
    char line[128];
    while (1) {
        // ruleid: c-gets
        char *s = gets(line);

/* Code Shield's test snippet (bugprone-gets) */
void icd_gets(char *str)
{
    // ruleid: c-gets
    gets(str);
}
