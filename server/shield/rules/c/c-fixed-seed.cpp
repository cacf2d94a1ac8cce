#include <random>
#include <cstdlib>

int pick(int n)
{
    // ruleid: c-fixed-seed
    std::mt19937 gen(42);
    // ruleid: c-fixed-seed
    std::default_random_engine eng{1234};
    // ruleid: c-fixed-seed
    srand(7);
    // ruleid: c-fixed-seed
    gen.seed(99);
    // ruleid: c-fixed-seed
    unsigned int rng_seed = 31337;
    // ok: c-fixed-seed
    std::mt19937 good{std::random_device{}()};
    // ok: c-fixed-seed
    std::mt19937 good2(rd());
    // ok: c-fixed-seed
    unsigned int seed = 0;
    // ok: c-fixed-seed
    size_t seed_len = 16;
    // ok: c-fixed-seed
    srand(time(NULL));
    // ok: c-fixed-seed
    std::uniform_int_distribution<int> dist(0, n);
    return dist(gen);
}

/* Code Shield's test snippets (fixed-seed-usage, fixed-seed-prng-usage) */
void icd_seeds()
{
    // ruleid: c-fixed-seed
    const char* prng_seed = "abc";
    // ok: c-fixed-seed
    const char* regularVariable = "abc";
    // ruleid: c-fixed-seed
    auto a = std::mt19937{};
    // ruleid: c-fixed-seed
    auto b = std::default_random_engine(0);
    // ruleid: c-fixed-seed
    auto c = std::default_random_engine(12345 /* seed */);
    // ok: c-fixed-seed
    auto d = std::mt19937{std::random_device{}()};
}
