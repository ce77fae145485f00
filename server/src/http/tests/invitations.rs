//! Invitations over HTTP, as plain forms: nobody joins a team or gets linked to a member record
//! without accepting, inviting never tells whether the contact has an account, an invitation is
//! only as good as its sender's rights when it is answered, and two answers at once count once. On
//! SQLite, and on PostgreSQL when `TEST_POSTGRES_URL` is set.

use super::help_desk::{coop_id, location, post_ok, registered, COORDINATOR, OWNER, RESIDENT};
use super::*;
use app::invitations::db as invitations;
use app::invitations::model::SentInvitation;
use app::notifications::model::Notice;
use app::orgs::model::OrgRole;

/// Nobody has this number until the test signs it up.
const NEWCOMER: &str = "13500000000";

pub(super) async fn my_invitations(router: &axum::Router, cookie: &str) -> serde_json::Value {
    let (status, _, body) = send(router, form("/api/invitations/mine", "", Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn notices_of(test: &TestDb, user: i64) -> Vec<Notice> {
    app::notifications::db::inbox(test.db.pool(), user)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.notice)
        .collect()
}

/// The invitation (id) waiting for this person, of the only organisation that invited them.
async fn waiting_invitation(router: &axum::Router, cookie: &str) -> i64 {
    let mine = my_invitations(router, cookie).await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    mine[0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_coordinator_joins_only_by_accepting_and_inviting_reveals_no_account() {
    for test in app::db::testing::each_backend().await {
        coordinator_invitations_on(super::help_desk::coop_app_on(test).await).await;
    }
}

async fn coordinator_invitations_on((router, test): (axum::Router, TestDb)) {
    let owner = session_of(&test, OWNER).await;
    let coop = coop_id(&test).await;
    let resident_id = user_id(&test.db, RESIDENT).await;
    let invite = |contact: &str| format!("org_id={coop}&contact={contact}");

    // The same answer for a contact with an account and one without, to the byte.
    let with_account = send(
        &router,
        html_form("/api/orgs/invite_coordinator", &invite(RESIDENT), &owner),
    )
    .await;
    let without = send(
        &router,
        html_form("/api/orgs/invite_coordinator", &invite(NEWCOMER), &owner),
    )
    .await;
    assert!(with_account.0.is_redirection(), "{with_account:?}");
    assert_eq!(
        (with_account.0, location(&with_account.1), with_account.2),
        (without.0, location(&without.1), without.2)
    );
    assert_eq!(
        location(&without.1),
        format!("/orgs/{coop}/edit?done=invited#team-heading")
    );
    // Asked again while it waits: refused the same way for both.
    for contact in [RESIDENT, NEWCOMER] {
        let (status, _, body) = send(
            &router,
            form(
                "/api/orgs/invite_coordinator",
                &invite(contact),
                Some(&owner),
            ),
        )
        .await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::CONFLICT,
                refused(app::invitations::InvitationRefusal::AlreadyInvited).as_str()
            )
        );
    }
    // Nobody joined yet; the resident was told, and the owner sees both invitations waiting.
    let team_has = |user: i64| {
        let db = test.db.clone();
        async move {
            app::accounts::auth::role_in_org(db.pool(), coop, user)
                .await
                .unwrap()
        }
    };
    assert_eq!(team_has(resident_id).await, None);
    assert!(notices_of(&test, resident_id)
        .await
        .iter()
        .any(|n| matches!(n, Notice::InvitedToTeam { org_id, .. } if *org_id == coop)));
    let (_, _, sent) = send(
        &router,
        form(
            "/api/orgs/invitations",
            &format!("org_id={coop}"),
            Some(&owner),
        ),
    )
    .await;
    assert!(sent.contains(RESIDENT) && sent.contains(NEWCOMER), "{sent}");

    // 我的 shows the invitation, naming the organisation; nobody else can answer it.
    let resident = session_of(&test, RESIDENT).await;
    let (_, _, me) = send(&router, with_cookie("/me", &resident)).await;
    assert!(me.contains("data-testid=\"invitations\"") && me.contains("邀请你成为"));
    let id = waiting_invitation(&router, &resident).await;
    let coordinator = session_of(&test, COORDINATOR).await;
    for path in ["/api/invitations/accept", "/api/invitations/decline"] {
        let (status, _, _) =
            send(&router, form(path, &format!("id={id}"), Some(&coordinator))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }

    // Accepting (as a plain form) joins the team, leads to the organisation, tells the owner.
    let to = post_ok(
        &router,
        "/api/invitations/accept",
        &format!("id={id}"),
        &resident,
    )
    .await;
    assert_eq!(to, format!("/orgs/{coop}?done=joined"));
    assert_eq!(team_has(resident_id).await, Some(OrgRole::Coordinator));
    let owner_id = user_id(&test.db, OWNER).await;
    assert!(notices_of(&test, owner_id)
        .await
        .iter()
        .any(|n| matches!(n, Notice::InvitationAccepted { name, .. } if name == "小云（居民）")));
    let (status, _, _) = send(
        &router,
        form(
            "/api/invitations/accept",
            &format!("id={id}"),
            Some(&resident),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "answered once only");

    // Whoever signs up with the other contact later finds theirs waiting, and can decline it.
    let newcomer = signed_up_as(&router, &test, NEWCOMER, "新人").await;
    let mut id = waiting_invitation(&router, &newcomer).await;
    post_ok(
        &router,
        "/api/invitations/decline",
        &format!("id={id}"),
        &newcomer,
    )
    .await;
    assert_eq!(
        my_invitations(&router, &newcomer).await,
        serde_json::json!([])
    );
    assert_eq!(team_has(user_id(&test.db, NEWCOMER).await).await, None);
    // To the owner it still waits (only an account can decline), and so does asking again; even
    // once the account is deleted.
    let sent_list = || async {
        send(
            &router,
            form(
                "/api/orgs/invitations",
                &format!("org_id={coop}"),
                Some(&owner),
            ),
        )
        .await
        .2
    };
    let before = sent_list().await;
    assert!(
        before.contains(NEWCOMER) && !before.contains(RESIDENT),
        "{before}"
    );
    let (status, _, _) = send(
        &router,
        form(
            "/api/orgs/invite_coordinator",
            &invite(NEWCOMER),
            Some(&owner),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let newcomer_id = user_id(&test.db, NEWCOMER).await;
    let mut tx = test.db.begin_write().await.unwrap();
    app::me::personal_data::erase(&mut tx, newcomer_id, app::db::now_unix())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(sent_list().await, before);

    // Withdrawn, a contact can be asked again, but not without end: three in 30 days.
    for round in 1..=3 {
        post_ok(
            &router,
            "/api/orgs/withdraw_invitation",
            &format!("org_id={coop}&id={id}"),
            &owner,
        )
        .await;
        let (status, _, body) = send(
            &router,
            form(
                "/api/orgs/invite_coordinator",
                &invite(NEWCOMER),
                Some(&owner),
            ),
        )
        .await;
        if round < 3 {
            assert_eq!(status, StatusCode::OK, "{body}");
        } else {
            assert_eq!(
                (status, body.as_str()),
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    refused(app::invitations::InvitationRefusal::TooMany).as_str()
                )
            );
        }
        let open: Vec<SentInvitation> = serde_json::from_str(&sent_list().await).unwrap();
        let id_now = open.iter().find(|i| i.contact == NEWCOMER).map(|i| i.id);
        if round < 3 {
            id = id_now.expect("the new invitation");
        }
    }
    test.finish().await;
}

#[tokio::test]
async fn a_member_is_linked_only_by_accepting_and_a_lapsed_invitation_fails() {
    for test in app::db::testing::each_backend().await {
        member_link_on(super::help_desk::coop_app_on(test).await).await;
    }
}

async fn member_link_on((router, test): (axum::Router, TestDb)) {
    use super::help_desk::actions_for;
    use app::help::model::ProxyAction;
    let id = registered(&router, &test, &[]).await;
    let owner = session_of(&test, OWNER).await;
    let resident = session_of(&test, RESIDENT).await;
    let find = |member: i64| {
        let db = test.db.clone();
        async move {
            let mut conn = db.pool().acquire().await.unwrap();
            app::help::db::find_member(&mut conn, member)
                .await
                .unwrap()
                .unwrap()
        }
    };

    let link = format!("member={id}&contact={RESIDENT}");
    post_ok(&router, "/api/help/link-account", &link, &owner).await;
    assert_eq!(
        find(id).await.user_id,
        None,
        "not linked before they accept"
    );
    let (_, _, editor) = send(&router, with_cookie(&format!("/help/{id}/edit"), &owner)).await;
    assert!(editor.contains("data-testid=\"link-invitation\"") && editor.contains(RESIDENT));
    // The invitation names neither the member, the cooperative nor the coordinator: until
    // contacts are verified, whoever registered the number sees it.
    let mine = my_invitations(&router, &resident).await;
    assert!(mine[0]["from"].is_null(), "{mine}");
    assert!(!mine.to_string().contains("李姐测试"), "{mine}");
    let resident_id = user_id(&test.db, RESIDENT).await;
    assert!(notices_of(&test, resident_id)
        .await
        .contains(&Notice::InvitedToLink {}));
    // It takes the code the coordinator was shown; three wrong ones end it.
    let (invitation, code) = super::help_desk::link_invitation(&test.db, id).await;
    assert!(editor.contains(&code));
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let accept = |code: &str| format!("id={invitation}&code={code}");
    for _ in 0..2 {
        let (status, _, body) = send(
            &router,
            form("/api/invitations/accept", &accept(wrong), Some(&resident)),
        )
        .await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::BAD_REQUEST,
                refused(app::invitations::InvitationRefusal::CodeWrong).as_str()
            )
        );
    }
    let to = post_ok(
        &router,
        "/api/invitations/accept",
        &accept(&code),
        &resident,
    )
    .await;
    assert_eq!(to, format!("/help/{id}?done=account_linked"));
    assert_eq!(
        find(id).await.user_id,
        Some(user_id(&test.db, RESIDENT).await)
    );
    let actions = actions_for(&test.db, id).await;
    assert_eq!(
        &actions[..2],
        &[ProxyAction::AccountLinked, ProxyAction::AccountInvited]
    );

    // An invitation sent by a coordinator who has left the team no longer holds.
    let other = registered(&router, &test, &[]).await;
    let coordinator = session_of(&test, COORDINATOR).await;
    let coop = coop_id(&test).await;
    let coordinator_id = user_id(&test.db, COORDINATOR).await;
    let owner_id = user_id(&test.db, OWNER).await;
    let mut tx = test.db.begin_write().await.unwrap();
    app::orgs::db::add_member(
        &mut tx,
        coop,
        coordinator_id,
        OrgRole::Coordinator,
        owner_id,
        1,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    post_ok(
        &router,
        "/api/help/link-account",
        &format!("member={other}&contact={NEWCOMER}"),
        &coordinator,
    )
    .await;
    post_ok(
        &router,
        "/api/orgs/remove_coordinator",
        &format!("org_id={coop}&user_id={coordinator_id}"),
        &owner,
    )
    .await;
    let newcomer = signed_up_as(&router, &test, NEWCOMER, "新人").await;
    let (invitation, code) = super::help_desk::link_invitation(&test.db, other).await;
    let (status, _, body) = send(
        &router,
        form(
            "/api/invitations/accept",
            &format!("id={invitation}&code={code}"),
            Some(&newcomer),
        ),
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::CONFLICT,
            refused(app::invitations::InvitationRefusal::Lapsed).as_str()
        )
    );
    assert_eq!(find(other).await.user_id, None);

    // Three wrong codes withdraw the invitation; the right one then finds nothing.
    let third = registered(&router, &test, &[]).await;
    post_ok(
        &router,
        "/api/help/link-account",
        &format!("member={third}&contact={RESIDENT}"),
        &owner,
    )
    .await;
    let (invitation, code) = super::help_desk::link_invitation(&test.db, third).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..3 {
        let body = format!("id={invitation}&code={wrong}");
        let (status, _, _) = send(
            &router,
            form("/api/invitations/accept", &body, Some(&resident)),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }
    let body = format!("id={invitation}&code={code}");
    let (status, _, _) = send(
        &router,
        form("/api/invitations/accept", &body, Some(&resident)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(find(third).await.user_id, None);

    // Deleting the member's data deletes the contact the coordinators typed for them.
    post_ok(
        &router,
        "/api/help/delete-member",
        &format!("member={other}&confirm=yes"),
        &owner,
    )
    .await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let kept = invitations::member_link_invitation(&mut conn, other, app::db::now_unix())
        .await
        .unwrap();
    assert_eq!(kept, None);
    drop(conn);
    test.finish().await;
}

#[tokio::test]
async fn two_answers_at_once_count_once() {
    for test in app::db::testing::each_backend().await {
        two_answers_at_once_on(super::help_desk::coop_app_on(test).await).await;
    }
}

async fn two_answers_at_once_on((router, test): (axum::Router, TestDb)) {
    let owner = session_of(&test, OWNER).await;
    let coop = coop_id(&test).await;
    post_ok(
        &router,
        "/api/orgs/invite_coordinator",
        &format!("org_id={coop}&contact={RESIDENT}"),
        &owner,
    )
    .await;
    let resident = session_of(&test, RESIDENT).await;
    let id = waiting_invitation(&router, &resident).await;
    let answer = |path: &'static str| {
        let (router, cookie) = (router.clone(), resident.clone());
        async move {
            send(&router, form(path, &format!("id={id}"), Some(&cookie)))
                .await
                .0
        }
    };
    for _ in 0..3 {
        let (a, b) = tokio::join!(
            answer("/api/invitations/accept"),
            answer("/api/invitations/decline")
        );
        let ok = [a, b].iter().filter(|s| s.is_success()).count();
        assert!(ok <= 1, "{a} {b}");
    }
    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT status FROM invitations WHERE org_id = $1")
            .bind(coop)
            .fetch_all(test.db.pool())
            .await
            .unwrap();
    assert_eq!(statuses.len(), 1);
    assert_ne!(statuses[0], "pending");
    // Two invitations at once to one contact make one.
    let invite = || {
        let (router, owner) = (router.clone(), owner.clone());
        async move {
            send(
                &router,
                form(
                    "/api/orgs/invite_coordinator",
                    &format!("org_id={coop}&contact={NEWCOMER}"),
                    Some(&owner),
                ),
            )
            .await
            .0
        }
    };
    let (a, b) = tokio::join!(invite(), invite());
    assert_eq!(
        [a, b]
            .iter()
            .filter(|s| s.is_success() || s.is_redirection())
            .count(),
        1,
        "{a} {b}"
    );
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations WHERE contact = $1 AND status = 'pending'",
    )
    .bind(NEWCOMER)
    .fetch_one(test.db.pool())
    .await
    .unwrap();
    assert_eq!(open, 1);
    test.finish().await;
}
