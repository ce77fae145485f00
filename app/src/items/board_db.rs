//! The board's list query (`/items`): one page of the listings people can still ask for or watch
//! (available or promised, not hidden, not expired), newest first, narrowed by the filters chosen
//! and the search words.

use super::db::{ItemRow, COLUMNS, JOINS};
use super::filter::{PageMark, WantedItems};
use super::model::{Item, ItemCategory, ItemKind, ItemMode};
use crate::db::search::Search;
use crate::db::{Db, DbKind};

/// Listings on one page of the board: enough to fill a phone's screen a few times over, few
/// enough that a page stays light and a search stops walking early.
pub const PAGE_SIZE: usize = 24;

/// How many of the newest listings a PostgreSQL search looks through before it asks the text
/// index for every match. Walking costs about as much per listing as fetching a match does, so
/// the worst case (a word just too rare to fill a page from the window, then every match fetched
/// and sorted) is smallest near √(page × listings): about 1,500 at 100,000 listings.
const RECENT_WINDOW: usize = 1_500;

/// One page of the board, and where the next one starts if there are older listings.
#[derive(Debug, Default)]
pub struct ItemsPage {
    pub items: Vec<Item>,
    pub older: Option<PageMark>,
}

/// Listings that match, newest first, `page_size` at a time from `q.before`. With a radius, only
/// the listings in a box around it are read; the caller measures the exact distance.
pub async fn listed(
    db: &Db,
    q: &WantedItems,
    now: i64,
    page_size: usize,
) -> Result<ItemsPage, sqlx::Error> {
    let query = ListQuery::of(q, db.kind());
    // One row more than the page tells whether there is another page.
    let wanted = page_size + 1;
    let mut rows = match query.search {
        // PostgreSQL guesses how many listings match a word and a category as if the two were
        // unrelated: "轮椅" (wheelchair) among books, none in fact, looked common enough that it
        // walked all 10,000 books newest-first (29 ms). The newest listings are looked through
        // first; when they hold a full page, it is the newest page there is. Otherwise the word
        // is rare, and every match is fetched by the text index and sorted.
        Search::PgTrigrams | Search::PgGrams | Search::PgGramsThenLike => {
            let recent = query.fetch(db, &query.among_recent(), now, wanted).await?;
            match recent.len() == wanted {
                true => recent,
                false => query.fetch(db, &query.every_match(), now, wanted).await?,
            }
        }
        Search::Nothing => Vec::new(),
        Search::Everything | Search::Trigrams | Search::Grams => {
            query.fetch(db, &query.newest_first(), now, wanted).await?
        }
    };
    let older = PageMark::cut(&mut rows, page_size, |last| PageMark {
        at: last.created_at,
        id: last.id,
    });
    Ok(ItemsPage {
        items: rows.into_iter().filter_map(ItemRow::into_item).collect(),
        older,
    })
}

/// A value bound to the list query.
#[derive(Clone)]
enum Param {
    Text(String),
    Int(i64),
    Real(f64),
}

/// The parts of a list read: `$1` is the time now, `$2` the number of rows, `params` from `$3` on.
struct ListQuery {
    kind: DbKind,
    search: Search,
    /// ` AND ...` for each filter chosen.
    chosen: String,
    /// ` AND ...` matching the search words, or nothing.
    text_match: String,
    params: Vec<Param>,
}

const LISTED: &str = "i.status IN ('available', 'promised') AND i.hidden_at IS NULL";
const NEWEST_FIRST: &str = "ORDER BY i.created_at DESC, i.id DESC";

impl ListQuery {
    fn of(q: &WantedItems, kind: DbKind) -> ListQuery {
        let words = crate::db::search::search_words(&q.text);
        let text = words.as_str();
        let search = Search::of(text, kind);
        let mut params: Vec<Param> = Vec::new();
        let mut next = |value: Param| {
            params.push(value);
            format!("${}", params.len() + 2)
        };
        // Only the filters asked for go into the SQL: `($n = '' OR i.category = $n)` would hide
        // the category from the planner, and the newest-first walk within one category
        // (`items_category_newest`) could not be used.
        let mut chosen = String::new();
        for (column, value) in [
            ("kind", q.kind.map(ItemKind::as_str)),
            ("category", q.category.map(ItemCategory::as_str)),
            ("mode", q.mode.map(ItemMode::as_str)),
        ] {
            if let Some(value) = value {
                let value = next(Param::Text(value.to_string()));
                chosen.push_str(&format!(" AND i.{column} = {value}"));
            }
        }
        if let Some(b) = q.origin.as_ref().and_then(|o| o.bounds()) {
            let (south, north) = (next(Param::Real(b.south)), next(Param::Real(b.north)));
            let (west, east) = (next(Param::Real(b.west)), next(Param::Real(b.east)));
            chosen.push_str(&format!(
                " AND i.cell_lat BETWEEN {south} AND {north} AND i.cell_lng BETWEEN {west} AND {east}"
            ));
        }
        // The newest-first indexes serve this as a range (row values: SQLite 3.15+, PostgreSQL).
        if let Some(start) = q.before {
            let created_at = next(Param::Int(start.at));
            let id = next(Param::Int(start.id));
            chosen.push_str(&format!(" AND (i.created_at, i.id) < ({created_at}, {id})"));
        }
        let text_match = match search {
            Search::Everything | Search::Nothing => String::new(),
            Search::Trigrams => format!(
                " AND +i.id IN (SELECT rowid FROM items_text WHERE items_text MATCH {})",
                next(Param::Text(search.value(text)))
            ),
            Search::Grams => format!(
                " AND +i.id IN (SELECT rowid FROM items_grams WHERE items_grams MATCH {})",
                next(Param::Text(search.value(text)))
            ),
            // The trigram index serves ILIKE on this very expression.
            Search::PgTrigrams => format!(
                " AND (i.title || ' ' || i.description) ILIKE {} ESCAPE '\\'",
                next(Param::Text(search.value(text)))
            ),
            Search::PgGramsThenLike => format!(
                " AND i.grams @> ARRAY[{}::text] AND (i.title || ' ' || i.description) ILIKE {} ESCAPE '\\'",
                next(Param::Text(Search::gram(text))),
                next(Param::Text(search.value(text)))
            ),
            // The grams are stored with each listing and indexed (migration 22).
            Search::PgGrams => format!(
                " AND i.grams @> ARRAY[{}::text]",
                next(Param::Text(search.value(text)))
            ),
        };
        ListQuery {
            kind,
            search,
            chosen,
            text_match,
            params,
        }
    }

    /// Walks the listings newest first and stops at the page's last match.
    fn newest_first(&self) -> String {
        // On SQLite, `+` keeps a column's index out of the plan: a newest-first index
        // (`items_newest`, or `items_category_newest` for one category) then serves the ORDER BY
        // and the scan stops at the page's last match, instead of every listed item being read
        // and sorted, or every match fetched by id.
        let plus = match (self.search, self.kind) {
            (Search::Everything, DbKind::Postgres) => "",
            (Search::Everything | Search::Trigrams | Search::Grams, _) => "+",
            (
                Search::Nothing | Search::PgTrigrams | Search::PgGrams | Search::PgGramsThenLike,
                _,
            ) => "",
        };
        let Self {
            chosen, text_match, ..
        } = self;
        format!(
            "{COLUMNS} FROM items i {JOINS} \
             WHERE {plus}i.status IN ('available', 'promised') AND i.hidden_at IS NULL \
             AND {plus}i.expires_at > $1{chosen}{text_match} {NEWEST_FIRST} LIMIT $2"
        )
    }

    /// The matches among the newest listings only (PostgreSQL).
    fn among_recent(&self) -> String {
        let Self {
            chosen, text_match, ..
        } = self;
        format!(
            "{COLUMNS} FROM (SELECT * FROM items i WHERE {LISTED} AND i.expires_at > $1{chosen} \
             {NEWEST_FIRST} LIMIT {RECENT_WINDOW}) i {JOINS} \
             WHERE TRUE{text_match} {NEWEST_FIRST} LIMIT $2"
        )
    }

    /// Every match, then sorted (PostgreSQL): `+ 0` keeps the planner from walking a
    /// newest-first index in search of them.
    fn every_match(&self) -> String {
        let Self {
            chosen, text_match, ..
        } = self;
        format!(
            "{COLUMNS} FROM items i {JOINS} WHERE {LISTED} AND i.expires_at > $1{chosen}{text_match} \
             ORDER BY i.created_at + 0 DESC, i.id DESC LIMIT $2"
        )
    }

    async fn fetch(
        &self,
        db: &Db,
        sql: &str,
        now: i64,
        rows: usize,
    ) -> Result<Vec<ItemRow>, sqlx::Error> {
        // PostgreSQL plans a statement it has run five times once for any values ("generic"): a
        // plan that cannot see how common the search words are, which walked 100,000 listings
        // for a word few of them hold. A statement not kept is planned for the values it gets.
        let mut query = sqlx::query_as::<_, ItemRow>(sql)
            .persistent(db.kind() == DbKind::Sqlite)
            .bind(now)
            .bind(rows as i64);
        for param in self.params.iter().cloned() {
            query = match param {
                Param::Text(text) => query.bind(text),
                Param::Int(number) => query.bind(number),
                Param::Real(number) => query.bind(number),
            };
        }
        query.fetch_all(db.pool()).await
    }
}
