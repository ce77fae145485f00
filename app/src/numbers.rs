//! Numbers as readers expect them: digits grouped by thousands in tables (exact, so a figure can be
//! checked), and in headlines the Chinese way in Chinese — 3.1万 people, 1.2亿 — where English keeps
//! the grouped digits.

use crate::locales::Lang;

/// `31245` → `31,245` (both languages: Chinese statistical tables group digits the same way).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A headline figure: in Chinese `9,999`, `3.1万`, `12万`, `1.2亿` (one decimal at most, and
/// only below a hundred of the unit); in English the grouped digits.
pub fn headline(n: i64, lang: Lang) -> String {
    const WAN: i64 = 10_000;
    const YI: i64 = 100_000_000;
    let magnitude = n.unsigned_abs() as i64;
    let unit = match lang {
        Lang::En => None,
        Lang::Zh if magnitude >= YI => Some((YI, "亿")),
        Lang::Zh if magnitude >= WAN => Some((WAN, "万")),
        Lang::Zh => None,
    };
    let Some((size, name)) = unit else {
        return grouped(n);
    };
    let value = n as f64 / size as f64;
    let shown = if value.abs() < 100.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    format!("{}{name}", shown.trim_end_matches(".0"))
}

/// Hours from minutes for a table: `90` → `1.5`, `600000` → `10,000` (at most two decimals).
pub fn hours(minutes: i64) -> String {
    let whole = minutes / 60;
    let rest = format_hours(minutes.abs() % 60);
    match rest.strip_prefix('0') {
        Some(fraction) if !fraction.is_empty() => format!("{}{fraction}", grouped(whole)),
        _ => grouped(whole),
    }
}

/// Yuan from fen for a table: `12345` → `¥123.45`, `500000` → `¥5,000`.
pub fn yuan(fen: i64) -> String {
    let cents = fen.abs() % 100;
    let whole = grouped(fen / 100);
    if cents == 0 {
        format!("¥{whole}")
    } else {
        format!("¥{whole}.{cents:02}")
    }
}

/// Minutes as hours the way people write them: "2", "2.5", "1.25".
pub fn format_hours(minutes: i64) -> String {
    let hours = format!("{:.2}", minutes as f64 / 60.0);
    hours
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(31_245), "31,245");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-1234), "-1,234");
    }

    #[test]
    fn chinese_headlines_count_in_wan_and_yi() {
        assert_eq!(headline(9_999, Lang::Zh), "9,999");
        assert_eq!(headline(10_000, Lang::Zh), "1万");
        assert_eq!(headline(31_245, Lang::Zh), "3.1万");
        assert_eq!(headline(120_000, Lang::Zh), "12万");
        assert_eq!(headline(1_234_000, Lang::Zh), "123万");
        assert_eq!(headline(123_000_000, Lang::Zh), "1.2亿");
        assert_eq!(headline(31_245, Lang::En), "31,245");
        assert_eq!(headline(200, Lang::En), "200");
    }

    #[test]
    fn hours_and_yuan_keep_their_fractions() {
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(20), "0.33");
        assert_eq!(hours(600_000), "10,000");
        assert_eq!(hours(600_030), "10,000.5");
        assert_eq!(yuan(12_345), "¥123.45");
        assert_eq!(yuan(500_000), "¥5,000");
        assert_eq!(yuan(5), "¥0.05");
    }

    #[test]
    fn hours_are_written_without_trailing_zeros() {
        assert_eq!(format_hours(150), "2.5");
        assert_eq!(format_hours(120), "2");
        assert_eq!(format_hours(75), "1.25");
    }
}
