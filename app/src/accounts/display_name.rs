/// The longest display name, in characters (a Chinese name or a short nickname fits easily).
pub const MAX_DISPLAY_NAME_CHARS: usize = 40;

/// A trimmed name of 1–40 characters with no control characters.
pub fn parse_display_name(input: &str) -> Option<String> {
    let name = input.trim();
    let length = name.chars().count();
    let valid =
        (1..=MAX_DISPLAY_NAME_CHARS).contains(&length) && !name.chars().any(char::is_control);
    valid.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::parse_display_name;

    #[test]
    fn names() {
        assert_eq!(parse_display_name("  李明 ").as_deref(), Some("李明"));
        assert_eq!(
            parse_display_name("Wang Fang").as_deref(),
            Some("Wang Fang")
        );
        assert_eq!(parse_display_name("   "), None);
        assert_eq!(parse_display_name("a\u{0}b"), None);
        assert_eq!(parse_display_name(&"云".repeat(41)), None);
        assert!(parse_display_name(&"云".repeat(40)).is_some());
    }
}
