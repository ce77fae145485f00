//! One schema on two databases: the SQLite and PostgreSQL migrations give the same tables, columns
//! (name, nullability, kind of type), indexes (columns, unique, partial) and foreign keys (with
//! what a delete does). Not compared: defaults, CHECK constraints and the text of a partial
//! index's WHERE clause, which the two engines write differently. What only one engine has — FTS5 and R*Tree
//! tables, trigram indexes — is listed with its reason in `migrations/engine_specific.txt`; a
//! difference missing there, or a line there that is no longer a difference, fails the test.
use app::db::testing::TestDb;
use sqlx::AnyPool;
use std::collections::{BTreeMap, BTreeSet};

/// What a column's declared type stores, in terms both engines share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stores {
    Integer,
    Text,
    Real,
    Blob,
    Boolean,
    Array,
    Other,
}

#[derive(Debug, PartialEq, Eq)]
struct Column {
    stores: Stores,
    not_null: bool,
}

#[derive(Debug, PartialEq, Eq)]
struct Index {
    table: String,
    unique: bool,
    /// Whether the index has a WHERE clause (the clauses' text differs between the engines).
    partial: bool,
    /// Column names in order; `<expr>` for an expression.
    columns: Vec<String>,
}

#[derive(Default, Debug)]
struct Schema {
    /// table → column → what it is.
    tables: BTreeMap<String, BTreeMap<String, Column>>,
    /// Indexes made by CREATE INDEX (not the ones behind PRIMARY KEY or UNIQUE constraints).
    indexes: BTreeMap<String, Index>,
    /// Each table's UNIQUE constraints, as column lists.
    unique: BTreeSet<(String, Vec<String>)>,
    /// Foreign keys: table, columns, the table and columns they reference, and what a delete
    /// there does (`CASCADE`, `SET NULL`, `NO ACTION`, …).
    foreign_keys: BTreeSet<String>,
}

/// FTS5 and R*Tree keep their data in tables named after the virtual table.
const SHADOW_SUFFIXES: [&str; 8] = [
    "_data", "_idx", "_content", "_docsize", "_config", "_node", "_rowid", "_parent",
];

fn sqlite_stores(declared: &str) -> Stores {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        Stores::Integer
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        Stores::Text
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        Stores::Real
    } else if t.contains("BLOB") {
        Stores::Blob
    } else if t.contains("BOOL") {
        Stores::Boolean
    } else {
        Stores::Other
    }
}

fn postgres_stores(data_type: &str) -> Stores {
    match data_type {
        "bigint" | "integer" | "smallint" => Stores::Integer,
        "text" | "character varying" | "character" => Stores::Text,
        "double precision" | "real" | "numeric" => Stores::Real,
        "bytea" => Stores::Blob,
        "boolean" => Stores::Boolean,
        "ARRAY" => Stores::Array,
        _ => Stores::Other,
    }
}

async fn sqlite_schema(pool: &AnyPool) -> Schema {
    let all: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let virtual_tables: Vec<&String> = all
        .iter()
        .filter(|(_, sql)| {
            sql.as_deref().is_some_and(|s| {
                s.trim_start()
                    .to_ascii_uppercase()
                    .starts_with("CREATE VIRTUAL")
            })
        })
        .map(|(name, _)| name)
        .collect();
    let is_shadow = |name: &str| {
        virtual_tables.iter().any(|v| {
            name.strip_prefix(v.as_str())
                .is_some_and(|rest| SHADOW_SUFFIXES.contains(&rest))
        })
    };
    let mut schema = Schema::default();
    for (table, _) in all.iter().filter(|(name, _)| !is_shadow(name)) {
        if virtual_tables.contains(&table) {
            // FTS5 and R*Tree columns have no types: the table's name is what is compared.
            schema.tables.insert(table.clone(), BTreeMap::new());
            continue;
        }
        let columns: Vec<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
        let columns = columns
            .into_iter()
            .map(|(name, declared, not_null, pk)| {
                let column = Column {
                    stores: sqlite_stores(&declared),
                    // A primary key column is never NULL, whatever the pragma says of it.
                    not_null: not_null == 1 || pk > 0,
                };
                (name, column)
            })
            .collect();
        schema.tables.insert(table.clone(), columns);

        let keys: Vec<(i64, String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($1) \
             ORDER BY id, seq",
        )
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, (String, Vec<String>, Vec<String>, String)> = BTreeMap::new();
        for (id, target, from, to, on_delete) in keys {
            let key = by_id
                .entry(id)
                .or_insert_with(|| (target, Vec::new(), Vec::new(), on_delete));
            key.1.push(from);
            // No column named: the referenced table's primary key, `id` in this schema.
            key.2.push(to.unwrap_or_else(|| "id".into()));
        }
        for (target, from, to, on_delete) in by_id.into_values() {
            schema
                .foreign_keys
                .insert(foreign_key(table, &from, &target, &to, &on_delete));
        }

        let indexes: Vec<(String, i64, String, i64)> = sqlx::query_as(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list($1) ORDER BY name",
        )
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
        for (name, unique, origin, partial) in indexes {
            let columns: Vec<(Option<String>,)> =
                sqlx::query_as("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&name)
                    .fetch_all(pool)
                    .await
                    .unwrap();
            let columns: Vec<String> = columns
                .into_iter()
                .map(|(c,)| c.unwrap_or_else(|| "<expr>".into()))
                .collect();
            match origin.as_str() {
                "c" => {
                    let index = Index {
                        table: table.clone(),
                        unique: unique == 1,
                        partial: partial == 1,
                        columns,
                    };
                    schema.indexes.insert(name, index);
                }
                "u" => {
                    schema.unique.insert((table.clone(), columns));
                }
                _ => {} // the primary key: compared as the columns' nullability
            }
        }
    }
    schema
}

async fn postgres_schema(pool: &AnyPool) -> Schema {
    let columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text \
         FROM information_schema.columns c \
         JOIN information_schema.tables t \
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
           AND c.table_name <> '_sqlx_migrations' \
         ORDER BY c.table_name, c.ordinal_position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut schema = Schema::default();
    for (table, column, data_type, nullable) in columns {
        schema.tables.entry(table).or_default().insert(
            column,
            Column {
                stores: postgres_stores(&data_type),
                not_null: nullable == "NO",
            },
        );
    }
    // Each index with its table, whether it is unique, whether a constraint (PRIMARY KEY, UNIQUE)
    // made it, and its columns in order.
    let keys: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT t.relname::text, f.relname::text, k.confdeltype::text, \
                array_to_string(ARRAY( \
                  SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS c(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.attnum \
                  ORDER BY c.n), ','), \
                array_to_string(ARRAY( \
                  SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS c(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = c.attnum \
                  ORDER BY c.n), ',') \
         FROM pg_constraint k \
         JOIN pg_class t ON t.oid = k.conrelid \
         JOIN pg_class f ON f.oid = k.confrelid \
         JOIN pg_namespace s ON s.oid = k.connamespace \
         WHERE k.contype = 'f' AND s.nspname = current_schema()",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, target, on_delete, from, to) in keys {
        let on_delete = match on_delete.as_str() {
            "c" => "CASCADE",
            "n" => "SET NULL",
            "d" => "SET DEFAULT",
            "r" => "RESTRICT",
            _ => "NO ACTION",
        };
        let (from, to): (Vec<String>, Vec<String>) = (
            from.split(',').map(str::to_string).collect(),
            to.split(',').map(str::to_string).collect(),
        );
        schema
            .foreign_keys
            .insert(foreign_key(&table, &from, &target, &to, on_delete));
    }

    let indexes: Vec<(String, String, bool, bool, bool, bool, String)> = sqlx::query_as(
        "SELECT i.relname::text, t.relname::text, x.indisunique, x.indisprimary, \
                x.indpred IS NOT NULL, \
                EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid), \
                array_to_string(ARRAY( \
                  SELECT coalesce(a.attname::text, '<expr>') \
                  FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) \
                  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
                  ORDER BY k.n), ',') \
         FROM pg_index x \
         JOIN pg_class i ON i.oid = x.indexrelid \
         JOIN pg_class t ON t.oid = x.indrelid \
         JOIN pg_namespace s ON s.oid = t.relnamespace \
         WHERE s.nspname = current_schema() AND t.relname <> '_sqlx_migrations' \
         ORDER BY i.relname",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (name, table, unique, primary, partial, by_constraint, columns) in indexes {
        let columns: Vec<String> = columns.split(',').map(str::to_string).collect();
        if primary {
            continue;
        }
        if by_constraint {
            schema.unique.insert((table, columns));
        } else {
            let index = Index {
                table,
                unique,
                partial,
                columns,
            };
            schema.indexes.insert(name, index);
        }
    }
    schema
}

/// One foreign key, as `differences` names it.
fn foreign_key(
    table: &str,
    from: &[String],
    target: &str,
    to: &[String],
    on_delete: &str,
) -> String {
    format!(
        "{table}({}) references {target}({}) on delete {on_delete}",
        from.join(","),
        to.join(",")
    )
}

/// Every difference, one line each, in the words of `migrations/engine_specific.txt`.
fn differences(sqlite: &Schema, postgres: &Schema) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (engine, one, other) in [("sqlite", sqlite, postgres), ("postgres", postgres, sqlite)] {
        for (table, columns) in &one.tables {
            let Some(theirs) = other.tables.get(table) else {
                found.insert(format!("{engine} table {table}"));
                continue;
            };
            for name in columns.keys().filter(|c| !theirs.contains_key(*c)) {
                found.insert(format!("{engine} column {table}.{name}"));
            }
        }
        for (name, index) in &one.indexes {
            match other.indexes.get(name) {
                None => {
                    found.insert(format!("{engine} index {name}"));
                }
                Some(theirs) if engine == "sqlite" && theirs != index => {
                    found.insert(format!(
                        "differs index {name}: sqlite {index:?}, postgres {theirs:?}"
                    ));
                }
                Some(_) => {}
            }
        }
        for key in one.foreign_keys.difference(&other.foreign_keys) {
            found.insert(format!("{engine} foreign key {key}"));
        }
        for (table, columns) in one.unique.difference(&other.unique) {
            found.insert(format!("{engine} unique {table}({})", columns.join(",")));
        }
    }
    for (table, columns) in &sqlite.tables {
        let Some(theirs) = postgres.tables.get(table) else {
            continue;
        };
        for (name, column) in columns {
            let Some(their) = theirs.get(name) else {
                continue;
            };
            if column.not_null != their.not_null {
                found.insert(format!(
                    "differs nullability {table}.{name}: sqlite not null {}, postgres not null {}",
                    column.not_null, their.not_null
                ));
            }
            // SQLite has no boolean type: flags are integers 0/1 on both.
            if column.stores != their.stores {
                found.insert(format!(
                    "differs type {table}.{name}: sqlite {:?}, postgres {:?}",
                    column.stores, their.stores
                ));
            }
        }
    }
    found
}

/// The checked-in list: `<line as `differences` writes it> — <why>` per line, `#` for comments.
fn engine_specific() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../migrations/engine_specific.txt"
    );
    let text = std::fs::read_to_string(path).expect("read migrations/engine_specific.txt");
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (what, why) = line
                .split_once(" — ")
                .unwrap_or_else(|| panic!("no reason (` — why`) given for: {line}"));
            assert!(!why.trim().is_empty(), "no reason given for: {line}");
            what.trim().to_string()
        })
        .collect()
}

#[tokio::test]
async fn sqlite_and_postgres_migrations_give_one_schema() {
    let Some(url) = std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        // On a developer's machine without PostgreSQL this cannot be checked; CI must check it.
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but TEST_POSTGRES_URL is not set: the two schemas cannot be compared"
        );
        eprintln!("TEST_POSTGRES_URL is not set: the two schemas are not compared");
        return;
    };
    let sqlite = TestDb::sqlite().await;
    let postgres = TestDb::postgres(&url).await;
    let (lite, pg) = (
        sqlite_schema(sqlite.db.pool()).await,
        postgres_schema(postgres.db.pool()).await,
    );
    // The reading itself works: a query that read nothing would find no difference either.
    for schema in [&lite, &pg] {
        let columns: usize = schema.tables.values().map(BTreeMap::len).sum();
        let (tables, indexes, unique, keys) = (
            schema.tables.len(),
            schema.indexes.len(),
            schema.unique.len(),
            schema.foreign_keys.len(),
        );
        assert!(
            tables >= 30 && columns >= 300 && indexes >= 40 && unique >= 5 && keys >= 30,
            "read only {tables} tables, {columns} columns, {indexes} indexes, {unique} unique, \
             {keys} foreign keys"
        );
        let kinds: BTreeSet<String> = schema
            .tables
            .values()
            .flat_map(BTreeMap::values)
            .map(|c| format!("{:?}", c.stores))
            .collect();
        for kind in ["Integer", "Text", "Real"] {
            assert!(kinds.contains(kind), "no {kind} column read");
        }
        assert!(
            !kinds.contains("Other"),
            "a column of a type not mapped: {kinds:?}"
        );
    }
    let found = differences(&lite, &pg);
    sqlite.finish().await;
    postgres.finish().await;

    let listed = engine_specific();
    let unlisted: Vec<&String> = found.difference(&listed).collect();
    let stale: Vec<&String> = listed.difference(&found).collect();
    assert!(
        unlisted.is_empty() && stale.is_empty(),
        "the SQLite and PostgreSQL migrations differ in ways migrations/engine_specific.txt does \
         not list:\n  {}\nand it lists what is no longer a difference:\n  {}",
        unlisted
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        stale
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
    );
}
