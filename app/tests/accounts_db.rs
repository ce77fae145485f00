//! Accounts in the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL.
#![cfg(feature = "ssr")]

use app::accounts::contact::Contact;
use app::accounts::db::{create_user, delete_user, find_credentials, set_admin, CreateUser};
use app::accounts::password::{hash_password, verify_password};
use app::db::testing::each_backend;

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
        assert!(delete_user(&mut tx, id, 5).await.unwrap());
        assert!(!delete_user(&mut tx, id, 6).await.unwrap(), "deleted twice");
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

            // A deleted account's sessions are dead, and ending all removes them.
            let mut tx = db.begin_write().await.unwrap();
            delete_user(&mut tx, id, 300).await.unwrap();
            tx.commit().await.unwrap();
            assert!(user_for_token(db.pool(), &second.token, 350)
                .await
                .unwrap()
                .is_none());
            let mut tx = db.begin_write().await.unwrap();
            assert_eq!(end_all_sessions(&mut tx, id).await.unwrap(), 1);
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
