//! The rules of check-in and hours, apart from storage: the rotating 6-digit code an organiser
//! shows during an event (and puts in its QR code), when codes are accepted, and how many minutes
//! an attendance earns.
//!
//! The code is a keyed hash (HMAC-SHA256) of the event and the current half-minute, truncated to
//! six digits like a TOTP code: someone who saw a code cannot work out the next one, and a code
//! photographed and sent away stops working a minute later.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A code is shown for this long, then the next one.
pub const ROTATE_SECONDS: i64 = 30;
/// Codes are accepted from this long before the start until this long after the end.
pub const MARGIN_SECONDS: i64 = super::model::CHECKIN_MARGIN_SECONDS;

/// The code of `event_id` during the half-minute that holds `unix`.
pub fn code_at(secret: &[u8], event_id: i64, unix: i64) -> String {
    let window = unix.div_euclid(ROTATE_SECONDS);
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mac) => mac,
        // HMAC takes keys of any length; this cannot happen.
        Err(_) => return "000000".into(),
    };
    mac.update(&event_id.to_be_bytes());
    mac.update(&window.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    // Dynamic truncation (RFC 4226): four bytes at an offset the digest itself chooses.
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!("{:06}", value % 1_000_000)
}

/// Whether `now` is within the event (with the margin either side).
pub fn window_open(starts_at: i64, ends_at: i64, now: i64) -> bool {
    starts_at - MARGIN_SECONDS <= now && now <= ends_at + MARGIN_SECONDS
}

/// Whether a typed (or scanned) code is the event's code now or the one just before it (the
/// person was typing while it changed). Spaces are ignored.
pub fn accepts(secret: &[u8], event_id: i64, typed: &str, now: i64) -> bool {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != 6 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    [now, now - ROTATE_SECONDS]
        .into_iter()
        .any(|at| same(code_at(secret, event_id, at).as_bytes(), typed.as_bytes()))
}

/// Compares without stopping at the first difference, so timing says nothing about the code.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// Minutes an attendance earns: the time between check-in and check-out that falls within the
/// event, never more than the event credits (`cap_minutes`), never less than nothing.
pub fn credited_minutes(
    checked_in: i64,
    checked_out: i64,
    starts_at: i64,
    ends_at: i64,
    cap_minutes: i64,
) -> i64 {
    let from = checked_in.max(starts_at);
    let to = checked_out.min(ends_at);
    ((to - from) / 60).clamp(0, cap_minutes.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"an event's own secret, 32 bytes!";
    const START: i64 = 1_800_000_000;

    #[test]
    fn codes_are_six_digits_and_change_every_half_minute() {
        let window_start = START - START.rem_euclid(ROTATE_SECONDS);
        let code = code_at(SECRET, 7, window_start);
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(code_at(SECRET, 7, window_start + ROTATE_SECONDS - 1), code);
        // Over a day of windows, codes differ from one to the next (almost always) and between events.
        let codes: Vec<String> = (0..2880)
            .map(|w| code_at(SECRET, 7, window_start + w * ROTATE_SECONDS))
            .collect();
        let changes = codes.windows(2).filter(|pair| pair[0] != pair[1]).count();
        assert!(changes > 2870, "{changes}");
        assert_ne!(code_at(SECRET, 8, window_start), code);
        assert_ne!(code_at(b"another event's secret", 7, window_start), code);
    }

    #[test]
    fn the_current_and_the_previous_code_are_accepted_and_nothing_else() {
        let now = START + 600;
        let current = code_at(SECRET, 7, now);
        let previous = code_at(SECRET, 7, now - ROTATE_SECONDS);
        let older = code_at(SECRET, 7, now - 2 * ROTATE_SECONDS);
        assert!(accepts(SECRET, 7, &current, now));
        assert!(accepts(
            SECRET,
            7,
            &format!(" {} {} ", &current[..3], &current[3..]),
            now
        ));
        assert!(accepts(SECRET, 7, &previous, now));
        if older != current && older != previous {
            assert!(!accepts(SECRET, 7, &older, now));
        }
        assert!(!accepts(SECRET, 8, &current, now) || code_at(SECRET, 8, now) == current);
        for bad in ["", "12345", "1234567", "12a456", "１２３４５６"] {
            assert!(!accepts(SECRET, 7, bad, now), "{bad}");
        }
    }

    #[test]
    fn codes_work_only_around_the_event() {
        let end = START + 7200;
        assert!(!window_open(START, end, START - MARGIN_SECONDS - 1));
        assert!(window_open(START, end, START - MARGIN_SECONDS));
        assert!(window_open(START, end, end + MARGIN_SECONDS));
        assert!(!window_open(START, end, end + MARGIN_SECONDS + 1));
    }

    #[test]
    fn hours_count_only_the_time_inside_the_event_up_to_its_credit() {
        let end = START + 7200;
        // Came early, left on time: the event's two hours.
        assert_eq!(credited_minutes(START - 900, end, START, end, 120), 120);
        // Came 30 minutes late and left 15 early.
        assert_eq!(
            credited_minutes(START + 1800, end - 900, START, end, 120),
            75
        );
        // Stayed late: still capped by the event; a smaller credit caps further.
        assert_eq!(credited_minutes(START, end + 3600, START, end, 120), 120);
        assert_eq!(credited_minutes(START, end, START, end, 90), 90);
        // Checked out before checking in (clock trouble): nothing.
        assert_eq!(credited_minutes(end, START, START, end, 120), 0);
    }
}
