use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

fn generate_api_key() -> String {
    // ruleid: rust-constant-seed
    let mut rng = ChaCha20Rng::seed_from_u64(42);
    (0..32).map(|_| rng.sample(rand::distributions::Alphanumeric) as char).collect()
}

fn make_nonce() -> [u8; 12] {
    // ruleid: rust-constant-seed
    let mut rng = rand::rngs::StdRng::from_seed([7u8; 32]);
    rng.gen()
}

fn simulation_step() -> f64 {
    // ok: rust-constant-seed
    let mut rng = rand::rngs::StdRng::seed_from_u64(1234);
    rng.gen()
}

fn session_token(seed: u64) -> u64 {
    // ok: rust-constant-seed
    let mut rng = ChaCha20Rng::from_entropy();
    // ok: rust-constant-seed
    let mut other = ChaCha20Rng::seed_from_u64(seed);
    // ChaCha20Rng::seed_from_u64(42) in a comment
    rng.gen::<u64>() ^ other.gen::<u64>()
}

// fragment
    // ruleid: rust-constant-seed
    let mut key_rng = ChaCha8Rng::seed_from_u64(0xDEAD_BEEF);
    let key: [u8; 32] = key_rng.gen();
