//! One-time codes in the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL:
//! their life (expiry, tries, one live code, kept only as an HMAC) and every sending limit at and
//! over its value, also when requests race.
use app::contacts::codes::{
    check, issue, Checked, CodeKey, CodeLimits, CodePurpose, CodeRequest, Issued, CODE_VALID_SECS,
    MOST_TRIES,
};
use app::db::testing::each_backend;
use app::db::Db;

const NOW: i64 = 1_800_000_000;
const NUMBER: &str = "13808510001";

fn request(contact: &str, purpose: CodePurpose) -> CodeRequest<'_> {
    CodeRequest {
        contact,
        purpose,
        user_id: None,
        client: Some("10.0.0.1"),
        paid: true,
    }
}

async fn send(
    db: &Db,
    key: &CodeKey,
    limits: &CodeLimits,
    request: CodeRequest<'_>,
    at: i64,
) -> Issued {
    let mut tx = db.begin_write().await.unwrap();
    let seal = app::secrets::new_seal();
    let issued = issue(&mut tx, key, limits, request, &seal, at)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    issued
}

async fn fresh_code(db: &Db, key: &CodeKey, request: CodeRequest<'_>, at: i64) -> String {
    match send(db, key, &CodeLimits::default(), request, at).await {
        Issued::Code(code) => code,
        other => panic!("no code: {other:?}"),
    }
}

async fn try_code(
    db: &Db,
    key: &CodeKey,
    request: CodeRequest<'_>,
    typed: &str,
    at: i64,
) -> Checked {
    let mut tx = db.begin_write().await.unwrap();
    let checked = check(&mut tx, key, request, typed, at).await.unwrap();
    tx.commit().await.unwrap();
    checked
}

/// Any other six digits.
fn other_than(code: &str) -> String {
    let n: u32 = code.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

#[tokio::test]
async fn a_code_works_once_and_is_kept_only_as_an_hmac() {
    let key = CodeKey::default();
    for test in each_backend().await {
        let db = &test.db;
        let sign_up = request(NUMBER, CodePurpose::SignUp);
        let code = fresh_code(db, &key, sign_up, NOW).await;
        let stored: Vec<(String, String)> =
            sqlx::query_as("SELECT contact_mac, code_mac FROM one_time_codes")
                .fetch_all(db.pool())
                .await
                .unwrap();
        assert_eq!(stored.len(), 1);
        let (contact_mac, code_mac) = &stored[0];
        assert!(!contact_mac.contains(NUMBER) && !code_mac.contains(&code));
        let sent_for: String = sqlx::query_scalar("SELECT contact_mac FROM code_sends")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(!sent_for.contains(NUMBER));
        // Another key (another server's, a stolen copy's) cannot make sense of the rows.
        assert_eq!(
            try_code(db, &CodeKey::default(), sign_up, &code, NOW + 1).await,
            Checked::Dead
        );
        // Not for another purpose, nor another contact.
        assert_eq!(
            try_code(
                db,
                &key,
                request(NUMBER, CodePurpose::Reset),
                &code,
                NOW + 1
            )
            .await,
            Checked::Dead
        );
        assert_eq!(
            try_code(
                db,
                &key,
                request("13808510002", CodePurpose::SignUp),
                &code,
                NOW + 1
            )
            .await,
            Checked::Dead
        );
        assert_eq!(
            try_code(db, &key, sign_up, &code, NOW + 2).await,
            Checked::Right
        );
        assert_eq!(
            try_code(db, &key, sign_up, &code, NOW + 3).await,
            Checked::Dead
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn codes_expire_after_five_minutes_and_die_after_five_tries() {
    let key = CodeKey::default();
    for test in each_backend().await {
        let db = &test.db;
        let sign_in = request(NUMBER, CodePurpose::SignIn);
        let code = fresh_code(db, &key, sign_in, NOW).await;
        assert_eq!(
            try_code(db, &key, sign_in, &code, NOW + CODE_VALID_SECS).await,
            Checked::Dead,
            "dead at five minutes"
        );

        let later = NOW + 3600;
        let code = fresh_code(db, &key, sign_in, later).await;
        let wrong = other_than(&code);
        for tries_left in (0..MOST_TRIES).rev() {
            assert_eq!(
                try_code(db, &key, sign_in, &wrong, later + 1).await,
                Checked::Wrong { tries_left }
            );
        }
        // The right code after five wrong ones opens nothing.
        assert_eq!(
            try_code(db, &key, sign_in, &code, later + 2).await,
            Checked::Dead
        );

        // A new code replaces the live one: one live code per contact and purpose.
        let first = fresh_code(db, &key, sign_in, later + 7200).await;
        let second = fresh_code(db, &key, sign_in, later + 7300).await;
        if first != second {
            assert_eq!(
                try_code(db, &key, sign_in, &first, later + 7301).await,
                Checked::Wrong {
                    tries_left: MOST_TRIES - 1
                }
            );
        }
        assert_eq!(
            try_code(db, &key, sign_in, &second, later + 7302).await,
            Checked::Right
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn a_code_for_a_change_of_contact_is_only_its_askers() {
    let key = CodeKey::default();
    for test in each_backend().await {
        let db = &test.db;
        let asker = app::testing::neighbour(db, 1).await;
        let other = app::testing::neighbour(db, 2).await;
        let change = |user_id| CodeRequest {
            user_id: Some(user_id),
            ..request("new@example.cn", CodePurpose::Change)
        };
        let code = fresh_code(db, &key, change(asker), NOW).await;
        assert_eq!(
            try_code(db, &key, change(other), &code, NOW + 1).await,
            Checked::Dead
        );
        // Another account asking for the same contact does not replace the asker's code.
        fresh_code(db, &key, change(other), NOW + 120).await;
        assert_eq!(
            try_code(db, &key, change(asker), &code, NOW + 2).await,
            Checked::Right
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn each_sending_limit_holds_at_its_value() {
    let key = CodeKey::default();
    let limits = CodeLimits::default();
    for test in each_backend().await {
        let db = &test.db;
        let ask = |at| send(db, &key, &limits, request(NUMBER, CodePurpose::SignIn), at);
        // One a minute.
        assert!(matches!(ask(NOW).await, Issued::Code(_)));
        assert_eq!(ask(NOW + 59).await, Issued::WaitAMinute);
        // Five an hour: four more a minute apart, then the sixth is refused.
        for n in 1..5 {
            assert!(
                matches!(ask(NOW + 61 * n).await, Issued::Code(_)),
                "send {n}"
            );
        }
        assert_eq!(ask(NOW + 61 * 5).await, Issued::ContactOverLimit);
        // Ten a day: five more in the next hour, then nothing until a day has passed.
        let hour = NOW + 3600;
        for n in 0..5 {
            assert!(
                matches!(ask(hour + 61 * n).await, Issued::Code(_)),
                "send {n}"
            );
        }
        assert_eq!(ask(NOW + 2 * 3600).await, Issued::ContactOverLimit);
        assert!(matches!(ask(NOW + 24 * 3600 + 1).await, Issued::Code(_)));
        test.finish().await;
    }
}

#[tokio::test]
async fn one_address_and_the_whole_site_have_their_own_limits() {
    let key = CodeKey::default();
    for test in each_backend().await {
        let db = &test.db;
        let limits = CodeLimits {
            per_address_hour: 3,
            per_day: 5,
            ..CodeLimits::default()
        };
        let numbers: Vec<String> = (0..8).map(|n| format!("139000000{n:02}")).collect();
        let from = |n: usize, client| CodeRequest {
            client: Some(client),
            ..request(&numbers[n], CodePurpose::SignUp)
        };
        for n in 0..3 {
            assert!(matches!(
                send(db, &key, &limits, from(n, "10.0.0.1"), NOW).await,
                Issued::Code(_)
            ));
        }
        assert_eq!(
            send(db, &key, &limits, from(3, "10.0.0.1"), NOW).await,
            Issued::Busy
        );
        // Another address may; until the site's day is full.
        for n in 3..5 {
            assert!(matches!(
                send(db, &key, &limits, from(n, "10.0.0.2"), NOW).await,
                Issued::Code(_)
            ));
        }
        assert_eq!(
            send(db, &key, &limits, from(5, "10.0.0.3"), NOW).await,
            Issued::Busy
        ); // A code that is made but not sent (no account holds the number) costs nothing and does
           // not fill the day.
        let unpaid = CodeRequest {
            paid: false,
            ..from(6, "10.0.0.3")
        };
        assert!(matches!(
            send(db, &key, &limits, unpaid, NOW).await,
            Issued::Code(_)
        ));
        assert!(matches!(
            send(db, &key, &limits, from(5, "10.0.0.3"), NOW + 24 * 3600 + 1).await,
            Issued::Code(_)
        ));
        test.finish().await;
    }
}

#[tokio::test]
async fn racing_requests_get_one_code_and_one_right_answer() {
    let key = std::sync::Arc::new(CodeKey::default());
    for test in each_backend().await {
        let db = &test.db;
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (db, key) = (db.clone(), key.clone());
                tokio::spawn(async move {
                    let request = request(NUMBER, CodePurpose::SignUp);
                    send(&db, &key, &CodeLimits::default(), request, NOW).await
                })
            })
            .collect();
        let mut codes = Vec::new();
        for task in tasks {
            if let Issued::Code(code) = task.await.unwrap() {
                codes.push(code);
            }
        }
        assert_eq!(codes.len(), 1, "one a minute, however many ask at once");
        let code = codes.pop().unwrap();
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (db, key, code) = (db.clone(), key.clone(), code.clone());
                tokio::spawn(async move {
                    try_code(
                        &db,
                        &key,
                        request(NUMBER, CodePurpose::SignUp),
                        &code,
                        NOW + 1,
                    )
                    .await
                })
            })
            .collect();
        let mut right = 0;
        for task in tasks {
            right += usize::from(task.await.unwrap() == Checked::Right);
        }
        assert_eq!(right, 1, "a code opens one thing once");
        test.finish().await;
    }
}
