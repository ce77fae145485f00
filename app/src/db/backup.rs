//! `server backup PATH`: a consistent copy of the whole database while the app keeps running.

use super::{Db, DbKind};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name so no earlier backup is overwritten")]
    TargetExists(PathBuf),
    #[error(
        "backups of PostgreSQL are made with its own tool, for example: \
         pg_dump --format=custom --file=yunyixiang.dump \"$DATABASE_URL\""
    )]
    UsePgDump,
    #[error("cannot create the folder for the backup: {0}")]
    Folder(std::io::Error),
    #[error("the backup failed: {0}")]
    Database(#[from] sqlx::Error),
}

impl Db {
    /// Writes a consistent, compacted copy of an SQLite database to `target` (`VACUUM INTO`).
    pub async fn backup(&self, target: &Path) -> Result<(), BackupError> {
        if self.kind == DbKind::Postgres {
            return Err(BackupError::UsePgDump);
        }
        if target.exists() {
            return Err(BackupError::TargetExists(target.to_path_buf()));
        }
        if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(BackupError::Folder)?;
        }
        sqlx::query("VACUUM INTO $1")
            .bind(target.to_string_lossy().into_owned())
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
