//! What the two providers' HTTP APIs have in common: a signed request, sent once with a time
//! limit and no redirects, and an answer read as sent, worth retrying, or refused.

use super::SmsError;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// One request ready to go: every header it is signed with is here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedRequest {
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// How long one message may take to leave. Well under the outbox's lease, so a message being
/// sent is never claimed by a second sender.
const TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The HTTP client both providers use.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(TIME_LIMIT)
        .connect_timeout(std::time::Duration::from_secs(5))
        // A provider's API never redirects; following one would send the signed request elsewhere.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client with these settings always builds")
}

/// POSTs `request`; the status and the body of the answer. Only a request that never reached
/// the provider is worth sending again: one cut off on the way may have been sent (and paid for).
pub async fn post(
    client: &reqwest::Client,
    request: SignedRequest,
) -> Result<(u16, String), SmsError> {
    let mut builder = client.post(&request.url).body(request.body);
    for (name, value) in &request.headers {
        // The client sets Host from the address itself; a second one would be refused.
        if *name != "host" {
            builder = builder.header(*name, value);
        }
    }
    let answer = builder.send().await.map_err(|e| {
        if e.is_connect() {
            SmsError::Retry("provider could not be reached".into())
        } else if e.is_timeout() {
            SmsError::Refused("provider timed out; it may have sent it".into())
        } else {
            SmsError::Refused("provider cut off; it may have sent it".into())
        }
    })?;
    let status = answer.status().as_u16();
    let body = answer
        .text()
        .await
        .map_err(|_| SmsError::Refused("answer cut off; it may have sent it".into()))?;
    Ok((status, body))
}

/// A provider's error code as the outbox keeps it: the provider's own vocabulary, never its
/// message text, cut short, and nothing that could be a phone number.
pub fn error_code(code: &str) -> String {
    let kept: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .take(80)
        .collect();
    let longest_digits = kept
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    if longest_digits >= 7 {
        "unreadable".to_string()
    } else {
        kept
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::secrets::hex(&Sha256::digest(bytes))
}

pub fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

/// RFC 3986 percent-encoding: everything but letters, digits and `-_.~`, bytes of UTF-8 as
/// `%XX` in capitals (what both providers' canonical forms ask for; a space is `%20`, never `+`).
pub fn percent_encode(text: &str) -> String {
    use std::fmt::Write as _;
    text.bytes().fold(String::new(), |mut out, b| {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
        out
    })
}

/// The UTC calendar date and time of Unix seconds.
pub fn utc(unix: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_follows_rfc_3986() {
        assert_eq!(percent_encode("a b*c~d/é"), "a%20b%2Ac~d%2F%C3%A9");
        assert_eq!(percent_encode("云"), "%E4%BA%91");
    }

    #[test]
    fn error_codes_keep_only_the_providers_words() {
        assert_eq!(
            error_code("isv.MOBILE_NUMBER_ILLEGAL"),
            "isv.MOBILE_NUMBER_ILLEGAL"
        );
        assert_eq!(error_code("x <b>13800000001</b>"), "unreadable");
        assert_eq!(error_code(&"A".repeat(200)).len(), 80);
    }
}
