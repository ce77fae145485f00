//! CSV files people open in Excel or WPS.

use axum::{
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};

/// The file: UTF-8 with a byte-order mark, so Excel and WPS read the Chinese.
pub fn csv_bytes<R, F>(rows: R) -> Result<Vec<u8>, csv::Error>
where
    R: IntoIterator<Item = F>,
    F: IntoIterator,
    F::Item: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    for row in rows {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

/// The download of `bytes` as `file_name`; nothing on the way keeps a copy.
pub fn csv_download(file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}

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
