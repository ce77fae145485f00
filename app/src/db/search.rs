//! How search words are looked up in a text index, the same way wherever a table has one (the
//! listings, migrations 13 and 22; the community resources, migration 30): a word nobody searched
//! before must not read every row (issue 35: at a million places, LIKE took hundreds of ms).

use super::DbKind;

/// Shortest text the trigram indexes can answer; shorter words use the index of single
/// characters and pairs.
pub const TRIGRAM_CHARS: usize = 3;

/// How the search words are matched.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Search {
    /// No words: every row.
    Everything,
    /// One or two characters and none of them a letter or digit ("!!", "%"): no row. Answering
    /// would take a scan of every row, for a search nobody means.
    Nothing,
    /// SQLite, three characters or more: an FTS5 table with the trigram tokenizer.
    Trigrams,
    /// SQLite, one or two characters: an FTS5 table of each character and each pair. Only
    /// letters and digits count in so short a word ("c#" finds every "c"), as its tokenizer keeps
    /// only those.
    Grams,
    /// PostgreSQL, three characters or more: pg_trgm's index serves ILIKE.
    PgTrigrams,
    /// PostgreSQL, three characters or more but no three letters or digits in a row ("a b",
    /// "1-2"): pg_trgm takes its trigrams from such runs only, and without any its index gives
    /// back every row. The grams index narrows to the rows holding the longest run (`gram`), and
    /// ILIKE checks exactly.
    PgGramsThenLike,
    /// PostgreSQL, one or two characters: an array of each character and each pair, indexed
    /// for `@>`; only letters and digits count, as on SQLite.
    PgGrams,
}

impl Search {
    /// How `text` (trimmed) is looked up on this database.
    pub fn of(text: &str, kind: DbKind) -> Search {
        let short = text.chars().count() < TRIGRAM_CHARS;
        match (text, kind) {
            ("", _) => Search::Everything,
            (t, _) if !t.chars().any(char::is_alphanumeric) => Search::Nothing,
            (_, DbKind::Sqlite) if short => Search::Grams,
            (_, DbKind::Sqlite) => Search::Trigrams,
            (_, DbKind::Postgres) if short => Search::PgGrams,
            (t, DbKind::Postgres) if longest_run(t).chars().count() < TRIGRAM_CHARS => {
                Search::PgGramsThenLike
            }
            (_, DbKind::Postgres) => Search::PgTrigrams,
        }
    }

    /// For `PgGramsThenLike`: the gram the rows must hold (at most two characters, lower case).
    pub fn gram(text: &str) -> String {
        longest_run(text)
            .chars()
            .take(2)
            .collect::<String>()
            .to_lowercase()
    }

    /// The value to bind for the index's condition: an FTS5 phrase, a LIKE pattern, or the gram.
    pub fn value(self, text: &str) -> String {
        match self {
            Search::Trigrams => fts_phrase(text),
            Search::Grams => fts_phrase(&letters_and_digits(text)),
            Search::PgTrigrams | Search::PgGramsThenLike => like_pattern(text),
            Search::PgGrams => letters_and_digits(text).to_lowercase(),
            Search::Everything | Search::Nothing => String::new(),
        }
    }
}

/// The longest run of letters and digits in `text` (the first of equals).
fn longest_run(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric())
        .fold("", |best, run| {
            match run.chars().count() > best.chars().count() {
                true => run,
                false => best,
            }
        })
}

/// What a search box gives, made safe to search for: trimmed, no control characters (a NUL ends
/// an FTS5 phrase, and PostgreSQL refuses it in text), at most 100 characters (no one types more,
/// and each one is more index to read).
pub fn search_words(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect()
}

fn letters_and_digits(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The text as one FTS5 phrase: every character taken literally.
pub fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Makes `"50%_off"` match literally inside a `LIKE ... ESCAPE '\'` pattern, in lower case.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_one_literal_phrase() {
        assert_eq!(fts_phrase("儿童车"), "\"儿童车\"");
        assert_eq!(fts_phrase("a\" OR b"), "\"a\"\" OR b\"");
    }

    #[test]
    fn like_patterns_match_literally() {
        assert_eq!(like_pattern("助老"), "%助老%");
        assert_eq!(like_pattern("50%_A\\"), "%50\\%\\_a\\\\%");
        assert_eq!(like_pattern(""), "%%");
    }

    #[test]
    fn each_length_of_word_goes_to_its_index() {
        use DbKind::{Postgres, Sqlite};
        assert_eq!(Search::of("", Sqlite), Search::Everything);
        assert_eq!(Search::of("车", Sqlite), Search::Grams);
        assert_eq!(Search::of("c#", Sqlite), Search::Grams);
        assert_eq!(Search::of("儿童车", Sqlite), Search::Trigrams);
        assert_eq!(Search::of("冰箱", Postgres), Search::PgGrams);
        assert_eq!(Search::of("!?", Postgres), Search::Nothing);
        assert_eq!(Search::of("%", Sqlite), Search::Nothing);
        assert_eq!(Search::of("!!!", Sqlite), Search::Nothing);
        assert_eq!(Search::of("a b", Sqlite), Search::Trigrams);
        assert_eq!(Search::of("50%_", Postgres), Search::PgGramsThenLike);
        assert_eq!(Search::of("a b", Postgres), Search::PgGramsThenLike);
        assert_eq!(Search::of("x.yz", Postgres), Search::PgGramsThenLike);
        assert_eq!(Search::gram("x.YZ"), "yz");
        assert_eq!(Search::of("中华路", Postgres), Search::PgTrigrams);
        assert_eq!(search_words(" 云岩\0区\n "), "云岩区");
        assert_eq!(search_words(&"字".repeat(300)).chars().count(), 100);
        assert_eq!(Search::PgGrams.value("C#"), "c");
        assert_eq!(Search::Grams.value("\"车"), "\"车\"");
    }
}
