//! Proving contacts over HTTP: sign-up, sign-in by code, a forgotten password and a change of
//! contact each need the code sent to the contact; an account that typed in someone else's
//! number loses it to the number's owner and never sees what is sent to that number.

use super::*;
use app::contacts::ContactRefusal;
use app::invitations::db::{send as send_invitation, Invitation};
use app::notifications::model::Notice;
use app::vocabulary::InvitationKind;

async fn ask_code(
    router: &axum::Router,
    contact: &str,
    purpose: &str,
    cookie: Option<&str>,
) -> (StatusCode, String) {
    let contact: String = form_urlencoded::byte_serialize(contact.as_bytes()).collect();
    let body = format!("contact={contact}&purpose={purpose}");
    let (status, _, answer) = send(router, form("/api/accounts/send_code", &body, cookie)).await;
    (status, answer)
}

async fn verified_at(test: &TestDb, user: i64) -> Option<i64> {
    sqlx::query_scalar("SELECT contact_verified_at FROM users WHERE id = $1")
        .bind(user)
        .fetch_one(test.db.pool())
        .await
        .unwrap()
}

async fn signed_in_as(router: &axum::Router, cookie: &str) -> Option<String> {
    let (_, _, body) = send(router, form("/api/accounts/me", "", Some(cookie))).await;
    let me: serde_json::Value = serde_json::from_str(&body).unwrap();
    me["display_name"].as_str().map(String::from)
}

#[tokio::test]
async fn sign_up_needs_the_code_sent_to_the_number() {
    let (router, test) = bare_app().await;
    let (status, body) = ask_code(&router, "138 0851 0003", "sign_up", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let code = sent_code(&test, "13808510003").await.unwrap();
    // The message holds the code and no link (providers refuse links in verification texts).
    let message = std::fs::read_dir(test.files.join("sms"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = std::fs::read_to_string(message.path()).unwrap();
    assert!(text.contains(&code) && !text.contains("http"), "{text}");

    let sign_up = |code: &str| {
        format!("contact=13808510003&code={code}&display_name=%E6%9D%8E%E6%98%8E&password=volunteer-2026")
    };
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    let (status, headers, body) = send(
        &router,
        form("/api/accounts/sign_up", &sign_up(&wrong), None),
    )
    .await;
    assert_eq!(
        (status, body),
        (StatusCode::BAD_REQUEST, refused(ContactRefusal::CodeWrong))
    );
    assert!(headers.get(header::SET_COOKIE).is_none());
    let (status, headers, _) = send(
        &router,
        form("/api/accounts/sign_up", &sign_up(&code), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let cookie = session_cookie(&headers);
    let id = user_id(&test.db, "13808510003").await;
    assert!(
        verified_at(&test, id).await.is_some(),
        "the number is proved"
    );
    let (_, _, mine) = send(&router, form("/api/contacts/mine", "", Some(&cookie))).await;
    assert_eq!(mine, r#"{"contact":"13808510003","verified":true}"#);
    // The code opened one sign-up; a second within the minute is not even sent.
    let (status, body) = ask_code(&router, "13808510003", "sign_in", None).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::TOO_MANY_REQUESTS,
            refused(ContactRefusal::WaitAMinute)
        )
    );
    test.finish().await;
}

#[tokio::test]
async fn a_code_signs_in_and_resets_a_forgotten_password() {
    let (router, test) = bare_app().await;
    let phone = signed_up_as(&router, &test, "13808510004", "王芳").await;
    a_minute_passes(&test).await;
    let (status, _) = ask_code(&router, "13808510004", "sign_in", None).await;
    assert_eq!(status, StatusCode::OK);
    let code = sent_code(&test, "13808510004").await.unwrap();
    let body = format!("contact=13808510004&code={code}");
    let (status, headers, _) =
        send(&router, form("/api/accounts/sign_in_by_code", &body, None)).await;
    assert_eq!(status, StatusCode::OK);
    let laptop = session_cookie(&headers);
    assert_eq!(
        signed_in_as(&router, &laptop).await.as_deref(),
        Some("王芳")
    );
    // The same code twice opens nothing.
    let (status, _, answer) =
        send(&router, form("/api/accounts/sign_in_by_code", &body, None)).await;
    assert_eq!(
        (status, answer),
        (StatusCode::BAD_REQUEST, refused(ContactRefusal::CodeDead))
    );

    a_minute_passes(&test).await;
    let (status, _) = ask_code(&router, "13808510004", "reset", None).await;
    assert_eq!(status, StatusCode::OK);
    let code = sent_code(&test, "13808510004").await.unwrap();
    let reset = format!("contact=13808510004&code={code}&new_password=a-new-password-2027");
    let (status, headers, _) =
        send(&router, form("/api/accounts/reset_password", &reset, None)).await;
    assert_eq!(status, StatusCode::OK);
    let here = session_cookie(&headers);
    assert_eq!(signed_in_as(&router, &here).await.as_deref(), Some("王芳"));
    for old in [&phone, &laptop] {
        assert_eq!(
            signed_in_as(&router, old).await,
            None,
            "every other session ended"
        );
    }
    let with = |password: &str| format!("contact=13808510004&password={password}");
    let (status, _, _) = send(
        &router,
        form("/api/accounts/sign_in", &with("volunteer-2026"), None),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(
        &router,
        form("/api/accounts/sign_in", &with("a-new-password-2027"), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    test.finish().await;
}

#[tokio::test]
async fn a_number_without_an_account_gets_the_same_answer_and_no_message() {
    let (router, test) = bare_app().await;
    signed_up_as(&router, &test, "13808510005", "有账号").await;
    a_minute_passes(&test).await;
    let html = |contact: &str| {
        Request::post("/api/accounts/send_code")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .body(Body::from(format!("contact={contact}&purpose=sign_in")))
            .unwrap()
    };
    let (known, known_headers, _) = send(&router, html("13808510005")).await;
    let (unknown, unknown_headers, _) = send(&router, html("13808510006")).await;
    assert_eq!((known, unknown), (StatusCode::FOUND, StatusCode::FOUND));
    let to =
        |headers: &axum::http::HeaderMap| headers[header::LOCATION].to_str().unwrap().to_string();
    assert_eq!(to(&known_headers), "/signin/code?contact=13808510005");
    assert_eq!(to(&unknown_headers), "/signin/code?contact=13808510006");
    assert!(
        sent_code(&test, "13808510006").await.is_none(),
        "nothing is sent where no account is"
    );
    // The page that follows asks for the code and shows the number masked.
    let (status, _, page) = send(&router, super::page("/signin/code?contact=13808510005")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("138****0005") && page.contains("autocomplete=\"one-time-code\""));
    test.finish().await;
}

#[tokio::test]
async fn changing_the_contact_needs_a_code_sent_to_the_new_one() {
    let (router, test) = bare_app().await;
    let cookie = signed_up_as(&router, &test, "13808510007", "张伟").await;
    app::testing::person(&test.db, "taken@example.cn", "别人").await;
    let (status, body) = ask_code(&router, "taken@example.cn", "change", Some(&cookie)).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::CONFLICT,
            refused(app::accounts::AccountRefusal::ContactTaken)
        )
    );

    let (status, body) = ask_code(&router, "Zhang.Wei@Example.cn", "change", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let code = sent_code(&test, "zhang.wei@example.cn")
        .await
        .expect("a code by e-mail");
    // Only the account that asked may use it.
    let other = signed_up_as(&router, &test, "13808510008", "旁人").await;
    let change = format!("contact=zhang.wei%40example.cn&code={code}&password=volunteer-2026");
    let (status, _, _) = send(
        &router,
        form("/api/accounts/change_contact", &change, Some(&other)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST); // Moving the account to a new contact needs the password as well.
    let without = format!("contact=zhang.wei%40example.cn&code={code}&password=guess-guess");
    let (status, _, body) = send(
        &router,
        form("/api/accounts/change_contact", &without, Some(&cookie)),
    )
    .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::FORBIDDEN,
            refused(app::accounts::AccountRefusal::WrongPassword)
        )
    );
    let (status, headers, body) = send(
        &router,
        form("/api/accounts/change_contact", &change, Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        signed_in_as(&router, &cookie).await,
        None,
        "other sessions end"
    );
    let cookie = session_cookie(&headers);
    let (_, _, mine) = send(&router, form("/api/contacts/mine", "", Some(&cookie))).await;
    assert_eq!(
        mine,
        r#"{"contact":"zhang.wei@example.cn","verified":true}"#
    );
    let (status, _, _) = send(
        &router,
        form(
            "/api/accounts/sign_in",
            "contact=zhang.wei%40example.cn&password=volunteer-2026",
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "the new contact signs in");
    test.finish().await;
}

/// The takeover path: someone registers another person's number first (before codes, or by
/// typing it in). Nothing sent to that number reaches them, and the owner who proves the number
/// takes it over.
#[tokio::test]
async fn a_squatter_sees_nothing_sent_to_the_number_and_loses_it_to_its_owner() {
    for test in app::db::testing::each_backend().await {
        let (router, test) = bare_app_on(test);
        let owner = app::testing::neighbour(&test.db, 1).await;
        let coop = app::testing::org_run_by(
            &test.db,
            "云岩邻里互助社",
            app::orgs::model::OrgKind::Cooperative,
            owner,
            &[],
        )
        .await;
        let member = app::testing::coop_member(&test.db, coop, owner).await;
        let squatter = app::testing::unverified_person(&test.db, "13908510009", "冒名者").await;
        let squatter_cookie = session_for(&test, squatter).await;
        let now = app::db::now_unix();
        let mut tx = test.db.begin_write().await.unwrap();
        for (kind, member_id) in [
            (InvitationKind::Coordinator, None),
            (InvitationKind::MemberLink, Some(member)),
        ] {
            let invitation = Invitation {
                kind,
                org_id: coop,
                member_id,
                contact: "13908510009",
                invited_by: owner,
            };
            send_invitation(&mut tx, &invitation, "云岩邻里互助社", now)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        let (_, _, mine) = send(
            &router,
            form("/api/invitations/mine", "", Some(&squatter_cookie)),
        )
        .await;
        assert_eq!(mine, "[]", "invitations reach only a proved number");
        let (id, code) = super::help_desk::link_invitation(&test.db, member).await;
        let accept = format!("id={id}&code={code}");
        let (status, _, _) = send(
            &router,
            form("/api/invitations/accept", &accept, Some(&squatter_cookie)),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "the member link cannot be taken"
        );
        assert!(app::notifications::db::inbox(test.db.pool(), squatter)
            .await
            .unwrap()
            .is_empty());

        // The number's owner signs up with a code: the number moves to them.
        let real = signed_up_as(&router, &test, "13908510009", "真正的主人").await;
        assert_eq!(
            signed_in_as(&router, &real).await.as_deref(),
            Some("真正的主人")
        );
        assert_eq!(
            signed_in_as(&router, &squatter_cookie).await,
            None,
            "the squatter is signed out"
        );
        let notices: Vec<Notice> = app::notifications::db::inbox(test.db.pool(), squatter)
            .await
            .unwrap()
            .into_iter()
            .map(|entry| entry.notice)
            .collect();
        assert_eq!(notices, vec![Notice::ContactTakenBack {}]);
        let mine = super::invitations::my_invitations(&router, &real).await;
        assert_eq!(mine.as_array().unwrap().len(), 2, "{mine}");
        test.finish().await;
    }
}

/// Proving a number by code on an account that only typed it in signs the owner in, and the
/// password whoever typed it chose stops working.
#[tokio::test]
async fn a_code_sign_in_takes_an_unproved_account_away_from_its_password() {
    let (router, test) = bare_app().await;
    let hash = app::accounts::password::hash_password("squatters-password".into())
        .await
        .unwrap();
    let squatter = app::testing::unverified_person(&test.db, "13908510011", "冒名者").await;
    let mut tx = test.db.begin_write().await.unwrap();
    app::accounts::db::set_password_hash(&mut tx, squatter, &hash)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let password = "contact=13908510011&password=squatters-password";
    let (status, _, _) = send(&router, form("/api/accounts/sign_in", password, None)).await;
    assert_eq!(status, StatusCode::OK);

    let (status, _) = ask_code(&router, "13908510011", "sign_in", None).await;
    assert_eq!(status, StatusCode::OK);
    let code = sent_code(&test, "13908510011").await.unwrap();
    let body = format!("contact=13908510011&code={code}");
    let (status, _, _) = send(&router, form("/api/accounts/sign_in_by_code", &body, None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(verified_at(&test, squatter).await.is_some());
    let (status, _, _) = send(&router, form("/api/accounts/sign_in", password, None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password is gone");
    // Without a password, moving to another number says to set one first.
    let cookie = session_for(&test, squatter).await;
    let (status, _) = ask_code(&router, "13908510012", "change", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    let code = sent_code(&test, "13908510012").await.unwrap();
    let change = format!("contact=13908510012&code={code}");
    let (status, _, body) = send(
        &router,
        form("/api/accounts/change_contact", &change, Some(&cookie)),
    )
    .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::FORBIDDEN,
            refused(ContactRefusal::PasswordFirst)
        )
    );
    test.finish().await;
}

#[tokio::test]
async fn a_site_without_sms_says_so() {
    let test = TestDb::sqlite().await;
    let options = LeptosOptions::builder().output_name("yunyixiang").build();
    let router = router(AppState::new(test.db.clone(), false), options);
    let (status, body) = ask_code(&router, "13808510010", "sign_up", None).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            refused(ContactRefusal::NoSms)
        )
    );
    let (status, body) = ask_code(&router, "a@example.cn", "sign_up", None).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            refused(ContactRefusal::NoMail)
        )
    );
    test.finish().await;
}
