//! What a form's text and place fields become once checked, for every board alike: one line,
//! paragraphs, a latitude and longitude, and the common length limits. Imports nothing of the app
//! but the shared refusals.

use crate::error::{FormRefusal, Refusal};

/// A description, a wish, a service's details: a few paragraphs.
pub const DESCRIPTION_MAX: usize = 2000;
/// An address, a contact, opening hours: one line.
pub const LINE_MAX: usize = 200;

/// A single line of text: trimmed, inner whitespace (and any line breaks) folded to one space,
/// other control characters (NUL, DEL, ...) dropped: invisible, they would still tell two names
/// apart.
pub fn one_line(value: &str, max_chars: usize) -> Result<String, Refusal> {
    let visible: String = value
        .chars()
        .filter(|c| c.is_whitespace() || !c.is_control())
        .collect();
    let folded = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    within(folded, max_chars)
}

/// Text that may have paragraphs: trimmed, line endings made `\n`, other control characters dropped.
pub fn paragraphs(value: &str, max_chars: usize) -> Result<String, Refusal> {
    let cleaned: String = value
        .trim()
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    within(cleaned, max_chars)
}

fn within(value: String, max_chars: usize) -> Result<String, Refusal> {
    if value.chars().count() > max_chars {
        return Err(FormRefusal::TextTooLong.into());
    }
    Ok(value)
}

/// Latitude and longitude (WGS-84, decimal degrees): both given or both empty.
pub fn location(lat: &str, lng: &str) -> Result<Option<(f64, f64)>, Refusal> {
    match (lat.trim(), lng.trim()) {
        ("", "") => Ok(None),
        (lat, lng) => {
            let lat: f64 = lat.parse().map_err(|_| FormRefusal::LocationInvalid)?;
            let lng: f64 = lng.parse().map_err(|_| FormRefusal::LocationInvalid)?;
            let valid = lat.is_finite()
                && lng.is_finite()
                && (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lng);
            valid
                .then_some(Some((lat, lng)))
                .ok_or(FormRefusal::LocationInvalid.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_whitespace_and_drops_control_characters() {
        assert_eq!(
            one_line("  云岩区 \r\n 助老\u{0}中心 ", 60).unwrap(),
            "云岩区 助老中心"
        );
        assert_eq!(one_line("一二三", 2), Err(FormRefusal::TextTooLong.into()));
    }

    #[test]
    fn paragraphs_keep_their_breaks() {
        assert_eq!(
            paragraphs(" 第一段\r\n\r\n第二段\u{7} ", 100).unwrap(),
            "第一段\n\n第二段"
        );
    }

    #[test]
    fn a_place_is_both_halves_on_the_globe_or_neither() {
        assert_eq!(location(" ", ""), Ok(None));
        assert_eq!(location("26.58", "106.71"), Ok(Some((26.58, 106.71))));
        for (lat, lng) in [
            ("26.58", ""),
            ("91", "0"),
            ("0", "181"),
            ("NaN", "0"),
            ("x", "1"),
        ] {
            assert_eq!(
                location(lat, lng),
                Err(FormRefusal::LocationInvalid.into()),
                "{lat} {lng}"
            );
        }
    }
}
