#include <curl/curl.h>

void fetch(CURL *curl)
{
    // ruleid: c-tls-hostname-unchecked
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    // ruleid: c-tls-hostname-unchecked
    curl_easy_setopt(curl, CURLOPT_PROXY_SSL_VERIFYHOST, 0);
    // ok: c-tls-hostname-unchecked
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    // ok: c-tls-hostname-unchecked
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    /* curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L) in a comment */
}

/* fragment */
    // ruleid: c-tls-hostname-unchecked
    if (curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L) != CURLE_OK) {

void strict(CURL *curl)
{
    // ok: c-tls-hostname-unchecked
    curl_easy_setopt(curl, CURLOPT_PROXY_SSL_VERIFYHOST, 2L);
}
