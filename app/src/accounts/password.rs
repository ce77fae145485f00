//! Password rules and hashing (argon2 through the RustCrypto `password-auth` crate). Hashing is
//! deliberately slow, so it runs on tokio's blocking pool and never stalls other requests.

/// Fewer than this many characters is refused at sign-up and password change.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Long enough for any passphrase, short enough that hashing cannot be used to tie up the server.
pub const MAX_PASSWORD_CHARS: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
}

pub fn check_password_rules(password: &str) -> Result<(), PasswordProblem> {
    match password.chars().count() {
        n if n < MIN_PASSWORD_CHARS => Err(PasswordProblem::TooShort),
        n if n > MAX_PASSWORD_CHARS => Err(PasswordProblem::TooLong),
        _ => Ok(()),
    }
}

#[cfg(feature = "ssr")]
pub async fn hash_password(password: String) -> Result<String, crate::error::AppError> {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .map_err(|error| {
            tracing::error!(%error, "password hashing task failed");
            crate::error::AppError::Internal
        })
}

/// Whether `password` matches the stored PHC `hash`; a malformed hash never matches.
#[cfg(feature = "ssr")]
pub async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules_count_characters_not_bytes() {
        assert_eq!(
            check_password_rules("short"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_password_rules("云益享云益享云益"), Ok(()));
        assert_eq!(
            check_password_rules("云益享云益享云"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_password_rules(&"x".repeat(MAX_PASSWORD_CHARS + 1)),
            Err(PasswordProblem::TooLong)
        );
    }

    #[cfg(feature = "ssr")]
    #[tokio::test]
    async fn hashes_verify_and_are_salted() {
        let a = hash_password("correct horse".into()).await.unwrap();
        let b = hash_password("correct horse".into()).await.unwrap();
        assert!(a.starts_with("$argon2"));
        assert_ne!(a, b);
        assert!(verify_password("correct horse".into(), a.clone()).await);
        assert!(!verify_password("wrong horse".into(), a).await);
        assert!(!verify_password("anything".into(), "not a hash".into()).await);
    }
}
