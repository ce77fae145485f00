//! One-time codes: six digits, valid five minutes, five tries, one live code per contact and use.
//! Only an HMAC of each code (and of each contact) with the server's key is stored: the key is not
//! in the database, so a copy of the database reveals neither codes nor the numbers that asked.
//! Sending is limited per contact, per client address and per day, counted in the database so
//! that several servers share one count (SMS pumping is a cost attack: each message is paid for).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::AnyConnection;

/// How long a code may be used.
pub const CODE_VALID_SECS: i64 = 5 * 60;
/// Tries per code, right or wrong; after them the code is dead and a new one must be asked for.
pub const MOST_TRIES: i64 = 5;
const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// The server's secret for codes (`SECRET_KEY`, or the key file beside the database). The
/// default, for tests and a single process, is a random key of its own.
pub struct CodeKey([u8; 32]);

impl CodeKey {
    pub fn new(bytes: [u8; 32]) -> CodeKey {
        CodeKey(bytes)
    }

    fn mac(&self, parts: &[&str]) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        for part in parts {
            mac.update(part.as_bytes());
            // A separator no part contains, so ("ab", "c") and ("a", "bc") differ.
            mac.update(&[0]);
        }
        crate::secrets::hex(&mac.finalize().into_bytes())
    }

    /// What is stored for a contact (a number or an address), in the tables of codes.
    pub fn contact_mac(&self, contact: &str) -> String {
        self.mac(&["contact", contact])
    }

    /// The code a seal stands for (what the outbox keeps instead of the code).
    pub fn sealed_code(&self, seal: &str) -> String {
        crate::secrets::code_from_seal(&self.0, seal)
    }

    fn code_mac(&self, contact: &str, purpose: CodePurpose, code: &str) -> String {
        self.mac(&["code", purpose.as_str(), contact, code])
    }

    /// Which live code a request is about: one per contact and purpose, and for a change of
    /// contact one per contact and account (nobody can replace another person's code).
    fn slot(&self, request: &CodeRequest<'_>) -> String {
        match request.user_id {
            Some(user) => self.mac(&["contact", request.contact, &user.to_string()]),
            None => self.contact_mac(request.contact),
        }
    }
}

impl Default for CodeKey {
    fn default() -> Self {
        use rand::RngCore as _;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        CodeKey(bytes)
    }
}

/// What a code proves the contact for. A code made for one use opens nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    SignUp,
    SignIn,
    Reset,
    /// Adding (or proving) a contact on one's own account.
    Change,
}

impl CodePurpose {
    pub const ALL: [CodePurpose; 4] = [
        CodePurpose::SignUp,
        CodePurpose::SignIn,
        CodePurpose::Reset,
        CodePurpose::Change,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CodePurpose::SignUp => "sign_up",
            CodePurpose::SignIn => "sign_in",
            CodePurpose::Reset => "reset",
            CodePurpose::Change => "change",
        }
    }

    pub fn parse(value: &str) -> Option<CodePurpose> {
        CodePurpose::ALL
            .into_iter()
            .find(|p| p.as_str() == value.trim())
    }
}

/// How many codes may be sent (settings `CODES_PER_CONTACT_MINUTE`, `…_HOUR`, `…_DAY`,
/// `CODES_PER_ADDRESS_HOUR`, `CODES_PER_DAY`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeLimits {
    pub per_contact_minute: i64,
    pub per_contact_hour: i64,
    pub per_contact_day: i64,
    /// From one client address; mobile networks put many people behind one address, so this is
    /// looser than the limits per contact.
    pub per_address_hour: i64,
    /// From the whole site in a day: the most a flood can cost.
    pub per_day: i64,
}

impl Default for CodeLimits {
    fn default() -> Self {
        CodeLimits {
            per_contact_minute: 1,
            per_contact_hour: 5,
            per_contact_day: 10,
            per_address_hour: 20,
            per_day: 2000,
        }
    }
}

/// What asking for a code came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Issued {
    /// The code to send; only its HMAC was stored.
    Code(String),
    /// A code went to this contact less than a minute ago.
    WaitAMinute,
    /// This contact has had its codes for the hour or the day.
    ContactOverLimit,
    /// This address, or the whole site, has asked for too many.
    Busy,
}

/// A code for `contact` (normalised) and `purpose`, replacing any live one, if the limits allow.
/// `user_id` ties a code for a change of contact to the account that asked. The code is the one
/// `seal` stands for under the key (`secrets::new_seal`).
pub async fn issue(
    conn: &mut AnyConnection,
    key: &CodeKey,
    limits: &CodeLimits,
    request: CodeRequest<'_>,
    seal: &str,
    now: i64,
) -> Result<Issued, sqlx::Error> {
    // Every sender waits here for the one before (PostgreSQL; SQLite's write lock is held already),
    // so two requests at once cannot both pass a limit that only one fits under.
    sqlx::query("UPDATE code_send_gate SET id = id WHERE id = 1")
        .execute(&mut *conn)
        .await?;
    let contact_mac = key.contact_mac(request.contact);
    let (minute, hour, day): (i64, i64, i64) = sqlx::query_as(
        "SELECT \
           COALESCE(SUM(CASE WHEN sent_at > $2 THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN sent_at > $3 THEN 1 ELSE 0 END), 0), \
           COUNT(*) \
         FROM code_sends WHERE contact_mac = $1 AND sent_at > $4",
    )
    .bind(&contact_mac)
    .bind(now - MINUTE)
    .bind(now - HOUR)
    .bind(now - DAY)
    .fetch_one(&mut *conn)
    .await?;
    if minute >= limits.per_contact_minute {
        return Ok(Issued::WaitAMinute);
    }
    if hour >= limits.per_contact_hour || day >= limits.per_contact_day {
        return Ok(Issued::ContactOverLimit);
    }
    let from_address: i64 = match request.client {
        Some(client) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM code_sends WHERE client = $1 AND sent_at > $2")
                .bind(client)
                .bind(now - HOUR)
                .fetch_one(&mut *conn)
                .await?
        }
        None => 0,
    };
    let today: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM code_sends WHERE sent = 1 AND sent_at > $1")
            .bind(now - DAY)
            .fetch_one(&mut *conn)
            .await?;
    if from_address >= limits.per_address_hour || (request.paid && today >= limits.per_day) {
        return Ok(Issued::Busy);
    }
    sqlx::query(
        "INSERT INTO code_sends (contact_mac, client, sent, sent_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&contact_mac)
    .bind(request.client)
    .bind(i64::from(request.paid))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let code = key.sealed_code(seal);
    sqlx::query(
        "INSERT INTO one_time_codes \
           (contact_mac, purpose, code_mac, tries, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, 0, $4, $5, $6) \
         ON CONFLICT (contact_mac, purpose) DO UPDATE SET code_mac = excluded.code_mac, \
           tries = 0, user_id = excluded.user_id, created_at = excluded.created_at, \
           expires_at = excluded.expires_at",
    )
    .bind(key.slot(&request))
    .bind(request.purpose.as_str())
    .bind(key.code_mac(request.contact, request.purpose, &code))
    .bind(request.user_id)
    .bind(now)
    .bind(now + CODE_VALID_SECS)
    .execute(&mut *conn)
    .await?;
    Ok(Issued::Code(code))
}

/// Who asks for a code, for what.
#[derive(Clone, Copy, Debug)]
pub struct CodeRequest<'a> {
    /// Normalised (`Contact::as_str`).
    pub contact: &'a str,
    pub purpose: CodePurpose,
    /// The signed-in account, for a change of contact.
    pub user_id: Option<i64>,
    /// The client's address, for the limit per address.
    pub client: Option<&'a str>,
    /// Whether the code will really be sent (and paid for): counted for the day's cap.
    pub paid: bool,
}

impl<'a> CodeRequest<'a> {
    /// A request to check a typed code (no address or sending to count).
    pub fn to_check(contact: &'a str, purpose: CodePurpose, user_id: Option<i64>) -> Self {
        CodeRequest {
            contact,
            purpose,
            user_id,
            client: None,
            paid: false,
        }
    }
}

/// What a typed code came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checked {
    /// Right: the code is used up.
    Right,
    /// Wrong; this many tries are left.
    Wrong { tries_left: i64 },
    /// No live code: never sent, expired, used, or its tries are spent.
    Dead,
}

/// Checks a typed code. Each try is counted before the code is compared, in one statement, so
/// tries sent at once cannot add up to more than `MOST_TRIES`. Commit the transaction whatever
/// the answer: a wrong try must stay counted.
pub async fn check(
    conn: &mut AnyConnection,
    key: &CodeKey,
    request: CodeRequest<'_>,
    typed: &str,
    now: i64,
) -> Result<Checked, sqlx::Error> {
    let slot = key.slot(&request);
    let row: Option<(String, i64, Option<i64>)> = sqlx::query_as(
        "UPDATE one_time_codes SET tries = tries + 1 \
         WHERE contact_mac = $1 AND purpose = $2 AND tries < $3 AND expires_at > $4 \
         RETURNING code_mac, tries, user_id",
    )
    .bind(&slot)
    .bind(request.purpose.as_str())
    .bind(MOST_TRIES)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((stored, tries, for_user)) = row else {
        return Ok(Checked::Dead);
    };
    let expected = key.code_mac(request.contact, request.purpose, typed.trim());
    // Compared in full whatever differs first, so timing says nothing.
    let same_mac = stored.len() == expected.len()
        && stored
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0;
    if same_mac && for_user == request.user_id {
        sqlx::query("DELETE FROM one_time_codes WHERE contact_mac = $1 AND purpose = $2")
            .bind(&slot)
            .bind(request.purpose.as_str())
            .execute(&mut *conn)
            .await?;
        return Ok(Checked::Right);
    }
    Ok(Checked::Wrong {
        tries_left: MOST_TRIES - tries,
    })
}

/// Whether a live code is waiting for this request (read only: checked before the costly parts of
/// a form, such as hashing a new password, so that a made-up code costs the server little).
pub async fn is_live(
    conn: &mut AnyConnection,
    key: &CodeKey,
    request: CodeRequest<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let live: Option<i64> = sqlx::query_scalar(
        "SELECT tries FROM one_time_codes \
         WHERE contact_mac = $1 AND purpose = $2 AND tries < $3 AND expires_at > $4",
    )
    .bind(key.slot(&request))
    .bind(request.purpose.as_str())
    .bind(MOST_TRIES)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(live.is_some())
}

/// Whether what someone typed looks like a code at all (six digits, spaces around allowed);
/// anything else is refused without spending a try.
pub fn looks_like_code(typed: &str) -> bool {
    let typed = typed.trim();
    typed.len() == 6 && typed.bytes().all(|b| b.is_ascii_digit())
}

/// Forgets codes past their time and sends older than a day (run hourly).
pub async fn forget_old(db: &crate::db::Db, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM one_time_codes WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM code_sends WHERE sent_at <= $1")
        .bind(now - DAY)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_depend_on_the_key_the_purpose_and_the_contact() {
        let key = CodeKey::new([7; 32]);
        let other = CodeKey::new([8; 32]);
        let mac = key.code_mac("13800000001", CodePurpose::SignUp, "123456");
        assert_eq!(mac.len(), 64);
        assert_ne!(
            mac,
            other.code_mac("13800000001", CodePurpose::SignUp, "123456")
        );
        assert_ne!(
            mac,
            key.code_mac("13800000001", CodePurpose::Reset, "123456")
        );
        assert_ne!(
            mac,
            key.code_mac("13800000002", CodePurpose::SignUp, "123456")
        );
        assert_ne!(
            key.contact_mac("13800000001"),
            key.contact_mac("13800000002")
        );
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let code = crate::secrets::six_digit_code();
            assert!(looks_like_code(&code), "{code}");
        }
        assert!(looks_like_code(" 012345 "));
        for typed in ["", "12345", "1234567", "12a456", "１２３４５６"] {
            assert!(!looks_like_code(typed), "{typed}");
        }
    }

    #[test]
    fn purposes_read_back() {
        for purpose in CodePurpose::ALL {
            assert_eq!(CodePurpose::parse(purpose.as_str()), Some(purpose));
        }
        assert_eq!(CodePurpose::parse("admin"), None);
    }
}
