//! The SMS card on `/me/notifications`: a proved mobile number gets a switch per kind of notice
//! that goes by SMS; an e-mail account sees no card; kinds that never go by SMS cannot be set.

use super::*;

#[tokio::test]
async fn a_proved_number_switches_sms_per_kind() {
    let (router, test) = bare_app().await;
    let resident = signed_up_as(&router, &test, "13808550001", "邻居").await;
    let (status, _, page) = send(&router, with_cookie("/me/notifications", &resident)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("短信提醒") && page.contains("data-testid=\"sms-choices\""),
        "{page}"
    );
    assert!(page.contains("每人每月最多 10 条"), "{page}");
    assert_eq!(
        page.matches("关闭短信").count(),
        3,
        "events, items and help"
    );

    // Only kinds that go by SMS at all can be switched.
    let (status, _, _) = send(
        &router,
        form(
            "/api/notifications/set_sms",
            "kind=org_team&sms=false",
            Some(&resident),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = send(
        &router,
        form(
            "/api/notifications/set_sms",
            "kind=events&sms=false",
            Some(&resident),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, page) = send(&router, with_cookie("/me/notifications", &resident)).await;
    assert_eq!(page.matches("关闭短信").count(), 2);
    assert_eq!(page.matches("开启短信").count(), 1);

    // E-mail for the kind stays as it was: on.
    let email: i64 =
        sqlx::query_scalar("SELECT email FROM notification_settings WHERE kind = 'events'")
            .fetch_one(test.db.pool())
            .await
            .unwrap();
    assert_eq!(email, 1);
    test.finish().await;
}

#[tokio::test]
async fn an_email_account_sees_no_sms_card_and_an_unproved_number_is_asked_to_prove_it() {
    let (router, test) = bare_app().await;
    let mailer = signed_up_as(&router, &test, "lin.fang@example.cn", "林芳").await;
    let (_, _, page) = send(&router, with_cookie("/me/notifications", &mailer)).await;
    assert!(!page.contains("短信提醒"), "{page}");

    let old = app::testing::unverified_person(&test.db, "13808550002", "老邻居").await;
    let cookie = session_for(&test, old).await;
    let (_, _, page) = send(&router, with_cookie("/me/notifications", &cookie)).await;
    assert!(page.contains("验证手机号之后才能收到短信提醒"), "{page}");
    assert!(page.contains("href=\"/me/contact\""), "{page}");
    test.finish().await;
}
