#include <cstdlib>

void work(size_t n)
{
    int *values = new int[n];
    fill(values, n);
    // ruleid: cpp-new-delete-mismatch
    delete values;

    Widget *w = new Widget();
    // ruleid: cpp-new-delete-mismatch
    free(w);

    char *raw = static_cast<char *>(malloc(n));
    // ruleid: cpp-new-delete-mismatch
    delete raw;

    double *ok = new double[n];
    // ok: cpp-new-delete-mismatch
    delete[] ok;
    Widget *one = new Widget();
    // ok: cpp-new-delete-mismatch
    delete one;
    char *buf = (char *)malloc(n);
    // ok: cpp-new-delete-mismatch
    free(buf);
    /* delete values; in a comment */
}

// fragment
    uint8_t *frame = new uint8_t[size];
    decode(frame);
    // ruleid: cpp-new-delete-mismatch
    delete frame;

// a function cut off in the middle
void render(size_t w, size_t h) {
    Pixel *px = new Pixel[w * h];
    draw(px);
    // ruleid: cpp-new-delete-mismatch
    delete px;
    if (w > 0) {
