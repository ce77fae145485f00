//! Builders for tests: the records a test needs, made the way the app makes them, so that a test
//! says what it starts from instead of leaning on the demo data (whose wording may change).
//! Behind the `testing` feature, which only the crates' dev-dependencies turn on.

use crate::db::Db;
use crate::events::checkin::{check_in, secret_of, CheckinOutcome};
use crate::events::input::EventDetails;
use crate::events::model::{EventCategory, EventStatus, JoinOutcome, Place};
use crate::events::{db as events, signup};
use crate::orgs::db::{insert_org, SaveOrg};
use crate::orgs::model::{OrgDetails, OrgKind};

/// When `setup`'s event starts and ends (2027-01-15, two hours).
pub const START: i64 = 1_800_000_000;
pub const END: i64 = START + 7_200;

/// A published event of a new organisation, from `starts_at` for two hours, with `capacity` seats.
pub async fn published_event(
    conn: &mut sqlx::AnyConnection,
    starts_at: i64,
    capacity: Option<i64>,
    change: impl FnOnce(&mut EventDetails),
) -> i64 {
    let org_id = new_org(conn, "阳光助老", OrgKind::Ngo).await;
    event_of(conn, org_id, EventStatus::Published, starts_at, |details| {
        details.capacity = capacity;
        change(details);
    })
    .await
}

/// An event of `org_id` in `status` (published, a draft…) from `starts_at` for two hours, as
/// `event_details` makes it and then `change` alters it; its id.
pub async fn event_of(
    conn: &mut sqlx::AnyConnection,
    org_id: i64,
    status: EventStatus,
    starts_at: i64,
    change: impl FnOnce(&mut EventDetails),
) -> i64 {
    let mut details = event_details(org_id, starts_at);
    change(&mut details);
    events::insert(conn, &details, status, None, 1)
        .await
        .unwrap()
}

/// A two-hour health event of `org_id` from `starts_at`, with no seat limit and nothing else set.
pub fn event_details(org_id: i64, starts_at: i64) -> EventDetails {
    EventDetails {
        org_id,
        title: "社区义诊".into(),
        summary: String::new(),
        description: String::new(),
        category: EventCategory::Health,
        tags: String::new(),
        starts_at,
        ends_at: starts_at + 7_200,
        place_name: String::new(),
        address: String::new(),
        location: (26.59, 106.71),
        capacity: None,
        signup_deadline: None,
        cancel_deadline: None,
        requirements: String::new(),
        contact: String::new(),
        credit_minutes: None,
        walk_ins: false,
    }
}

/// A new organisation of `kind` named `name` (nothing else filled in); its id.
pub async fn new_org(conn: &mut sqlx::AnyConnection, name: &str, kind: OrgKind) -> i64 {
    new_org_at(conn, name, kind, 1).await
}

/// Like `new_org`, registered at `at`.
pub async fn new_org_at(conn: &mut sqlx::AnyConnection, name: &str, kind: OrgKind, at: i64) -> i64 {
    let SaveOrg::Saved(id) = insert_org(conn, &org_details(name, kind), None, at)
        .await
        .unwrap()
    else {
        panic!("organisation not saved")
    };
    id
}

/// An organisation of `kind` named `name` at `location` (latitude, longitude), so on the map and
/// in the open-data feeds; its id.
pub async fn org_at(db: &Db, name: &str, kind: OrgKind, location: (f64, f64)) -> i64 {
    let mut details = org_details(name, kind);
    details.location = Some(location);
    let mut tx = db.begin_write().await.unwrap();
    let SaveOrg::Saved(id) = insert_org(&mut tx, &details, None, START).await.unwrap() else {
        panic!("organisation not saved")
    };
    tx.commit().await.unwrap();
    id
}

/// An organisation of `kind` named `name`, with nothing else filled in.
pub fn org_details(name: &str, kind: OrgKind) -> OrgDetails {
    OrgDetails {
        kind,
        name: name.into(),
        description: String::new(),
        services: String::new(),
        address: String::new(),
        location: None,
        contact: String::new(),
        opening_hours: String::new(),
        credit_code: None,
    }
}

/// For check-in and hours: an event at `START` with 10 seats and 90 minutes of credit, three
/// people of whom the first two hold seats, and the event's check-in secret.
pub async fn setup(db: &Db) -> (i64, Vec<i64>, Vec<u8>) {
    let mut people = Vec::new();
    for n in 0..3 {
        people.push(person(db, &format!("1390000000{n}"), "x").await);
    }
    let mut tx = db.begin_write().await.unwrap();
    let id = published_event(&mut tx, START, Some(10), |d| d.credit_minutes = Some(90)).await;
    for &person in &people[..2] {
        assert_eq!(
            signup::join(&mut tx, id, person, START - 86_400)
                .await
                .unwrap(),
            JoinOutcome::Joined(Place::Going)
        );
    }
    let secret = secret_of(&mut tx, id).await.unwrap();
    tx.commit().await.unwrap();
    (id, people, secret)
}

/// One check-in with `code` by `user` at `at`, committed.
pub async fn attempt(db: &Db, event: i64, user: i64, code: &str, at: i64) -> CheckinOutcome {
    let mut tx = db.begin_write().await.unwrap();
    let outcome = check_in(&mut tx, event, user, code, at).await.unwrap();
    tx.commit().await.unwrap();
    outcome
}

/// A resident signed up with `contact` (a mobile number, or an e-mail address when it holds an
/// `@`), proved by a code, and no password: nobody signs in as them. Their id.
pub async fn person(db: &Db, contact: &str, name: &str) -> i64 {
    account(db, contact, name, Some(1)).await
}

/// A resident whose contact was typed in and never proved (an account from before codes, or
/// someone who registered another person's number).
pub async fn unverified_person(db: &Db, contact: &str, name: &str) -> i64 {
    account(db, contact, name, None).await
}

async fn account(db: &Db, contact: &str, name: &str, verified_at: Option<i64>) -> i64 {
    let kind = if contact.contains('@') {
        "email"
    } else {
        "mobile"
    };
    sqlx::query_scalar(
        "INSERT INTO users (contact, contact_kind, display_name, created_at, contact_verified_at) \
         VALUES ($1, $2, $3, 1, $4) RETURNING id",
    )
    .bind(contact)
    .bind(kind)
    .bind(name)
    .bind(verified_at)
    .fetch_one(db.pool())
    .await
    .unwrap()
}

/// Resident number `n` (the number is in their phone number and name).
pub async fn neighbour(db: &Db, n: u32) -> i64 {
    person(db, &format!("1381000{n:04}"), &format!("邻居{n}")).await
}

/// `count` new residents, numbered from `first`.
pub async fn neighbours(db: &Db, first: u32, count: u32) -> Vec<i64> {
    let mut ids = Vec::new();
    for n in first..first + count {
        ids.push(neighbour(db, n).await);
    }
    ids
}

/// A listing of `owner`, offered in `mode` (give, swap, lend), posted at `START`.
pub async fn listing(db: &Db, owner: i64, title: &str, mode: &str) -> i64 {
    listing_with(db, owner, title, mode, |_| {}).await
}

/// Like `listing`, with the form's fields changed by `change` first (a category, a wanted
/// listing, another place).
pub async fn listing_with(
    db: &Db,
    owner: i64,
    title: &str,
    mode: &str,
    change: impl FnOnce(&mut crate::items::input::ItemFields),
) -> i64 {
    let mut fields = crate::items::input::ItemFields {
        kind: "offer".into(),
        title: title.into(),
        category: "other".into(),
        condition: "good".into(),
        mode: mode.into(),
        lat: "26.58".into(),
        lng: "106.71".into(),
        ..Default::default()
    };
    change(&mut fields);
    let details = fields.check(|_| None).unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let id = crate::items::db::insert(&mut tx, owner, &details, START)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// A community resource of `kind` named `name`, run by `org_id` (or by nobody), with an address
/// and opening hours; its id.
pub async fn resource(
    db: &Db,
    org_id: Option<i64>,
    kind: crate::resources::model::ResourceKind,
    name: &str,
) -> i64 {
    resource_at(db, org_id, kind, name, (26.58, 106.71)).await
}

/// Like `resource`, at `location` (latitude, longitude).
pub async fn resource_at(
    db: &Db,
    org_id: Option<i64>,
    kind: crate::resources::model::ResourceKind,
    name: &str,
    location: (f64, f64),
) -> i64 {
    let details = crate::resources::input::ResourceDetails {
        org_id,
        kind,
        name: name.into(),
        description: "测试用的资源。".into(),
        address: "测试路 1 号".into(),
        location,
        opening_hours: "每天 9:00–17:00".into(),
        contact: String::new(),
    };
    let mut tx = db.begin_write().await.unwrap();
    let id = crate::resources::db::insert(&mut tx, &details, None, START)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// The platform admin (made on first use: one per database); their id.
pub async fn admin(db: &Db) -> i64 {
    const CONTACT: &str = "13700000000";
    if let Some(id) = crate::orgs::db::user_by_contact(db.pool(), CONTACT)
        .await
        .unwrap()
    {
        return id;
    }
    let id = person(db, CONTACT, "平台管理员").await;
    sqlx::query("UPDATE users SET is_admin = 1 WHERE id = $1")
        .bind(id)
        .execute(db.pool())
        .await
        .unwrap();
    id
}

/// An organisation of `kind` named `name`, registered by `owner`, with each of `coordinators`
/// added to its team; its id. It waits for review (see `set_standing`).
pub async fn org_run_by(
    db: &Db,
    name: &str,
    kind: OrgKind,
    owner: i64,
    coordinators: &[i64],
) -> i64 {
    use crate::orgs::model::OrgRole;
    let mut tx = db.begin_write().await.unwrap();
    let id = new_org(&mut tx, name, kind).await;
    crate::orgs::db::add_member(&mut tx, id, owner, OrgRole::Owner, owner, START)
        .await
        .unwrap();
    for &coordinator in coordinators {
        crate::orgs::db::add_member(&mut tx, id, coordinator, OrgRole::Coordinator, owner, START)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    id
}

/// Gives an organisation a standing, as an admin's review would.
pub async fn set_standing(db: &Db, org_id: i64, standing: crate::orgs::model::Verification) {
    let admin = admin(db).await;
    let mut tx = db.begin_write().await.unwrap();
    assert!(
        crate::orgs::db::review(&mut tx, org_id, standing, None, admin, START)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
}

/// A sub-district with this code and name (in both languages) centred at `(lat, lng)`.
pub async fn subdistrict(db: &Db, code: &str, name: &str, at: (f64, f64)) {
    area(db, code, None, name, at).await
}

/// A community of sub-district `parent` (which need not exist), like `subdistrict`.
pub async fn community(db: &Db, code: &str, parent: &str, name: &str, at: (f64, f64)) {
    area(db, code, Some(parent), name, at).await
}

async fn area(db: &Db, code: &str, parent: Option<&str>, name: &str, (lat, lng): (f64, f64)) {
    use crate::areas::model::{Area, AreaKind};
    let area = Area {
        code: code.into(),
        kind: match parent {
            Some(_) => AreaKind::Community,
            None => AreaKind::Subdistrict,
        },
        parent_code: parent.map(str::to_string),
        name_zh: name.into(),
        name_en: name.into(),
        lat,
        lng,
    };
    let mut tx = db.begin_write().await.unwrap();
    assert!(crate::areas::db::insert_if_absent(&mut tx, &area, START)
        .await
        .unwrap());
    tx.commit().await.unwrap();
}

/// A cooperative (an organisation of the 邻里帮帮 kind) with nobody on its team; its id.
pub async fn cooperative(db: &Db) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let id = new_org(&mut tx, "云岩邻里互助社", OrgKind::Cooperative).await;
    tx.commit().await.unwrap();
    id
}

/// A member of cooperative `org` (王阿姨), entered by `by`, with a picked point, a paid service
/// (缝补衣物, ¥10 an item), a need (每周帮忙买菜), availability and a note; nothing consented yet.
/// Their id.
pub async fn coop_member(db: &Db, org: i64, by: i64) -> i64 {
    let at = (26.583411, 106.713372);
    coop_member_as(db, org, by, "王阿姨", at, "缝补衣物", "每周帮忙买菜").await
}

/// Like `coop_member`, named `name`, at `(lat, lng)`, offering `service` and needing `need`.
pub async fn coop_member_as(
    db: &Db,
    org: i64,
    by: i64,
    name: &str,
    (lat, lng): (f64, f64),
    service: &str,
    need: &str,
) -> i64 {
    let fields = crate::help::input::MemberFields {
        display_name: name.into(),
        lat: lat.to_string(),
        lng: lng.to_string(),
        availability: "工作日上午".into(),
        situation_note: "独居，行动不便".into(),
        ..crate::help::input::MemberFields::default()
    };
    let details = fields.check(|_| false).unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let id = crate::help::db::insert_member(&mut tx, org, &details, by, START)
        .await
        .unwrap();
    let service = crate::help::input::ServiceFields {
        title: service.into(),
        price: "10".into(),
        unit: "per_item".into(),
        ..crate::help::input::ServiceFields::default()
    };
    crate::help::db::add_service(&mut tx, id, &service.check().unwrap(), START)
        .await
        .unwrap();
    let need = crate::help::input::NeedFields {
        title: need.into(),
        urgency: "normal".into(),
        ..crate::help::input::NeedFields::default()
    };
    crate::help::db::add_need(&mut tx, id, &need.check().unwrap(), START)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// A paper consent of `member` for `group` to `audience`, recorded by `by`; its id.
pub async fn consent(
    db: &Db,
    member: i64,
    group: crate::help::model::FieldGroup,
    audience: crate::help::model::Audience,
    by: i64,
) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let new = crate::help::db::NewConsent {
        group,
        audience,
        method: crate::help::model::ConsentMethod::Paper,
        notice_version: crate::help::model::NOTICE_VERSION,
    };
    let crate::help::db::ConsentOutcome::Recorded(id) =
        crate::help::db::record_consent(&mut tx, member, new, by, START)
            .await
            .unwrap()
    else {
        panic!("consent not recorded")
    };
    tx.commit().await.unwrap();
    id
}

/// `resident`'s booking of `member`'s first service, accepted and done (answered for the member
/// by `coordinator`) and thanked; its id.
pub async fn done_booking(db: &Db, resident: i64, member: i64, coordinator: i64) -> i64 {
    use crate::help::bookings::{self, BookOutcome, BookingRequest, BookingStep, MemberSide};
    use crate::help::model::{BookingKind, BookingStatus};
    let mut tx = db.begin_write().await.unwrap();
    let service = crate::help::db::services_of(&mut tx, &[member])
        .await
        .unwrap()[0]
        .id;
    let request = BookingRequest {
        kind: BookingKind::Service,
        target: service,
        time_preference: "周末上午",
        message: "麻烦了",
    };
    let BookOutcome::Booked(id) = bookings::book(&mut tx, resident, request, START)
        .await
        .unwrap()
    else {
        panic!("not booked")
    };
    let booking = bookings::find(&mut tx, id).await.unwrap().unwrap();
    let side = MemberSide::Coordinator(coordinator, "协调员");
    for (step, status) in [BookingStatus::Accepted, BookingStatus::Done]
        .into_iter()
        .enumerate()
    {
        let at = START + 3_600 * (step as i64 + 1);
        let answered = bookings::answer(&mut tx, &booking, side, status, at).await;
        assert_eq!(answered.unwrap(), BookingStep::Done);
    }
    let thanked = bookings::thank(&mut tx, &booking, "谢谢！", START + 86_400).await;
    assert_eq!(thanked.unwrap(), BookingStep::Done);
    tx.commit().await.unwrap();
    id
}

/// Approved honour hours (`minutes` each) for everyone holding a place at `event`, recorded at
/// `at`, as an organiser's approval leaves them.
pub async fn approved_hours(db: &Db, event: i64, minutes: i64, at: i64) {
    sqlx::query(
        "INSERT INTO volunteer_hours (event_id, participant_id, kind, minutes, reason, status, \
         created_at) SELECT event_id, id, 'honour', $1, '测试', 'approved', $2 \
         FROM event_participants WHERE event_id = $3",
    )
    .bind(minutes)
    .bind(at)
    .bind(event)
    .execute(db.pool())
    .await
    .unwrap();
}
