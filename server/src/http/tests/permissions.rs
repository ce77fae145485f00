//! The permission matrix: every server function, called over HTTP by each kind of person, is let
//! through or refused exactly as intended. "Let through" means the authorisation check passed; the
//! call may still be turned down for its content (a wrong password, a stale version), which these
//! requests provoke on purpose so that nothing in the cast's records changes.

use super::*;
use app::accounts::session::start_session;
use app::orgs::db as orgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Who {
    Visitor,
    Resident,
    /// A resident holding a seat at the event the calls are about.
    Participant,
    /// A coordinator of the organisation the calls are about.
    Coordinator,
    /// The owner of that organisation.
    Owner,
    /// A coordinator of a different organisation.
    OtherCoordinator,
    Admin,
}

const EVERYONE: [Who; 7] = [
    Who::Visitor,
    Who::Resident,
    Who::Participant,
    Who::Coordinator,
    Who::Owner,
    Who::OtherCoordinator,
    Who::Admin,
];

/// Who gets through each server function (by endpoint), given the organisation `{org}`.
pub(super) fn matrix() -> Vec<(&'static str, &'static str, &'static [Who])> {
    use Who::*;
    const ALL: &[Who] = &EVERYONE;
    const SIGNED_IN: &[Who] = &[
        Resident,
        Participant,
        Coordinator,
        Owner,
        OtherCoordinator,
        Admin,
    ];
    const STAFF: &[Who] = &[Coordinator, Owner];
    vec![
        ("set_language", "lang=en", ALL),
        ("areas/coverage", "", ALL),
        ("accounts/me", "", ALL),
        (
            "accounts/sign_up",
            "contact={fresh}&code=000000&display_name=x&password=short",
            ALL,
        ),
        ("accounts/send_code", "contact={fresh}&purpose=sign_in", ALL),
        ("accounts/send_code", "contact={fresh}&purpose=change", SIGNED_IN),
        ("accounts/sign_in_by_code", "contact={fresh}&code=000000", ALL),
        (
            "accounts/reset_password",
            "contact={fresh}&code=000000&new_password=short",
            ALL,
        ),
        ("accounts/change_contact", "contact={fresh}&code=000000", SIGNED_IN),
        ("contacts/mine", "", SIGNED_IN),
        (
            "accounts/sign_in",
            "contact=13900000009&password=not-this-one",
            ALL,
        ),
        (
            "accounts/change_password",
            "current_password=wrong-one&new_password=new-password-1",
            SIGNED_IN,
        ),
        ("accounts/delete_account", "password=wrong-one", SIGNED_IN),
        ("orgs/directory", "q=&kind=", ALL),
        ("map/nearby", "area=", ALL),
        // A body starting with `?` is the query of a GET server function.
        (
            "map/view",
            "?south=26.5&west=106.6&north=26.7&east=106.8&zoom=12",
            ALL,
        ),
        ("orgs/profile", "id={org}", ALL),
        ("resources/profile", "id={resource}", ALL),
        // The add form: admins, and whoever runs an organisation.
        ("resources/form", "", &[Coordinator, Owner, OtherCoordinator, Admin]),
        // `{resource}` (a donation point) is run by `{org}`.
        ("resources/form", "id={resource}", &[Coordinator, Owner, Admin]),
        // An unknown type: refused for its content once the caller is through.
        (
            "resources/create",
            "resource[org]={org}&resource[kind]=bank&resource[name]=x",
            &[Coordinator, Owner, OtherCoordinator, Admin],
        ),
        // Version 0 never matches: an edit conflict, nothing saved.
        (
            "resources/update",
            "id={resource}&version=0&resource[org]={org}&resource[kind]=food_bank&resource[name]=%E5%86%B0%E7%AE%B1&resource[lat]=26.58&resource[lng]=106.71",
            &[Coordinator, Owner, Admin],
        ),
        ("orgs/mine", "", SIGNED_IN),
        // An unknown type: refused for its content once the caller is through.
        ("orgs/register", "org[kind]=club&org[name]=x", SIGNED_IN),
        ("orgs/for_edit", "id={org}", STAFF),
        // Version 0 never matches: an edit conflict, nothing saved.
        (
            "orgs/update",
            "id={org}&version=0&org[kind]=ngo&org[name]=%E6%94%B9%E5%90%8D",
            STAFF,
        ),
        ("orgs/team", "org_id={org}", STAFF),
        // A contact that is not one: refused for its content once through, so nobody is invited.
        (
            "orgs/invite_coordinator",
            "org_id={org}&contact=not-a-contact",
            &[Owner],
        ),
        ("orgs/invitations", "org_id={org}", &[Owner]),
        // Nothing to withdraw: not found, once through.
        ("orgs/withdraw_invitation", "org_id={org}&id=999999", &[Owner]),
        ("invitations/mine", "", SIGNED_IN),
        // Invitation 999999 is nobody's: not found, once through.
        ("invitations/accept", "id=999999", SIGNED_IN),
        ("invitations/decline", "id=999999", SIGNED_IN),
        (
            "orgs/remove_coordinator",
            "org_id={org}&user_id={owner}",
            &[Owner],
        ),
        ("orgs/review_queue", "", &[Admin]),
        (
            "orgs/review",
            "org_id={org}&decision=reject&reason=",
            &[Admin],
        ),
        ("notifications/unread", "", ALL),
        ("notifications/inbox", "", SIGNED_IN),
        // Nobody has notification 999999: not found, once through.
        ("notifications/open", "id=999999", SIGNED_IN),
        ("notifications/mark_all_read", "", SIGNED_IN),
        ("notifications/email_settings", "", SIGNED_IN),
        (
            "notifications/set_email",
            "kind=org_team&email=true",
            SIGNED_IN,
        ),
        ("notifications/sms_settings", "", SIGNED_IN),
        ("notifications/set_sms", "kind=events&sms=false", SIGNED_IN),
        ("events/list", "filter[q]=", ALL),
        // `{event}` is an upcoming published event of `{org}`; `{cancelled}` a cancelled one of
        // the other organisation.
        ("events/get", "id={event}", ALL),
        // Joining or leaving a cancelled event (where nobody here holds a place) changes nothing.
        ("events/join", "id={cancelled}", SIGNED_IN),
        ("events/leave", "id={cancelled}", SIGNED_IN),
        ("events/form", "", &[Coordinator, Owner, OtherCoordinator, Admin]),
        ("events/form", "id={event}", &[Coordinator, Owner, Admin]),
        ("events/form", "copy={cancelled}", &[OtherCoordinator, Admin]),
        // A one-character title: refused for its content once the caller is through.
        (
            "events/create",
            "event[org]={org}&event[title]=x",
            &[Coordinator, Owner, OtherCoordinator, Admin],
        ),
        ("events/update", "id={event}&version=0&event[title]=x", &[Coordinator, Owner, Admin]),
        // Publishing what is published, cancelling what is cancelled: nothing changes.
        ("events/publish", "id={event}", &[Coordinator, Owner, Admin]),
        ("events/cancel", "id={cancelled}", &[OtherCoordinator, Admin]),
        ("events/mine", "", SIGNED_IN),
        ("events/roster", "id={event}", &[Coordinator, Owner, Admin]),
        // Removing someone who holds no place there: not found, once through.
        ("events/remove_person", "id={event}&participant=999999", &[Coordinator, Owner, Admin]),
        // An empty name or message: refused for its content once through.
        ("events/add_person", "id={event}&name=&phone=", &[Coordinator, Owner, Admin]),
        ("events/message", "id={event}&text=", &[Coordinator, Owner, Admin]),
        ("events/of_org", "org_id={org}", ALL),
        ("events/calendar_feed", "", SIGNED_IN),
        ("events/set_calendar_feed", "on=false", SIGNED_IN),
        // Check-in: `{event}` is weeks away, so codes are refused for their timing once through.
        ("events/checkin_screen", "id={event}", &[Coordinator, Owner, Admin]),
        ("events/my_checkin", "id={event}", SIGNED_IN),
        ("events/check_in", "id={event}&code=000000", SIGNED_IN),
        (
            "events/mark_attendance",
            "id={event}&participant=999999&attendance=attended",
            &[Coordinator, Owner, Admin],
        ),
        ("events/record_no_shows", "id={event}", &[Coordinator, Owner, Admin]),
        // Hours: nobody has record 999999 or participant 999999; `{event}` has no hours.
        ("hours/of_event", "id={event}", &[Coordinator, Owner, Admin]),
        (
            "hours/review",
            "id={event}&hours=999999&decision=approve",
            &[Coordinator, Owner, Admin],
        ),
        ("hours/approve_all", "id={event}", &[Coordinator, Owner, Admin]),
        (
            "hours/add_honour",
            "id={event}&participant=999999&hours=1&reason=x",
            &[Coordinator, Owner, Admin],
        ),
        ("volunteering/mine", "", SIGNED_IN),
        // Nobody served in 1990, and no certificate has this serial: not found, once through.
        ("volunteering/issue_certificate", "org={org}&year=1990", SIGNED_IN),
        ("volunteering/certificate", "serial=YYX-2026-NONE", SIGNED_IN),
        ("volunteering/verify", "serial=YYX-2026-NONE", ALL),
        ("volunteering/of_org", "id={org}", &[Coordinator, Owner, Admin]),
        // Dashboards: the organisation's own people and platform admins.
        ("dashboard/org", "org={org}&from=&to=", &[Coordinator, Owner, Admin]),
        // Aggregates only, with too-small figures left out: anyone.
        ("dashboard/public", "org={org}", ALL),
        ("dashboard/platform", "from=&to=", &[Admin]),
        (
            "volunteering/withdraw",
            "id={org}&serial=YYX-2026-NONE&reason=x",
            &[Coordinator, Owner, Admin],
        ),
        // 益享生活: the list and items are public; item 999999 does not exist (not found, once
        // through). The posting form needs someone signed in; posting itself is a multipart
        // route, checked in `item_pages`.
        ("items/list", "q=", ALL),
        ("items/detail", "id=999999", ALL),
        // What each person sees of a member is tested field by field in `help_pages`.
        ("help/list", "q=", ALL),
        ("help/member", "id=1", ALL),
        // 邻里帮帮's bookings. `{booking}`: the resident's booking of `{member}`'s service,
        // done and thanked; the cooperative's owner answers for the member. Each call
        // that gets through is refused for its content (a kind that does not exist, a step its
        // state does not allow, an empty thanks), so nothing changes.
        ("help/booking", "id={booking}", &[Resident, Owner]),
        ("help/book", "kind=gift&target=1&time_preference=&message=", SIGNED_IN),
        ("help/answer", "booking={booking}&to=accepted", &[Owner]),
        ("help/cancel", "booking={booking}", &[Resident]),
        ("help/thank", "booking={booking}&text=", &[Resident]),
        ("help/my-bookings", "", SIGNED_IN),
        // The cooperative's desk: its own coordinators only — not admins, not other
        // organisations' people (P1). `{coop}` is the cooperative, `{member}` its member.
        ("help/coop-members", "org={coop}", &[Owner]),
        ("help/editor", "id={member}", &[Owner]),
        ("help/create-member", "org={coop}&member[display_name]=", &[Owner]),
        ("help/save-member", "id={member}&version=0&member[display_name]=x", &[Owner]),
        ("help/add-service", "member={member}&service[title]=", &[Owner]),
        ("help/remove-service", "member={member}&service=999999", &[Owner]),
        ("help/add-need", "member={member}&need[title]=", &[Owner]),
        ("help/need-met", "member={member}&need=999999", &[Owner]),
        // Consents: also the member themselves through their linked account (`{member}` has
        // none here; tested in `help_photo`).
        (
            "help/record-consent",
            "member={member}&group=income&audience=everyone&method=paper",
            &[Owner],
        ),
        ("help/withdraw-consent", "member={member}&consent=999999", &[Owner]),
        ("help/link-account", "member={member}&contact=not-a-contact", &[Owner]),
        ("help/withdraw-link", "member={member}", &[Owner]),
        ("help/delete-member", "member={member}", &[Owner]),
        // `{member}` has no photo: not found, once through. Uploading is a multipart route, checked in
        // `help_photo`.
        ("help/remove-photo", "member={member}", &[Owner]),
        ("items/form", "", SIGNED_IN),
        // `{item_request}`: the resident's listing, promised to the participant; `{handed}`:
        // another of theirs, already handed over to the participant. Requests are for the two
        // parties only: nobody else, not even admins, reads or acts on them. Every call below
        // that gets through is refused for its content (an empty message, a step the request's
        // state does not allow), so nothing changes.
        ("items/request", "id={item_request}", &[Resident, Participant]),
        ("items/ask", "id={item}&message=", SIGNED_IN),
        ("items/withdraw_request", "request={item_request}", &[Participant]),
        ("items/promise", "request={item_request}", &[Resident]),
        ("items/back_out", "request={handed}", &[Resident, Participant]),
        ("items/confirm_handover", "request={handed}&code=", &[Resident, Participant]),
        ("items/confirm_return", "request={handed}", &[Resident]),
        ("items/send_message", "request={item_request}&body=", &[Resident, Participant]),
        // Only the owner takes a listing down or posts it again; `{item}` is promised, so
        // neither step is possible once through.
        ("items/withdraw", "id={item}", &[Resident]),
        ("items/repost", "id={item}", &[Resident]),
        // Reports: listing 999999 does not exist (not found, once through); the queue and the
        // decisions are the admins'. Nothing is open to decide on it, so nothing changes.
        ("items/report", "id=999999&reason=scam&details=", SIGNED_IN),
        ("items/moderation_queue", "", &[Admin]),
        ("items/moderate", "id=999999&decision=restore&warning=", &[Admin]),
        // Last: it ends the sessions the other rows use.
        ("accounts/sign_out", "", ALL),
    ]
}

struct Cast {
    org: i64,
    owner: i64,
    resource: i64,
    event: i64,
    cancelled: i64,
    item: i64,
    item_request: i64,
    handed: i64,
    coop: i64,
    member: i64,
    booking: i64,
    cookies: Vec<(Who, Option<String>)>,
}

/// The people of the matrix, each with a live session, and what the calls are about: a partner
/// organisation run by the owner and the coordinator, with a resource and an upcoming event that
/// the participant joined; another organisation with its own coordinator and a cancelled event
/// that three people had joined; the owner's cooperative with a member whose knife grinding the
/// resident booked (done and thanked); and the resident's two listings.
async fn cast(db: &app::db::Db) -> Cast {
    use app::events::model::EventStatus;
    use app::orgs::model::{OrgKind, Verification};
    use app::resources::model::ResourceKind;
    use app::testing::{event_of, neighbours, org_run_by, person, set_standing};
    let resident = person(db, "13800000001", "小云（居民）").await;
    let coordinator = person(db, "13800000002", "王协调（协调员）").await;
    let owner = person(db, "13800000003", "李负责（机构负责人）").await;
    let admin = app::testing::admin(db).await;
    let participant = person(db, "13900000006", "报名居民").await;
    let elsewhere = person(db, "13900000007", "别家协调员").await;
    // Each has a password (one nobody knows), as people who change or check it do.
    sqlx::query("UPDATE users SET password_hash = 'x'")
        .execute(db.pool())
        .await
        .unwrap();
    let org = org_run_by(
        db,
        "云岩区阳光助老服务中心",
        OrgKind::SocialOrg,
        owner,
        &[coordinator],
    )
    .await;
    set_standing(db, org, Verification::Partner).await;
    let resource =
        app::testing::resource(db, Some(org), ResourceKind::DonationPoint, "旧衣物捐赠点").await;
    let other_org = org_run_by(db, "益路同行", OrgKind::Ngo, elsewhere, &[]).await;
    let joined = neighbours(db, 1, 3).await;
    let now = app::db::now_unix();
    let mut tx = db.begin_write().await.unwrap();
    let event = event_of(
        &mut tx,
        org,
        EventStatus::Published,
        now + 21 * 86_400,
        |e| {
            e.title = "长者生日会".into();
            e.capacity = Some(30);
        },
    )
    .await;
    app::events::signup::join(&mut tx, event, participant, now)
        .await
        .unwrap();
    let cancelled = event_of(
        &mut tx,
        other_org,
        EventStatus::Published,
        now + 14 * 86_400,
        |e| {
            e.title = "户外拓展（因天气取消）".into();
        },
    )
    .await;
    for &person in &joined {
        app::events::signup::join(&mut tx, cancelled, person, now)
            .await
            .unwrap();
    }
    let called_off = app::events::db::set_status(
        &mut tx,
        cancelled,
        EventStatus::Published,
        EventStatus::Cancelled,
        now,
    );
    assert!(called_off.await.unwrap());
    let mut cookies = vec![(Who::Visitor, None)];
    for (who, id) in [
        (Who::Resident, resident),
        (Who::Participant, participant),
        (Who::Coordinator, coordinator),
        (Who::Owner, owner),
        (Who::OtherCoordinator, elsewhere),
        (Who::Admin, admin),
    ] {
        let session = start_session(&mut tx, id, now).await.unwrap();
        cookies.push((who, Some(format!("sid={}", session.token))));
    }
    tx.commit().await.unwrap();
    let (item, item_request, handed) = listings(db, resident, participant).await;
    let coop = org_run_by(db, "云岩区邻里互助合作社", OrgKind::Cooperative, owner, &[]).await;
    let member = app::testing::coop_member(db, coop, owner).await;
    let booking = app::testing::done_booking(db, resident, member, owner).await;
    Cast {
        org,
        owner,
        resource,
        event,
        cancelled,
        item,
        item_request,
        handed,
        coop,
        member,
        booking,
        cookies,
    }
}

/// Two listings of `owner`: one promised to `asker`, one already handed over to them.
async fn listings(db: &app::db::Db, owner: i64, asker: i64) -> (i64, i64, i64) {
    use app::items::requests::{self, AskOutcome, StepOutcome};
    let mut tx = db.begin_write().await.unwrap();
    let conn = &mut *tx;
    let mut made = Vec::new();
    for title in ["权限测试的台灯", "权限测试的书架"] {
        let fields = app::items::input::ItemFields {
            kind: "offer".into(),
            title: title.into(),
            category: "furniture".into(),
            condition: "good".into(),
            mode: "give".into(),
            lat: "26.58".into(),
            lng: "106.71".into(),
            ..Default::default()
        };
        let details = fields.check(|_| None).unwrap();
        let now = app::db::now_unix();
        let item = app::items::db::insert(conn, owner, &details, now)
            .await
            .unwrap();
        let limits = Default::default();
        let AskOutcome::Sent(request) = requests::ask(conn, item, asker, "想要", limits, now)
            .await
            .unwrap()
        else {
            panic!("the request was not sent")
        };
        let promised = requests::promise(conn, request, owner, None, now)
            .await
            .unwrap();
        assert_eq!(promised, StepOutcome::Done);
        made.push((item, request));
    }
    let (handed_item, handed) = made[1];
    let now = app::db::now_unix();
    for person in [owner, asker] {
        let confirmed = requests::confirm_handover(conn, handed, person, None, now)
            .await
            .unwrap();
        assert_eq!(confirmed, StepOutcome::Done);
    }
    let _ = handed_item;
    tx.commit().await.unwrap();
    (made[0].0, made[0].1, handed)
}

#[tokio::test]
async fn every_server_function_lets_through_exactly_who_it_should() {
    for test in app::db::testing::each_backend().await {
        let (router, test) = bare_app_on(test);
        check_matrix(&router, &test).await;
        test.finish().await;
    }
}

async fn check_matrix(router: &axum::Router, test: &TestDb) {
    let cast = cast(&test.db).await;
    let matrix = matrix();

    // The matrix covers every server function the app registers.
    let mut registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    registered.sort();
    let mut covered: Vec<String> = matrix.iter().map(|(e, _, _)| e.to_string()).collect();
    covered.sort();
    covered.dedup();
    assert_eq!(
        covered, registered,
        "a server function is missing from the matrix"
    );

    let mut fresh = 0;
    let mut wrong = Vec::new();
    for (endpoint, body, allowed) in &matrix {
        for (who, cookie) in &cast.cookies {
            fresh += 1;
            let body = body
                .replace("{org}", &cast.org.to_string())
                .replace("{owner}", &cast.owner.to_string())
                .replace("{resource}", &cast.resource.to_string())
                .replace("{event}", &cast.event.to_string())
                .replace("{cancelled}", &cast.cancelled.to_string())
                .replace("{item_request}", &cast.item_request.to_string())
                .replace("{item}", &cast.item.to_string())
                .replace("{handed}", &cast.handed.to_string())
                .replace("{coop}", &cast.coop.to_string())
                .replace("{member}", &cast.member.to_string())
                .replace("{booking}", &cast.booking.to_string())
                .replace("{fresh}", &format!("1370000{fresh:04}"));
            let request = match body.strip_prefix('?') {
                Some(query) => {
                    get_with_cookie(&format!("/api/{endpoint}?{query}"), cookie.as_deref())
                }
                None => form(&format!("/api/{endpoint}"), &body, cookie.as_deref()),
            };
            let (status, _, answer) = send(router, request).await;
            assert!(
                status.is_success() || status.is_client_error(),
                "{endpoint} as {who:?}: {status} {answer}"
            );
            let refused = match answer.as_str() {
                r#""SignInRequired""# => Some(StatusCode::UNAUTHORIZED),
                r#""Forbidden""# => Some(StatusCode::FORBIDDEN),
                _ => None,
            };
            if let Some(expected) = refused {
                assert_eq!(status, expected, "{endpoint} as {who:?}");
            }
            // Visitors who are refused are asked to sign in; signed-in people are forbidden.
            if refused == Some(StatusCode::FORBIDDEN) {
                assert_ne!(*who, Who::Visitor, "{endpoint}");
            }
            if refused.is_none() != allowed.contains(who) {
                wrong.push(format!("{endpoint} as {who:?}: {status} {answer}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "cells that differ from the matrix:\n{}",
        wrong.join("\n")
    );

    // Nothing the refused (or content-refused) calls tried has changed the organisation.
    let record = orgs::find(test.db.pool(), cast.org).await.unwrap().unwrap();
    assert_eq!(record.details.name, "云岩区阳光助老服务中心");
    assert_eq!(record.verification, app::orgs::model::Verification::Partner);
    let event = app::events::db::find(test.db.pool(), cast.event)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((event.version, event.title.as_str()), (1, "长者生日会"));
    let cancelled = app::events::db::find(test.db.pool(), cast.cancelled)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        cancelled.seats_taken, 3,
        "nobody joined the cancelled event"
    );
    let mut conn = test.db.pool().acquire().await.unwrap();
    for (request, status) in [
        (
            cast.item_request,
            app::items::model::RequestStatus::Promised,
        ),
        (cast.handed, app::items::model::RequestStatus::HandedOver),
    ] {
        let found = app::items::requests::find(&mut conn, request)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.status, status, "request {request}");
    }
}
