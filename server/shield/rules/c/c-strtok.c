#include <string.h>

void split(char *line)
{
    // ruleid: c-strtok
    char *word = strtok(line, " ");
    while (word) {
        puts(word);
        // ruleid: c-strtok
        word = strtok(NULL, " ");
    }
    char *save = NULL;
    // ok: c-strtok
    for (char *t = strtok_r(line, ",", &save); t; t = strtok_r(NULL, ",", &save)) puts(t);
    // ok: c-strtok
    char *u = strtok_s(line, ",", &save);
    // ok: c-strtok
    size_t n = strcspn(line, ",");
    /* strtok(line, ",") in a comment */
}

/* Code Shield's test snippet (insecure-strtok-usage) */
void icd_strtok(char *str, const char *delim)
{
    // ruleid: c-strtok
    char *token = strtok(str, delim);
}
