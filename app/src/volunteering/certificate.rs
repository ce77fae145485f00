//! Volunteer certificates (志愿服务记录证明): a person's confirmed hours at one organisation in
//! one year, fixed at the moment of issue under a random serial number. Anyone holding the
//! serial (printed with a QR code on the certificate) can check it at `/verify/{serial}`, which
//! shows name, organisation, hours and period — and nothing else.

use crate::orgs::model::Tier;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    pub serial: String,
    /// Empty once the holder has deleted their account (`holder_deleted`).
    pub holder_name: String,
    pub holder_deleted: bool,
    pub org_name: String,
    /// The organisation's badge when the certificate was issued, and now: one that has lost its
    /// verification since is shown as such on the verification page.
    pub org_tier_at_issue: Tier,
    pub org_tier_now: Tier,
    /// China dates, YYYY-MM-DD.
    pub period_from: String,
    pub period_to: String,
    pub minutes: i64,
    pub events: i64,
    pub issued_at: i64,
    /// Replaced by a newer certificate, or withdrawn.
    pub revoked: bool,
}

/// A certificate as the organisation that issued it sees it: if withdrawn, when, by whom and why
/// (none of which the public verification page shows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    pub certificate: Certificate,
    pub revoked_at: Option<i64>,
    /// Empty when a newer certificate replaced it, or the person who withdrew it left.
    pub revoked_by: String,
    pub revoke_reason: String,
}

/// The longest reason for withdrawing a certificate.
pub const REVOKE_REASON_MAX: usize = 200;

/// Serials look like `YYX-2026-7KQ4M9TP`: the year, then 8 characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L), about 10^12 possibilities per year — not guessable.
#[cfg(feature = "ssr")]
pub fn new_serial(year: i32) -> String {
    use rand::Rng as _;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut rng = rand::rng();
    let tail: String = (0..8)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect();
    format!("YYX-{year}-{tail}")
}

/// Whether `text` could be a serial (checked before touching the database).
pub fn looks_like_serial(text: &str) -> bool {
    text.len() <= 20
        && text.starts_with("YYX-")
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(feature = "ssr")]
pub use db::*;

#[cfg(feature = "ssr")]
mod db {
    use super::*;
    use crate::volunteering::record::{served_events, service_years};
    use sqlx::{AnyConnection, AnyPool, FromRow};

    #[derive(FromRow)]
    struct Row {
        serial: String,
        holder_name: String,
        holder_deleted_at: Option<i64>,
        org_name: String,
        org_verification: Option<String>,
        org_verification_now: Option<String>,
        period_from: String,
        period_to: String,
        minutes: i64,
        events: i64,
        issued_at: i64,
        revoked_at: Option<i64>,
    }

    impl From<Row> for Certificate {
        fn from(row: Row) -> Self {
            Certificate {
                serial: row.serial,
                holder_name: if row.holder_deleted_at.is_some() {
                    String::new()
                } else {
                    row.holder_name
                },
                holder_deleted: row.holder_deleted_at.is_some(),
                org_name: row.org_name,
                org_tier_at_issue: Tier::of_stored(row.org_verification.as_deref().unwrap_or("")),
                org_tier_now: Tier::of_stored(row.org_verification_now.as_deref().unwrap_or("")),
                period_from: row.period_from,
                period_to: row.period_to,
                minutes: row.minutes,
                events: row.events,
                issued_at: row.issued_at,
                revoked: row.revoked_at.is_some(),
            }
        }
    }

    /// A certificate's columns, from `FROM` (`c`, with its organisation as it is now, `o`).
    const COLUMNS: &str = "c.serial, c.holder_name, h.deleted_at AS holder_deleted_at, \
                           c.org_name, c.org_verification, \
                           o.verification AS org_verification_now, c.period_from, c.period_to, \
                           c.minutes, c.events, c.issued_at, c.revoked_at";
    const FROM: &str = "hours_certificates c LEFT JOIN organisations o ON o.id = c.org_id \
                        LEFT JOIN users h ON h.id = c.user_id";

    pub async fn find(pool: &AnyPool, serial: &str) -> Result<Option<Certificate>, sqlx::Error> {
        let row: Option<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM {FROM} WHERE c.serial = $1"))
                .bind(serial)
                .fetch_optional(pool)
                .await?;
        Ok(row.map(Certificate::from))
    }

    /// Whether `user_id` holds the certificate.
    pub async fn held_by(pool: &AnyPool, serial: &str, user_id: i64) -> Result<bool, sqlx::Error> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM hours_certificates WHERE serial = $1 AND user_id = $2",
        )
        .bind(serial)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
        Ok(found.is_some())
    }

    /// A person's valid certificates, newest first.
    pub async fn of_user(pool: &AnyPool, user_id: i64) -> Result<Vec<Certificate>, sqlx::Error> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE c.user_id = $1 AND c.revoked_at IS NULL \
             ORDER BY c.issued_at DESC, c.id DESC"
        ))
        .bind(user_id)
        .fetch_all(pool)
        .await?;
        Ok(rows.into_iter().map(Certificate::from).collect())
    }

    #[derive(FromRow)]
    struct IssuedRow {
        #[sqlx(flatten)]
        row: Row,
        revoked_by: Option<String>,
        revoke_reason: Option<String>,
    }

    /// The certificates issued for `org_id`'s hours, newest first (at most `limit`).
    pub async fn of_org(
        pool: &AnyPool,
        org_id: i64,
        limit: i64,
    ) -> Result<Vec<IssuedCertificate>, sqlx::Error> {
        let rows: Vec<IssuedRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS}, r.display_name AS revoked_by, c.revoke_reason \
             FROM {FROM} LEFT JOIN users r ON r.id = c.revoked_by \
             WHERE c.org_id = $1 ORDER BY c.issued_at DESC, c.id DESC LIMIT $2"
        ))
        .bind(org_id)
        .bind(limit)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|issued| IssuedCertificate {
                revoked_at: issued.row.revoked_at,
                certificate: issued.row.into(),
                revoked_by: issued.revoked_by.unwrap_or_default(),
                revoke_reason: issued.revoke_reason.unwrap_or_default(),
            })
            .collect())
    }

    /// What withdrawing a certificate did.
    #[derive(Debug, PartialEq, Eq)]
    pub enum Withdrawal {
        /// Withdrawn now; the holder's account, if it still exists, is told.
        Withdrawn {
            holder: Option<i64>,
        },
        AlreadyRevoked,
        /// `org_id` issued no certificate with this serial.
        NotFound,
    }

    /// Withdraws a valid certificate `org_id` issued, recording who did it and why.
    pub async fn withdraw(
        conn: &mut AnyConnection,
        org_id: i64,
        serial: &str,
        reason: &str,
        actor: i64,
        now: i64,
    ) -> Result<Withdrawal, sqlx::Error> {
        let withdrawn: Option<Option<i64>> = sqlx::query_scalar(
            "UPDATE hours_certificates SET revoked_at = $1, revoked_by = $2, revoke_reason = $3 \
             WHERE serial = $4 AND org_id = $5 AND revoked_at IS NULL RETURNING user_id",
        )
        .bind(now)
        .bind(actor)
        .bind(reason)
        .bind(serial)
        .bind(org_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(holder) = withdrawn {
            return Ok(Withdrawal::Withdrawn { holder });
        }
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM hours_certificates WHERE serial = $1 AND org_id = $2",
        )
        .bind(serial)
        .bind(org_id)
        .fetch_optional(&mut *conn)
        .await?;
        Ok(match exists {
            Some(_) => Withdrawal::AlreadyRevoked,
            None => Withdrawal::NotFound,
        })
    }

    /// A deleted account's certificates keep their hours and stay checkable, without the name:
    /// the verification page says the holder deleted their account.
    pub async fn erase_holder(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE hours_certificates SET holder_name = '-' WHERE user_id = $1")
            .bind(user_id)
            .execute(conn)
            .await?;
        Ok(())
    }

    /// What asking for a certificate came to.
    #[derive(Debug, PartialEq, Eq)]
    pub enum Issue {
        /// Issued now, or found again: its serial.
        Serial(String),
        /// No confirmed hours at the organisation in that year.
        NoHours,
        /// The organisation is not verified (or a partner) now: its hours are not certified.
        OrgUnverified,
    }

    /// Issues a certificate of `user_id`'s confirmed hours at `org_id` in `year`. A valid
    /// certificate that says the same is returned again rather than doubled; one that says
    /// something else (hours confirmed since) is revoked and replaced. Only hours of organisations
    /// that are verified or partners now count: anyone can register an organisation and run an
    /// event. The person's row is locked first, so two requests at once issue one certificate
    /// (a unique index on the live certificate of a year backs this up).
    pub async fn issue(
        conn: &mut AnyConnection,
        user_id: i64,
        org_id: i64,
        year: i32,
        now: i64,
    ) -> Result<Issue, sqlx::Error> {
        crate::accounts::db::lock_person(conn, user_id).await?;
        let served = served_events(conn, user_id).await?;
        let Some(service) = service_years(&served)
            .into_iter()
            .find(|y| y.org_id == org_id && y.year == year)
        else {
            return Ok(Issue::NoHours);
        };
        if !service.org_tier.is_verified() {
            return Ok(Issue::OrgUnverified);
        }
        let verification: String =
            sqlx::query_scalar("SELECT verification FROM organisations WHERE id = $1")
                .bind(org_id)
                .fetch_one(&mut *conn)
                .await?;
        let holder: String = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(&mut *conn)
            .await?;
        let same: Option<String> = sqlx::query_scalar(
            "SELECT serial FROM hours_certificates WHERE user_id = $1 AND org_id = $2 \
             AND period_from LIKE $3 AND revoked_at IS NULL AND minutes = $4 AND events = $5 \
             AND holder_name = $6 AND org_name = $7 AND org_verification = $8",
        )
        .bind(user_id)
        .bind(org_id)
        .bind(format!("{year}-%"))
        .bind(service.minutes)
        .bind(service.events)
        .bind(&holder)
        .bind(&service.org_name)
        .bind(&verification)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(serial) = same {
            return Ok(Issue::Serial(serial));
        }
        sqlx::query(
            "UPDATE hours_certificates SET revoked_at = $1 WHERE user_id = $2 AND org_id = $3 \
             AND period_from LIKE $4 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .bind(org_id)
        .bind(format!("{year}-%"))
        .execute(&mut *conn)
        .await?;
        let serial = new_serial(year);
        sqlx::query(
            "INSERT INTO hours_certificates (serial, user_id, org_id, holder_name, org_name, \
             org_verification, period_from, period_to, minutes, events, issued_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&serial)
        .bind(user_id)
        .bind(org_id)
        .bind(&holder)
        .bind(&service.org_name)
        .bind(&verification)
        .bind(&service.first_day)
        .bind(&service.last_day)
        .bind(service.minutes)
        .bind(service.events)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        Ok(Issue::Serial(serial))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_random_and_recognisable() {
        #[cfg(feature = "ssr")]
        {
            let a = new_serial(2026);
            assert!(looks_like_serial(&a), "{a}");
            assert_eq!(a.len(), 17);
            assert_ne!(a, new_serial(2026));
        }
        assert!(!looks_like_serial("YYX-2026-abc"));
        assert!(!looks_like_serial("../../etc"));
        assert!(!looks_like_serial(&format!("YYX-{}", "9".repeat(30))));
    }
}
