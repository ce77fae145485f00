//! Secret tokens (a session's, a calendar address's) are never stored as they are: only their
//! hash, so a copy of the database opens nothing. A leaf: it imports nothing of the app.

use sha2::{Digest, Sha256};

/// What is stored of a secret token (a session's, a calendar address's): its SHA-256, in hex.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Bytes in lower-case hex. Written into one string: a `format!` per byte was 32 allocations on
/// every signed-in request.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// A random six-digit code (leading zeros kept): told in person, typed back, or sent by SMS.
pub fn six_digit_code() -> String {
    use rand::Rng as _;
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_hash_is_sha256_in_hex() {
        assert_eq!(
            super::token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
