void drop(Widget *w, Widget *v)
{
    delete w;
    // ruleid: c-double-free
    delete w;
    delete v;
    // ok: c-double-free
    delete w_copy;
}
