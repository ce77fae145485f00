//! Where a person's data lives, and what deleting their account does with each part of it
//! (PRODUCT §2.5: personal data wiped, anonymous history kept). Every column that refers to a
//! person is in `PERSON_COLUMNS`, with its fate; a test reads both databases' schemas and fails
//! for a column that is not, so a new table cannot forget the people in it. Data export and
//! retention rules read the same list.

use sqlx::AnyConnection;

/// What deleting an account does with a column that refers to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// The rows go, or what the person wrote in them is blanked; the note says which.
    Wiped(&'static str),
    /// The row stays and points at the account, which no longer holds a contact, name or
    /// password: nothing leads back to the person.
    Anonymised,
    /// Kept as it is, for the reason given.
    Kept(&'static str),
}

/// Every column that refers to a person: (table, column, fate).
pub const PERSON_COLUMNS: &[(&str, &str, Fate)] = &[
    ("sessions", "user_id", Fate::Wiped("signed out everywhere")),
    ("org_members", "user_id", Fate::Wiped("leaves every team")),
    ("org_members", "added_by", Fate::Anonymised),
    ("organisations", "created_by", Fate::Anonymised),
    ("organisations", "reviewed_by", Fate::Anonymised),
    (
        "notifications",
        "user_id",
        Fate::Wiped("the inbox is deleted"),
    ),
    ("notification_settings", "user_id", Fate::Wiped("deleted")),
    ("community_resources", "created_by", Fate::Anonymised),
    ("events", "created_by", Fate::Anonymised),
    ("event_series", "created_by", Fate::Anonymised),
    (
        "event_participants",
        "user_id",
        Fate::Kept("who came, for the organisers' figures; places to come are given up"),
    ),
    ("event_participants", "added_by", Fate::Anonymised),
    ("event_signup_log", "actor_id", Fate::Anonymised),
    (
        "event_signup_log",
        "participant_id",
        Fate::Kept("the order of sign-ups, which proves the waitlist was fair"),
    ),
    (
        "volunteer_hours",
        "participant_id",
        Fate::Kept("hours given count in the organisations' figures"),
    ),
    ("volunteer_hours", "created_by", Fate::Anonymised),
    ("volunteer_hours_log", "actor_id", Fate::Anonymised),
    (
        "hours_certificates",
        "user_id",
        Fate::Wiped("the holder's name; the certificate stays checkable without it"),
    ),
    ("hours_certificates", "revoked_by", Fate::Anonymised),
    (
        "items",
        "owner_id",
        Fate::Wiped("listings taken down; descriptions, pickup notes and photos deleted"),
    ),
    (
        "item_requests",
        "requester_id",
        Fate::Wiped("requests withdrawn and their messages blanked"),
    ),
    (
        "item_messages",
        "author_id",
        Fate::Wiped("messages blanked"),
    ),
    (
        "item_reports",
        "reporter_id",
        Fate::Wiped("what the report said"),
    ),
    ("item_reports", "resolved_by", Fate::Anonymised),
    (
        "coop_members",
        "user_id",
        Fate::Wiped("unlinked from the member"),
    ),
    ("coop_members", "created_by", Fate::Anonymised),
    ("coop_consents", "collected_by", Fate::Anonymised),
    ("coop_consents", "withdrawn_by", Fate::Anonymised),
    (
        "coop_access_log",
        "viewer_id",
        Fate::Kept("P3: members keep the record of who looked at their data"),
    ),
    (
        "coop_proxy_log",
        "actor_id",
        Fate::Kept("P3: members keep the record of what was done for them"),
    ),
    (
        "coop_bookings",
        "resident_id",
        Fate::Wiped("open bookings cancelled; messages, times and thanks blanked"),
    ),
    ("coop_bookings", "answered_by", Fate::Anonymised),
    (
        "user_active_months",
        "user_id",
        Fate::Kept("the anonymous count of people active each month"),
    ),
    ("code_tries", "user_id", Fate::Wiped("deleted")),
    (
        "one_time_codes",
        "user_id",
        Fate::Wiped("a code asked for to change the contact is deleted"),
    ),
    ("invitations", "answered_by", Fate::Anonymised),
    ("invitations", "invited_by", Fate::Anonymised),
];

/// Whether a column's name says it refers to a person, for columns without a foreign key.
pub fn named_like_a_person(column: &str) -> bool {
    column.ends_with("user_id") || column == "participant_id" || column.ends_with("_by")
}

/// Deletes an account's personal data everywhere, in the caller's transaction: what
/// `PERSON_COLUMNS` says, table by table. The account row stays, without contact, name or
/// password, so anonymous history still counts; the contact is free for a new sign-up.
pub async fn erase(conn: &mut AnyConnection, user_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let live: Option<Option<i64>> =
        sqlx::query_scalar("SELECT deleted_at FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    if !matches!(live, Some(None)) {
        return Ok(false);
    }
    // Events and listings first, the account's own row last: claims lock the event or listing
    // before the person, and this takes them in the same order.
    crate::events::signup::give_up_upcoming(conn, user_id, now).await?;
    crate::items::life::erase_person(conn, user_id, now).await?;
    crate::help::bookings::erase_resident(conn, user_id, now).await?;
    crate::volunteering::certificate::erase_holder(conn, user_id).await?;
    crate::invitations::db::erase_person(conn, user_id, now).await?;
    // What they agreed to in the app as a cooperative member ends with the account (the
    // coordinators' records on paper or in person stay).
    sqlx::query(
        "UPDATE coop_consents SET withdrawn_at = $2, withdrawn_by = $1 \
         WHERE withdrawn_at IS NULL AND method = 'in_app' \
         AND member_id IN (SELECT id FROM coop_members WHERE user_id = $1)",
    )
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE coop_members SET user_id = NULL WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for table in [
        "sessions",
        "org_members",
        "notifications",
        "notification_settings",
        "code_tries",
        "one_time_codes",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    let result = sqlx::query(
        "UPDATE users SET contact = NULL, contact_kind = NULL, display_name = '-', \
         contact_verified_at = NULL, password_hash = NULL, is_admin = 0, calendar_token = NULL, \
         calendar_token_hash = NULL, deleted_at = $1 \
         WHERE id = $2 AND deleted_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}
