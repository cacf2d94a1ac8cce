#include <memory>

class Parser;

// ruleid: cpp-auto-ptr
std::auto_ptr<Parser> make_parser();

void run()
{
    // ruleid: cpp-auto-ptr
    std::auto_ptr<Parser> p(new Parser);
    // ruleid: cpp-auto-ptr
    auto q = std::auto_ptr<Parser>(new Parser);
    // ok: cpp-auto-ptr
    std::unique_ptr<Parser> r = std::make_unique<Parser>();
    // ok: cpp-auto-ptr
    auto s = std::make_shared<Parser>();
    // ok: cpp-auto-ptr
    int auto_ptr_count = 0;
    /* std::auto_ptr<Parser> in a comment */
    const char *msg = "std::auto_ptr<Parser> is removed";
}

// fragment: a member list without its class
    // ruleid: cpp-auto-ptr
    std::auto_ptr<Connection> conn_;
    int retries_;

/* Code Shield's test snippet (deprecated-auto_ptr-usage) */
void icd_auto_ptr()
{
    // ruleid: cpp-auto-ptr
    std::auto_ptr<int> p(new int(5));
    // ok: cpp-auto-ptr
    std::unique_ptr<int> q(new int(5));
}
