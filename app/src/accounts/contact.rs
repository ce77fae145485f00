//! How a person signs up and is found: a mainland China mobile number or an email address.
//! Both are normalised, so the same person typed two ways is still one account.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Contact {
    /// 11 digits, e.g. `13812345678`.
    Mobile(String),
    /// Lower-cased, e.g. `li.ming@example.cn`.
    Email(String),
}

impl Contact {
    /// Reads what someone typed in the "mobile number or email" field.
    pub fn parse(input: &str) -> Option<Contact> {
        let input = input.trim();
        if input.contains('@') {
            parse_email(input).map(Contact::Email)
        } else {
            parse_mobile(input).map(Contact::Mobile)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Contact::Mobile(m) => m,
            Contact::Email(e) => e,
        }
    }
}

/// A mainland mobile number: 11 digits starting 13–19, with an optional +86/0086/86 prefix and
/// spaces or dashes between groups ("138 1234 5678", "+86-138-1234-5678").
pub fn parse_mobile(input: &str) -> Option<String> {
    let compact: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
        .collect();
    let digits = compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"))
        .or_else(|| {
            (compact.len() == 13)
                .then(|| compact.strip_prefix("86"))
                .flatten()
        })
        .unwrap_or(&compact);
    let bytes = digits.as_bytes();
    let valid = bytes.len() == 11
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1]);
    valid.then(|| digits.to_string())
}

/// A deliverable-looking email address (one `@`, a dotted domain of letters, digits and hyphens),
/// lower-cased. Deliberately plain: the proof of an address is a message that arrives.
pub fn parse_email(input: &str) -> Option<String> {
    let email = input.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    (local_ok && domain_ok && email.len() <= 254).then_some(email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers() {
        for (input, expected) in [
            ("13812345678", "13812345678"),
            (" 138 1234 5678 ", "13812345678"),
            ("+86 138-1234-5678", "13812345678"),
            ("008619912345678", "19912345678"),
            ("8615012345678", "15012345678"),
        ] {
            assert_eq!(parse_mobile(input).as_deref(), Some(expected), "{input}");
        }
        for input in [
            "",
            "1381234567",
            "138123456789",
            "12812345678",
            "23812345678",
            "1381234567a",
            "+1 13812345678",
            "０１３８１２３４５６７",
        ] {
            assert_eq!(parse_mobile(input), None, "{input}");
        }
    }

    #[test]
    fn email_addresses() {
        assert_eq!(
            parse_email(" Li.Ming@Example.CN ").as_deref(),
            Some("li.ming@example.cn")
        );
        assert!(parse_email("volunteer+yunyan@mail.gz-ngo.org.cn").is_some());
        for input in [
            "",
            "plain",
            "@example.cn",
            "a@",
            "a@b",
            "a@@b.cn",
            "a b@c.cn",
            ".a@b.cn",
            "a..b@c.cn",
            "a@-b.cn",
            "a@b.c",
            "a@b.123",
            "张三@例子.中国",
        ] {
            assert_eq!(parse_email(input), None, "{input}");
        }
    }

    #[test]
    fn contact_picks_the_kind_by_its_shape() {
        assert_eq!(
            Contact::parse("138 1234 5678"),
            Some(Contact::Mobile("13812345678".into()))
        );
        assert_eq!(
            Contact::parse("A@B.cn"),
            Some(Contact::Email("a@b.cn".into()))
        );
        assert_eq!(Contact::parse("hello"), None);
    }
}
