#include <vector>
#include <map>

void prune(std::vector<int> &v, std::map<int, Session> &sessions, std::vector<int> &other)
{
    for (int x : v) {
        if (x < 0) {
            // ruleid: cpp-iterator-invalidation
            v.erase(std::find(v.begin(), v.end(), x));
        }
    }
    for (auto &s : sessions) {
        // ruleid: cpp-iterator-invalidation
        sessions.erase(s.first);
    }
    for (const auto &x : v) {
        if (x > 10)
            // ruleid: cpp-iterator-invalidation
            v.push_back(x / 2);
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (*it == 0) {
            // ruleid: cpp-iterator-invalidation
            v.erase(it);
        }
    }
    for (auto it = v.begin(); it != v.end();) {
        if (*it == 0)
            // ok: cpp-iterator-invalidation
            it = v.erase(it);
        else
            ++it;
    }
    for (auto it = sessions.begin(); it != sessions.end();) {
        // ok: cpp-iterator-invalidation
        if (it->second.expired()) sessions.erase(it++); else ++it;
    }
    for (int x : v) {
        // ok: cpp-iterator-invalidation
        other.push_back(x);
    }
    // ok: cpp-iterator-invalidation
    v.erase(std::remove(v.begin(), v.end(), 0), v.end());
    /* for (int x : v) v.erase(...) in a comment */
}

void drain(std::vector<int> &v, std::vector<int> &other)
{
    // ok: cpp-iterator-invalidation
    for (int x : v) other.push_back(x);
    v.clear();
}

// fragment: a loop without its function
    for (auto &conn : connections) {
        if (conn.closed())
            // ruleid: cpp-iterator-invalidation
            connections.erase(conn.id());
    }

// fragment: a function cut off inside its loop
void prune_dead(std::vector<Conn> &conns) {
    for (auto &c : conns) {
        if (c.dead())
            // ruleid: cpp-iterator-invalidation
            conns.erase(c);
