//! Accounts in the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL.
use app::accounts::contact::Contact;
use app::accounts::db::{create_user, find_credentials, set_admin, CreateUser};
use app::accounts::password::{hash_password, verify_password};
use app::db::testing::each_backend;
use app::me::personal_data::erase;

fn mobile() -> Contact {
    Contact::parse("138 0851 0001").unwrap()
}

#[tokio::test]
async fn sign_up_then_find_and_verify() {
    let hash = hash_password("云岩区的志愿者".into()).await.unwrap();
    for test in each_backend().await {
        let db = &test.db;
        let mut tx = db.begin_write().await.unwrap();
        let created = create_user(&mut tx, &mobile(), "李明", &hash, 1)
            .await
            .unwrap();
        let CreateUser::Created(id) = created else {
            panic!("not created: {created:?}")
        };
        // The same contact again, typed differently, is the same person.
        let again = Contact::parse("+86 13808510001").unwrap();
        assert_eq!(
            create_user(&mut tx, &again, "冒名", &hash, 2)
                .await
                .unwrap(),
            CreateUser::ContactTaken
        );
        assert!(set_admin(&mut tx, id, true).await.unwrap());
        tx.commit().await.unwrap();

        let found = find_credentials(db.pool(), &mobile())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (found.id, found.display_name.as_str(), found.is_admin),
            (id, "李明", 1)
        );
        assert!(verify_password("云岩区的志愿者".into(), found.password_hash.unwrap()).await);
        let email = Contact::parse("nobody@example.cn").unwrap();
        assert!(find_credentials(db.pool(), &email).await.unwrap().is_none());
        test.finish().await;
    }
}

#[tokio::test]
async fn deleting_wipes_personal_data_and_frees_the_contact() {
    for test in each_backend().await {
        let db = &test.db;
        let mut tx = db.begin_write().await.unwrap();
        let CreateUser::Created(id) = create_user(&mut tx, &mobile(), "王芳", "h", 1)
            .await
            .unwrap()
        else {
            panic!()
        };
        assert!(erase(&mut tx, id, 5).await.unwrap());
        assert!(!erase(&mut tx, id, 6).await.unwrap(), "deleted twice");
        tx.commit().await.unwrap();

        assert!(find_credentials(db.pool(), &mobile())
            .await
            .unwrap()
            .is_none());
        let (name, contact, hash): (String, Option<String>, Option<String>) =
            sqlx::query_as("SELECT display_name, contact, password_hash FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(db.pool())
                .await
                .unwrap();
        assert_eq!((name.as_str(), contact, hash), ("-", None, None));

        let mut tx = db.begin_write().await.unwrap();
        let again = create_user(&mut tx, &mobile(), "王芳", "h2", 9)
            .await
            .unwrap();
        assert!(matches!(again, CreateUser::Created(new_id) if new_id != id));
        tx.commit().await.unwrap();
        test.finish().await;
    }
}

#[tokio::test]
async fn racing_sign_ups_with_one_contact_make_one_account() {
    for test in each_backend().await {
        let mut tasks = Vec::new();
        for i in 0..12 {
            let db = test.db.clone();
            tasks.push(tokio::spawn(async move {
                let mut tx = db.begin_write().await?;
                let outcome = create_user(&mut tx, &mobile(), &format!("用户{i}"), "h", i).await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(outcome)
            }));
        }
        let mut created = 0;
        for task in tasks {
            if let CreateUser::Created(_) = task.await.unwrap().unwrap() {
                created += 1;
            }
        }
        assert_eq!(created, 1);
        test.finish().await;
    }
}

mod sessions {
    use super::*;
    use app::accounts::session::{
        end_all_sessions, end_session, start_session, user_for_token, SESSION_SECONDS,
    };

    #[tokio::test]
    async fn a_session_lives_until_sign_out_or_expiry() {
        for test in each_backend().await {
            let db = &test.db;
            let mut tx = db.begin_write().await.unwrap();
            let CreateUser::Created(id) = create_user(&mut tx, &mobile(), "李明", "h", 100)
                .await
                .unwrap()
            else {
                panic!()
            };
            let first = start_session(&mut tx, id, 100).await.unwrap();
            let second = start_session(&mut tx, id, 200).await.unwrap();
            tx.commit().await.unwrap();
            // Each sign-in gets a new, unguessable token.
            assert_ne!(first.token, second.token);
            assert!(first.token.len() >= 43);

            let user = user_for_token(db.pool(), &first.token, 150)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(
                (user.id, user.display_name.as_str(), user.is_admin),
                (id, "李明", false)
            );
            assert!(user_for_token(db.pool(), "forged", 150)
                .await
                .unwrap()
                .is_none());
            // Expired.
            let later = 100 + SESSION_SECONDS;
            assert!(user_for_token(db.pool(), &first.token, later)
                .await
                .unwrap()
                .is_none());

            // Signing out kills that cookie only.
            let mut tx = db.begin_write().await.unwrap();
            assert!(end_session(&mut tx, &first.token).await.unwrap());
            tx.commit().await.unwrap();
            assert!(user_for_token(db.pool(), &first.token, 150)
                .await
                .unwrap()
                .is_none());
            assert!(user_for_token(db.pool(), &second.token, 250)
                .await
                .unwrap()
                .is_some());

            // A deleted account's sessions are dead: deleting removed them.
            let mut tx = db.begin_write().await.unwrap();
            erase(&mut tx, id, 300).await.unwrap();
            tx.commit().await.unwrap();
            assert!(user_for_token(db.pool(), &second.token, 350)
                .await
                .unwrap()
                .is_none());
            let mut tx = db.begin_write().await.unwrap();
            assert_eq!(end_all_sessions(&mut tx, id).await.unwrap(), 0);
            tx.commit().await.unwrap();
            test.finish().await;
        }
    }
}

#[tokio::test]
async fn admin_create_makes_or_promotes_an_admin() {
    use app::accounts::admin::{create_admin, AdminCreated, AdminError};
    for test in each_backend().await {
        let db = &test.db;
        let made = create_admin(
            db,
            "admin@yunyixiang.cn",
            "平台管理员",
            "admin-pass-2026".into(),
        )
        .await
        .unwrap();
        let AdminCreated::NewAccount(id) = made else {
            panic!("{made:?}")
        };
        let email = Contact::parse("admin@yunyixiang.cn").unwrap();
        let found = find_credentials(db.pool(), &email).await.unwrap().unwrap();
        assert_eq!((found.id, found.is_admin), (id, 1));
        assert!(verify_password("admin-pass-2026".into(), found.password_hash.unwrap()).await);

        // An existing resident is promoted; their password stays.
        let mut tx = db.begin_write().await.unwrap();
        let CreateUser::Created(resident) = create_user(&mut tx, &mobile(), "李明", "h", 1)
            .await
            .unwrap()
        else {
            panic!()
        };
        tx.commit().await.unwrap();
        let promoted = create_admin(db, "13808510001", "", String::new())
            .await
            .unwrap();
        assert_eq!(promoted, AdminCreated::Promoted(resident));
        let found = find_credentials(db.pool(), &mobile())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (found.is_admin, found.password_hash.as_deref()),
            (1, Some("h"))
        );

        assert!(matches!(
            create_admin(db, "not-a-contact", "x", "long-enough".into()).await,
            Err(AdminError::Contact(_))
        ));
        assert!(matches!(
            create_admin(db, "new@yunyixiang.cn", "x", "short".into()).await,
            Err(AdminError::Password)
        ));
        test.finish().await;
    }
}

/// Every column that refers to a person, in either database's schema: a foreign key to users,
/// or a name that says so. Each must be in the registry with what deletion does to it, and the
/// registry names no column that is not there.
#[tokio::test]
async fn every_column_about_a_person_has_a_fate_on_deletion() {
    use app::db::DbKind;
    use app::me::personal_data::{named_like_a_person, PERSON_COLUMNS};
    use std::collections::BTreeSet;
    for test in each_backend().await {
        let pool = test.db.pool();
        let (columns_sql, keys_sql) = match test.db.kind() {
            DbKind::Sqlite => (
                "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c \
                 WHERE m.type = 'table'",
                "SELECT m.name, f.\"from\" FROM sqlite_master m \
                 JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = 'users'",
            ),
            DbKind::Postgres => (
                "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) \
                 FROM information_schema.columns WHERE table_schema = current_schema()",
                "SELECT CAST(k.table_name AS TEXT), CAST(k.column_name AS TEXT) \
                 FROM information_schema.referential_constraints r \
                 JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name \
                   AND k.constraint_schema = r.constraint_schema \
                 JOIN information_schema.key_column_usage u ON u.constraint_name = r.unique_constraint_name \
                   AND u.constraint_schema = r.unique_constraint_schema \
                 WHERE k.table_schema = current_schema() AND u.table_name = 'users'",
            ),
        };
        let columns: Vec<(String, String)> =
            sqlx::query_as(columns_sql).fetch_all(pool).await.unwrap();
        let keys: Vec<(String, String)> = sqlx::query_as(keys_sql).fetch_all(pool).await.unwrap();
        assert!(
            keys.len() > 20,
            "{:?}: the foreign keys were not read",
            test.db.kind()
        );
        let about_people: BTreeSet<(String, String)> = columns
            .into_iter()
            .filter(|(table, column)| table != "users" && named_like_a_person(column))
            .chain(keys)
            .collect();
        let registered: BTreeSet<(String, String)> = PERSON_COLUMNS
            .iter()
            .map(|(table, column, _)| (table.to_string(), column.to_string()))
            .collect();
        let unclassified: Vec<_> = about_people.difference(&registered).collect();
        assert!(
            unclassified.is_empty(),
            "{:?}: say in me::personal_data what deleting an account does with {unclassified:?}",
            test.db.kind()
        );
        let stale: Vec<_> = registered.difference(&about_people).collect();
        assert!(stale.is_empty(), "not in the schema any more: {stale:?}");
        test.finish().await;
    }
}

/// A volunteer who has done a bit of everything: their listing (with a photo and notes) and
/// a request for a neighbour's, with a message in its thread; a place at an event to come; a
/// booking of a cooperative member's service; approved hours at a verified organisation's past
/// event and a certificate for them; a private calendar address. Their id and the serial.
async fn busy_volunteer(db: &app::db::Db) -> (i64, String) {
    use app::events::model::EventStatus;
    use app::orgs::model::{OrgKind, Verification};
    use app::testing::{self, neighbour};
    let me = testing::person(db, "13800000102", "阿兰").await;
    let neighbour_id = neighbour(db, 1).await;
    let now = app::db::now_unix();
    // Listings: one of mine (with a photo), and a neighbour's I asked for, with a message.
    let mine = testing::listing_with(db, me, "儿童绘本", "give", |f| {
        f.description = "九成新".into();
        f.pickup_notes = "晚上七点后".into();
    })
    .await;
    let theirs = testing::listing(db, neighbour_id, "折叠椅", "give").await;
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query(
        "INSERT INTO item_photos (item_id, position, width, height, display, thumb) \
         VALUES ($1, 0, 1, 1, $2, $2)",
    )
    .bind(mine)
    .bind(vec![0xFFu8, 0xD8])
    .execute(&mut *tx)
    .await
    .unwrap();
    let limits = Default::default();
    let asked = app::items::requests::ask(&mut tx, theirs, me, "想要", limits, now).await;
    let app::items::requests::AskOutcome::Sent(request) = asked.unwrap() else {
        panic!("not asked")
    };
    let request = app::items::requests::find(&mut tx, request)
        .await
        .unwrap()
        .unwrap();
    app::items::thread::post(&mut tx, &request, me, "明天来取", now)
        .await
        .unwrap();
    // Events: a place at one to come; two approved hours at a verified organisation's past one.
    let org = testing::new_org(&mut tx, "晨光助老服务中心", OrgKind::SocialOrg).await;
    let coming = testing::event_of(
        &mut tx,
        org,
        EventStatus::Published,
        now + 86_400 * 7,
        |_| {},
    )
    .await;
    let past = now - 86_400 * 30;
    let served = testing::event_of(&mut tx, org, EventStatus::Published, past, |_| {}).await;
    for event in [coming, served] {
        app::events::signup::join(&mut tx, event, me, past - 86_400)
            .await
            .unwrap();
    }
    app::events::feed::db::set_token(&mut tx, me, Some(&"a".repeat(64)))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    testing::set_standing(db, org, Verification::Verified).await;
    testing::approved_hours(db, served, 120, past).await;
    // A booking of a cooperative member's service, done and thanked.
    let member = testing::coop_member(db, testing::cooperative(db).await, neighbour_id).await;
    testing::done_booking(db, me, member, neighbour_id).await;
    let year = app::china_time::china_year(past).unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let issued = app::volunteering::certificate::issue(&mut tx, me, org, year, now).await;
    let app::volunteering::certificate::Issue::Serial(serial) = issued.unwrap() else {
        panic!("no certificate for the volunteer")
    };
    tx.commit().await.unwrap();
    (me, serial)
}

/// A volunteer deletes their account: their listings come down with photos and notes, what they
/// wrote is blanked (the other side sees it as deleted), places at events to come are given up,
/// the calendar address stops working, bookings are cancelled, and their certificates stay
/// checkable without their name.
#[tokio::test]
async fn deleting_an_account_leaves_no_personal_data_behind() {
    use app::volunteering::certificate;
    for test in each_backend().await {
        let db = &test.db;
        let pool = db.pool();
        let (me, serial) = busy_volunteer(db).await;
        let now = app::db::now_unix();
        let count = |sql: &'static str| async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(me)
                .bind(now)
                .fetch_one(pool)
                .await
                .unwrap()
        };
        let listed = "SELECT COUNT(*) FROM items WHERE owner_id = $1 AND status IN ('available', 'promised') AND $2 > 0";
        let photos = "SELECT COUNT(*) FROM item_photos p JOIN items i ON i.id = p.item_id WHERE i.owner_id = $1 AND $2 > 0";
        let notes = "SELECT COUNT(*) FROM items WHERE owner_id = $1 AND (pickup_notes <> '' OR description <> '') AND $2 > 0";
        let asked = "SELECT COUNT(*) FROM item_requests WHERE requester_id = $1 AND message <> '-' AND $2 > 0";
        let wrote =
            "SELECT COUNT(*) FROM item_messages WHERE author_id = $1 AND body <> '-' AND $2 > 0";
        let booked = "SELECT COUNT(*) FROM coop_bookings WHERE resident_id = $1 AND (message <> '' OR thanks IS NOT NULL) AND $2 > 0";
        let upcoming = "SELECT COUNT(*) FROM event_participants p JOIN events e ON e.id = p.event_id \
                        WHERE p.user_id = $1 AND p.status IN ('going', 'waitlisted') AND e.starts_at > $2";
        let kept = [
            ("listings", listed),
            ("photos", photos),
            ("notes", notes),
            ("requests", asked),
            ("messages", wrote),
            ("bookings", booked),
            ("places to come", upcoming),
        ];
        for (what, sql) in kept {
            assert!(count(sql).await > 0, "the volunteer has no {what}");
        }
        let seats_before: i64 =
            sqlx::query_scalar("SELECT CAST(SUM(seats_taken) AS BIGINT) FROM events")
                .fetch_one(pool)
                .await
                .unwrap();

        let mut tx = db.begin_write().await.unwrap();
        assert!(erase(&mut tx, me, now).await.unwrap());
        tx.commit().await.unwrap();

        for (what, sql) in kept {
            assert_eq!(count(sql).await, 0, "{what} left after deletion");
        }
        let open_bookings = "SELECT COUNT(*) FROM coop_bookings WHERE resident_id = $1 \
                             AND status IN ('requested', 'accepted') AND $2 > 0";
        assert_eq!(count(open_bookings).await, 0, "bookings still open");
        let seats_after: i64 =
            sqlx::query_scalar("SELECT CAST(SUM(seats_taken) AS BIGINT) FROM events")
                .fetch_one(pool)
                .await
                .unwrap();
        assert!(seats_after <= seats_before);
        assert_eq!(
            app::events::feed::db::owner_of(pool, &"a".repeat(64))
                .await
                .unwrap(),
            None
        );
        let checked = certificate::find(pool, &serial).await.unwrap().unwrap();
        assert!(checked.holder_deleted && checked.holder_name.is_empty());
        assert!(!checked.revoked, "the hours stay certified");
        let named: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM hours_certificates WHERE user_id = $1 AND holder_name <> '-'",
        )
        .bind(me)
        .fetch_one(pool)
        .await
        .unwrap();
        assert_eq!(named, 0);
        // The other side of a thread sees "deleted", not the text.
        let mut conn = pool.acquire().await.unwrap();
        let request: i64 =
            sqlx::query_scalar("SELECT MIN(request_id) FROM item_messages WHERE author_id = $1")
                .bind(me)
                .fetch_one(&mut *conn)
                .await
                .unwrap();
        let thread = app::items::thread::messages(&mut conn, request)
            .await
            .unwrap();
        assert!(thread.iter().any(|m| m.author_id == me && m.author_deleted));
        test.finish().await;
    }
}
