import random


def setup(config):
    # ruleid: python-fixed-prng-seed
    rng_seed = "1234"
    # ruleid: python-fixed-prng-seed
    self.rngSeed = 42
    # ok: python-fixed-prng-seed
    rng_seed = int.from_bytes(os.urandom(8), "big")
    # ok: python-fixed-prng-seed
    rng_seed = config.seed
    # ok: python-fixed-prng-seed
    seed_label = "1234"
    random.seed(rng_seed)
