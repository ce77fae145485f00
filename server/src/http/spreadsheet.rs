//! Text for CSV files people open in Excel or WPS.

/// A cell a spreadsheet shows as text, never runs: one starting like a formula (`=`, `+`, `-`,
/// `@`, tab or carriage return) gets a leading apostrophe (names are typed by people).
pub fn spreadsheet_text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_text;

    #[test]
    fn formulas_typed_as_names_stay_text() {
        assert_eq!(
            spreadsheet_text("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(spreadsheet_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_text("+8613800000001"), "'+8613800000001");
        assert_eq!(spreadsheet_text("张奶奶"), "张奶奶");
        assert_eq!(spreadsheet_text("13800000001"), "13800000001");
    }
}
