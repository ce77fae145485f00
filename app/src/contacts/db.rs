//! Accounts and the contacts they proved. A contact belongs to the account that proved it by a
//! code; an account that only typed it in (before codes, or someone else's number) loses it to
//! the person who proves it.

use crate::accounts::contact::Contact;
use crate::notifications::model::Notice;
use sqlx::AnyConnection;

/// The live account holding a contact, and whether it proved it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    pub user_id: i64,
    pub verified: bool,
}

pub async fn holder(
    conn: &mut AnyConnection,
    contact: &str,
) -> Result<Option<Holder>, sqlx::Error> {
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, contact_verified_at FROM users WHERE contact = $1 AND deleted_at IS NULL",
    )
    .bind(contact)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(user_id, verified_at)| Holder {
        user_id,
        verified: verified_at.is_some(),
    }))
}

/// Gives the account this contact, proved now.
pub async fn set_verified_contact(
    conn: &mut AnyConnection,
    user_id: i64,
    contact: &Contact,
    now: i64,
) -> Result<(), sqlx::Error> {
    let kind = match contact {
        Contact::Mobile(_) => "mobile",
        Contact::Email(_) => "email",
    };
    sqlx::query(
        "UPDATE users SET contact = $1, contact_kind = $2, contact_verified_at = $3 \
         WHERE id = $4 AND deleted_at IS NULL",
    )
    .bind(contact.as_str())
    .bind(kind)
    .bind(now)
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes a contact away from an account that never proved it, because someone else just did:
/// the account loses the contact and every session, and finds a notice in its inbox.
pub async fn take_back(
    conn: &mut AnyConnection,
    from_user: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET contact = NULL, contact_kind = NULL \
         WHERE id = $1 AND contact_verified_at IS NULL",
    )
    .bind(from_user)
    .execute(&mut *conn)
    .await?;
    crate::accounts::session::end_all_sessions(conn, from_user).await?;
    crate::notifications::db::notify(conn, from_user, &Notice::ContactTakenBack {}, now).await?;
    Ok(())
}

/// What 我的 shows of the person's own contact.
pub async fn own_contact(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<(String, bool)>, sqlx::Error> {
    let row: Option<(Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT contact, contact_verified_at FROM users WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(|(contact, verified)| contact.map(|c| (c, verified.is_some()))))
}
