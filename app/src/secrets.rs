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

/// A new seal: 32 random hex digits that stand for a code under a server key. A queue keeps the
/// seal instead of the code, so a copy of the database holds no code it could use.
pub fn new_seal() -> String {
    hex(&rand::random::<[u8; 16]>())
}

/// The six-digit code `seal` stands for under `key` (an HMAC, so without the key the seal tells
/// nothing; the bias of taking it modulo a million is below one in ten million million).
pub fn code_from_seal(key: &[u8], seal: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(b"sealed code\0");
    mac.update(seal.as_bytes());
    let bytes = mac.finalize().into_bytes();
    let first = u64::from_be_bytes(bytes[..8].try_into().expect("a SHA-256 has 32 bytes"));
    format!("{:06}", first % 1_000_000)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_seal_stands_for_one_code_under_one_key() {
        let seal = super::new_seal();
        let code = super::code_from_seal(b"key one", &seal);
        assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(super::code_from_seal(b"key one", &seal), code);
        let others: std::collections::HashSet<String> = (0..20)
            .map(|n| super::code_from_seal(format!("key {n}").as_bytes(), &seal))
            .collect();
        assert!(others.len() > 15, "another key, another code");
    }

    #[test]
    fn a_hash_is_sha256_in_hex() {
        assert_eq!(
            super::token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
