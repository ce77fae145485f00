//! The server's key for one-time codes: `SECRET_KEY` when set (several instances share it that
//! way), else a key file made on the first start with a random key, readable by its owner only.
//! Never in the database: a copy of the database must not be enough to read codes.

use sha2::{Digest, Sha256};
use std::path::Path;

/// The 32 bytes of the key: SHA-256 of the setting (any length of text works as a setting).
pub fn load(setting: Option<&str>, file: &Path) -> Result<[u8; 32], String> {
    if let Some(text) = setting {
        if text.len() < 16 {
            return Err("SECRET_KEY must be at least 16 characters long".into());
        }
        return Ok(Sha256::digest(text.as_bytes()).into());
    }
    if let Ok(text) = std::fs::read_to_string(file) {
        let text = text.trim();
        if text.len() >= 16 {
            return Ok(Sha256::digest(text.as_bytes()).into());
        }
        return Err(format!("the key file {} is too short", file.display()));
    }
    let fresh = {
        use rand::RngCore as _;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        app::secrets::hex(&bytes)
    };
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    write_private(file, &fresh).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    tracing::info!(file = %file.display(), "made a new key for one-time codes");
    Ok(Sha256::digest(fresh.as_bytes()).into())
}

#[cfg(unix)]
fn write_private(file: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)?;
    out.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(file: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(file, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_is_made_once_and_read_back_the_same() {
        let dir = std::env::temp_dir().join(format!("yyx-key-{}", std::process::id()));
        let file = dir.join("secret.key");
        let first = load(None, &file).unwrap();
        let again = load(None, &file).unwrap();
        assert_eq!(first, again);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // A setting wins over the file, and must not be trivially short.
        assert_ne!(
            load(Some("a long shared secret for codes"), &file).unwrap(),
            first
        );
        assert!(load(Some("short"), &file).is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
