//! The browser tests drive the demo district and name what they rely on in it once, in
//! `end2end/tests/demo.ts`. Each of those values must still be in the demo data: renaming a demo
//! record fails here, naming the value, instead of in a browser test far from the cause.
use app::db::testing::TestDb;

/// The quoted values of `demo.ts` (`key: '…'` and `contact: '…'` alike).
fn names_in_demo_ts() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/tests/demo.ts");
    let source = std::fs::read_to_string(path).unwrap();
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| line.split(": '").skip(1))
        .filter_map(|rest| rest.split('\'').next())
        .map(str::to_string)
        .collect()
}

/// Whether `value` is in some text column of the database (as a whole value or a part of one).
async fn stored(test: &TestDb, value: &str) -> bool {
    let pool = test.db.pool();
    for (table, column) in app::db::testing::sqlite_text_columns(pool).await {
        // Names come from the schema, not from input.
        let found: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {table} WHERE instr({column}, ?) > 0"
        ))
        .bind(value)
        .fetch_one(pool)
        .await
        .unwrap();
        if found > 0 {
            return true;
        }
    }
    false
}

#[tokio::test]
async fn what_the_browser_tests_name_is_in_the_demo() {
    let test = TestDb::sqlite().await;
    app::demo::seed_demo(&test.db).await.unwrap();
    let names = names_in_demo_ts();
    assert!(names.len() > 20, "{names:?}");
    let passwords = app::demo::DEMO_ACCOUNTS.map(|(_, _, password)| password);
    let mut missing = Vec::new();
    for name in &names {
        if !passwords.contains(&name.as_str()) && !stored(&test, name).await {
            missing.push(name.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "end2end/tests/demo.ts names what the demo no longer has: {missing:?}"
    );
    test.finish().await;
}
