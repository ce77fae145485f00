//! Users in the database.

use super::contact::Contact;
use sqlx::{AnyConnection, AnyPool};

#[derive(Debug, PartialEq, Eq)]
pub enum CreateUser {
    Created(i64),
    /// Someone already signed up with this mobile number or email.
    ContactTaken,
}

/// What sign-in needs to know about an account. Never sent to the browser (holds the hash).
#[derive(Debug, sqlx::FromRow)]
pub struct Credentials {
    pub id: i64,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub is_admin: i64,
}

fn kind(contact: &Contact) -> &'static str {
    match contact {
        Contact::Mobile(_) => "mobile",
        Contact::Email(_) => "email",
    }
}

/// Adds an account; a contact already in use is an answer, not an error (and no race can make two).
pub async fn create_user(
    conn: &mut AnyConnection,
    contact: &Contact,
    display_name: &str,
    password_hash: &str,
    now: i64,
) -> Result<CreateUser, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO users (contact, contact_kind, display_name, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (contact) DO NOTHING RETURNING id",
    )
    .bind(contact.as_str())
    .bind(kind(contact))
    .bind(display_name)
    .bind(password_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(id.map_or(CreateUser::ContactTaken, CreateUser::Created))
}

/// The live account with this contact, if any.
pub async fn find_credentials(
    pool: &AnyPool,
    contact: &Contact,
) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, password_hash, is_admin FROM users \
         WHERE contact = $1 AND deleted_at IS NULL",
    )
    .bind(contact.as_str())
    .fetch_optional(pool)
    .await
}

/// Marks the account's contact as its own: proved by a code, or vouched for by the operator
/// (`server admin create`, the demo people).
pub async fn mark_contact_verified(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET contact_verified_at = $1 \
         WHERE id = $2 AND contact_verified_at IS NULL AND contact IS NOT NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_admin(
    conn: &mut AnyConnection,
    user_id: i64,
    admin: bool,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("UPDATE users SET is_admin = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(i64::from(admin))
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// The language the person reads in (for notifications sent while they are away).
pub async fn set_lang(
    conn: &mut AnyConnection,
    user_id: i64,
    lang: crate::i18n::Lang,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
        .bind(lang.code())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The stored password hash of a live account.
pub async fn password_hash(pool: &AnyPool, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    let hash: Option<Option<String>> =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL")
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    Ok(hash.flatten())
}

/// Removes the password: the account signs in by code until a new one is set.
pub async fn clear_password(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = NULL WHERE id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_password_hash(
    conn: &mut AnyConnection,
    user_id: i64,
    hash: &str,
) -> Result<bool, sqlx::Error> {
    let result =
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2 AND deleted_at IS NULL")
            .bind(hash)
            .bind(user_id)
            .execute(conn)
            .await?;
    Ok(result.rows_affected() == 1)
}

/// Takes the person's row lock for this transaction (a no-op update: PostgreSQL locks the row,
/// SQLite's write transaction holds the database already), so that claims made by one person at
/// the same moment are decided one after another.
pub async fn lock_person(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET created_at = created_at WHERE id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}
