// fragment: statements without their function
    // ruleid: c-toctou-access
    if (::access(target.c_str(), W_OK) == 0) {
        std::ofstream out(target);
        unlink(target.c_str());
