//! Password rules and hashing (argon2 through the RustCrypto `password-auth` crate). Hashing is
//! deliberately slow, so it runs on tokio's blocking pool and never stalls other requests, one hash
//! per core at a time.

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

/// Argon2 takes 19 MiB and a core's worth of time per hash: a burst of sign-ins run all at once
/// would take gigabytes (240 at once took 2 GB in the fault tests). At most one hash per core runs;
/// the rest wait their turn, which costs them no more time than sharing the cores would.
#[cfg(feature = "ssr")]
static HASHING: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        std::sync::Arc::new(tokio::sync::Semaphore::new(cores))
    });

/// `work` on tokio's blocking pool once a hashing slot is free; `None` if it could not run. The
/// slot goes with the work, so a request dropped while hashing still frees it only when done.
#[cfg(feature = "ssr")]
async fn when_a_core_is_free<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let slot = HASHING.clone().acquire_owned().await.ok()?;
    let done = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        work()
    });
    match done.await {
        Ok(result) => Some(result),
        Err(error) => {
            tracing::error!(%error, "password hashing task failed");
            None
        }
    }
}

#[cfg(feature = "ssr")]
pub async fn hash_password(password: String) -> Result<String, crate::error::AppError> {
    when_a_core_is_free(move || password_auth::generate_hash(password))
        .await
        .ok_or(crate::error::AppError::Internal)
}

/// Whether `password` matches the stored PHC `hash`; a malformed hash never matches.
#[cfg(feature = "ssr")]
pub async fn verify_password(password: String, hash: String) -> bool {
    when_a_core_is_free(move || password_auth::verify_password(password, &hash).is_ok())
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
