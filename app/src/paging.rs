//! Lists read a page at a time (the items board, the events list, the directory): where the next
//! page starts, and a list's address with its filters. A leaf: it imports nothing of the app.

use serde::{Deserialize, Serialize};

/// A place in a list ordered by a time and then by id: the next page starts just after the row
/// at `at` with `id`. Written `<at>-<id>` in the address; both numbers are kept, so a row removed
/// meanwhile does not lose the place, and rows added meanwhile never push one from a page already
/// read onto the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMark {
    pub at: i64,
    pub id: i64,
}

/// A page mark in an address that does not read as one (the list answers 400 with it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnreadableMark;

impl PageMark {
    /// The mark from an address: blank is the first page; anything else must read as a mark.
    pub fn from_query(text: &str) -> Result<Option<PageMark>, UnreadableMark> {
        match text.trim() {
            "" => Ok(None),
            typed => PageMark::parse(typed).map(Some).ok_or(UnreadableMark),
        }
    }

    fn parse(text: &str) -> Option<PageMark> {
        let (at, id) = text.trim().split_once('-')?;
        let number = |digits: &str| match digits.bytes().all(|b| b.is_ascii_digit()) {
            true => digits.parse::<i64>().ok(),
            false => None,
        };
        Some(PageMark {
            at: number(at)?,
            id: number(id)?,
        })
    }
}

impl PageMark {
    /// Cuts `rows` (read one more than a page) to `page_size`: the mark of the page's last row
    /// when there was more, else `None`.
    pub fn cut<T>(
        rows: &mut Vec<T>,
        page_size: usize,
        mark: impl Fn(&T) -> PageMark,
    ) -> Option<PageMark> {
        if rows.len() <= page_size {
            return None;
        }
        rows.truncate(page_size);
        rows.last().map(mark)
    }
}

/// A list's address (`path`) with the filters that are not empty, so the address stays short.
pub fn list_href(path: &str, filters: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in filters {
        if !value.is_empty() {
            query.append_pair(name, value);
        }
    }
    match query.finish() {
        query if query.is_empty() => path.to_string(),
        query => format!("{path}?{query}"),
    }
}

impl std::fmt::Display for PageMark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.at, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::{PageMark, UnreadableMark};

    #[test]
    fn a_mark_reads_back_what_it_writes() {
        let mark = PageMark {
            at: 1_764_300_000,
            id: 17,
        };
        assert_eq!(mark.to_string(), "1764300000-17");
        assert_eq!(PageMark::parse(&mark.to_string()), Some(mark));
        assert_eq!(PageMark::from_query(" 1764300000-17 "), Ok(Some(mark)));
        // Blank is the first page.
        assert_eq!(PageMark::from_query("  "), Ok(None));
    }

    #[test]
    fn anything_else_is_not_a_mark() {
        for bad in [
            "",
            "-",
            "17",
            "1764300000-",
            "-17",
            "yesterday",
            "1-2-3",
            "+1-2",
            "1 -2",
            "1-0x2",
            "99999999999999999999-1",
        ] {
            assert_eq!(PageMark::parse(bad), None, "{bad:?}");
            if !bad.is_empty() {
                assert_eq!(PageMark::from_query(bad), Err(UnreadableMark), "{bad:?}");
            }
        }
    }
}
