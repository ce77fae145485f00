//! `server admin create`: makes a platform admin from the command line (the first one cannot be
//! made anywhere else).

use super::{contact::Contact, db, display_name::parse_display_name, password};
use crate::db::{now_unix, Db};

#[derive(Debug, PartialEq, Eq)]
pub enum AdminCreated {
    /// A new account was made and is an admin.
    NewAccount(i64),
    /// The account already existed; it is now an admin (its password is unchanged).
    Promoted(i64),
}

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("not a mainland mobile number or email address: {0}")]
    Contact(String),
    #[error("the name must have 1 to 40 characters")]
    Name,
    #[error("the password must have {min} to {max} characters", min = password::MIN_PASSWORD_CHARS, max = password::MAX_PASSWORD_CHARS)]
    Password,
    #[error("could not hash the password")]
    Hash,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Makes the account with `contact` a platform admin, creating it with `name` and `password` when
/// it does not exist yet.
pub async fn create_admin(
    db: &Db,
    contact: &str,
    name: &str,
    new_password: String,
) -> Result<AdminCreated, AdminError> {
    let contact = Contact::parse(contact).ok_or_else(|| AdminError::Contact(contact.into()))?;
    if let Some(existing) = db::find_credentials(db.pool(), &contact).await? {
        let mut tx = db.begin_write().await?;
        db::set_admin(&mut tx, existing.id, true).await?;
        tx.commit().await?;
        return Ok(AdminCreated::Promoted(existing.id));
    }
    let name = parse_display_name(name).ok_or(AdminError::Name)?;
    password::check_password_rules(&new_password).map_err(|_| AdminError::Password)?;
    let hash = password::hash_password(new_password)
        .await
        .map_err(|_| AdminError::Hash)?;
    let mut tx = db.begin_write().await?;
    let db::CreateUser::Created(id) =
        db::create_user(&mut tx, &contact, &name, &hash, now_unix()).await?
    else {
        // Only possible if the account appeared between the lookup and the insert.
        return Err(AdminError::Database(sqlx::Error::RowNotFound));
    };
    db::set_admin(&mut tx, id, true).await?;
    // The operator at the server's terminal vouches for the contact of an account made here.
    db::mark_contact_verified(&mut tx, id, now_unix()).await?;
    tx.commit().await?;
    Ok(AdminCreated::NewAccount(id))
}
