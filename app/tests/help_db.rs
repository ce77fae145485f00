//! 邻里帮帮 in the database, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL: members kept with
//! only a snapped place, edits that never overwrite, consents as records, and what each viewer is
//! shown of a member computed from the live consents.

use app::testing;

use app::db::testing::each_backend;
use app::db::Db;
use app::geo::grid::PERSON_CELL_M;
use app::geo::LatLng;
use app::help::card::{card_for, MemberCard};
use app::help::db::{self as help, ConsentOutcome, NewConsent, ViewedVia, ViewerRole};
use app::help::input::MemberFields;
use app::help::model::{Audience, ConsentMethod, FieldGroup, ProxyAction, Viewer, NOTICE_VERSION};
use app::notifications::model::Notice;
use testing::{consent, coop_member as member, cooperative, neighbours};

const NOW: i64 = 1_800_000_000;

/// The member as `viewer` sees them now, read fresh from the database.
async fn seen_by(db: &Db, member: i64, viewer: Viewer) -> MemberCard {
    let mut conn = db.pool().acquire().await.unwrap();
    let record = help::find_member(&mut conn, member).await.unwrap().unwrap();
    let services = help::services_of(&mut conn, &[member]).await.unwrap();
    let needs = help::needs_of(&mut conn, &[member]).await.unwrap();
    let consents: Vec<_> = help::consents_of(&mut conn, &[member])
        .await
        .unwrap()
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    card_for(viewer, &record, &services, &needs, &consents)
}

/// Which groups a card shows a value for.
fn shown(card: &MemberCard) -> Vec<FieldGroup> {
    let mut groups = Vec::new();
    if card.name.is_some() {
        groups.push(FieldGroup::Name);
    }
    if card.services.is_some() {
        groups.push(FieldGroup::Services);
    }
    if card.needs.is_some() {
        groups.push(FieldGroup::Needs);
    }
    if card.place.is_some() {
        groups.push(FieldGroup::Area);
    }
    if card.availability.is_some() {
        groups.push(FieldGroup::Availability);
    }
    groups
}

#[tokio::test]
async fn only_the_snapped_place_is_stored_and_saving_again_reveals_nothing_more() {
    for test in each_backend().await {
        let db = &test.db;
        let coordinator = neighbours(db, 1, 1).await[0];
        let org = cooperative(db).await;
        let id = member(db, org, coordinator).await;
        let (lat, lng): (f64, f64) =
            sqlx::query_as("SELECT cell_lat, cell_lng FROM coop_members WHERE id = $1")
                .bind(id)
                .fetch_one(db.pool())
                .await
                .unwrap();
        let exact = LatLng::new(26.583411, 106.713372);
        assert_ne!((lat, lng), (exact.lat, exact.lng));
        assert!(LatLng::new(lat, lng).metres_to(exact) <= PERSON_CELL_M);
        // No column anywhere holds the exact point.
        let exact_rows: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM coop_members WHERE cell_lat = $1 OR cell_lng = $2",
        )
        .bind(exact.lat)
        .bind(exact.lng)
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(exact_rows, 0);

        // The editor shows the cell; saving it as it stands keeps the very same cell.
        let mut conn = db.pool().acquire().await.unwrap();
        let record = help::find_member(&mut conn, id).await.unwrap().unwrap();
        drop(conn);
        let again = MemberFields {
            display_name: record.display_name.clone(),
            lat: lat.to_string(),
            lng: lng.to_string(),
            availability: record.availability.clone(),
            situation_note: record.situation_note.clone(),
            ..MemberFields::default()
        }
        .check(|_| false)
        .unwrap();
        let mut tx = db.begin_write().await.unwrap();
        assert!(
            help::update_member(&mut tx, id, record.version, &again, NOW + 1)
                .await
                .unwrap()
        );
        // An edit made on the old version is refused, not written over the new one.
        assert!(
            !help::update_member(&mut tx, id, record.version, &again, NOW + 2)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        let saved = help::find_member(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(saved.cell, Some((lat, lng)));
        assert_eq!(saved.version, record.version + 1);
        drop(conn);
        test.finish().await;
    }
}

#[tokio::test]
async fn what_each_viewer_sees_follows_the_live_consents_field_by_field() {
    for test in each_backend().await {
        let db = &test.db;
        let coordinator = neighbours(db, 1, 1).await[0];
        let org = cooperative(db).await;
        // Every field group with a value, against every audience and every viewer. Platform
        // admins and coordinators of other organisations are residents here (`Viewer::of`).
        let groups = [
            FieldGroup::Name,
            FieldGroup::Services,
            FieldGroup::Needs,
            FieldGroup::Area,
            FieldGroup::Availability,
        ];
        for group in groups {
            for audience in Audience::ALL.iter().copied() {
                let id = member(db, org, coordinator).await;
                consent(db, id, group, audience, coordinator).await;
                for viewer in [
                    Viewer::Visitor,
                    Viewer::Resident,
                    Viewer::Coordinator,
                    Viewer::Member,
                ] {
                    let card = seen_by(db, id, viewer).await;
                    let expected: Vec<FieldGroup> = match viewer {
                        Viewer::Coordinator | Viewer::Member => groups.to_vec(),
                        Viewer::Resident if audience != Audience::Coordinators => vec![group],
                        Viewer::Visitor if audience == Audience::Everyone => vec![group],
                        _ => vec![],
                    };
                    assert_eq!(shown(&card), expected, "{group:?} {audience:?} {viewer:?}");
                    assert_eq!(
                        card.situation_note.is_some(),
                        viewer == Viewer::Coordinator,
                        "the note is for the cooperative's coordinators only"
                    );
                    // What is shown beyond the public is what gets logged.
                    let logged = match (viewer, audience) {
                        (Viewer::Visitor, _) => vec![],
                        (Viewer::Resident, Audience::Residents) => vec![group],
                        (Viewer::Resident, _) => vec![],
                        (_, Audience::Everyone) => {
                            groups.iter().copied().filter(|g| *g != group).collect()
                        }
                        _ => groups.to_vec(),
                    };
                    assert_eq!(
                        card.private_groups, logged,
                        "{group:?} {audience:?} {viewer:?}"
                    );
                }
            }
        }
        test.finish().await;
    }
}

#[tokio::test]
async fn a_withdrawn_consent_hides_the_field_on_the_next_read() {
    for test in each_backend().await {
        let db = &test.db;
        let coordinator = neighbours(db, 1, 1).await[0];
        let org = cooperative(db).await;
        let id = member(db, org, coordinator).await;
        let name = consent(db, id, FieldGroup::Name, Audience::Everyone, coordinator).await;
        consent(
            db,
            id,
            FieldGroup::Services,
            Audience::Residents,
            coordinator,
        )
        .await;
        let mut tx = db.begin_write().await.unwrap();
        let twice = NewConsent {
            group: FieldGroup::Name,
            audience: Audience::Everyone,
            method: ConsentMethod::InApp,
            notice_version: NOTICE_VERSION,
        };
        assert_eq!(
            help::record_consent(&mut tx, id, twice, coordinator, NOW)
                .await
                .unwrap(),
            ConsentOutcome::AlreadyLive
        );
        tx.commit().await.unwrap();

        let card = seen_by(db, id, Viewer::Visitor).await;
        assert_eq!(card.name.as_deref(), Some("王阿姨"));
        assert!(card.services.is_none());
        let card = seen_by(db, id, Viewer::Resident).await;
        assert_eq!(card.services.as_ref().unwrap()[0].price_fen, 1000);

        let mut tx = db.begin_write().await.unwrap();
        assert!(
            help::withdraw_consent(&mut tx, id, name, coordinator, NOW + 5)
                .await
                .unwrap()
        );
        assert!(
            !help::withdraw_consent(&mut tx, id, name, coordinator, NOW + 6)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        assert!(seen_by(db, id, Viewer::Visitor).await.name.is_none());
        assert!(seen_by(db, id, Viewer::Resident).await.name.is_none());
        assert!(!seen_by(db, id, Viewer::Visitor).await.shows_anything());
        // The record stays, with who collected it and when it was withdrawn.
        let mut conn = db.pool().acquire().await.unwrap();
        let consents = help::consents_of(&mut conn, &[id]).await.unwrap();
        let withdrawn = consents.iter().find(|(_, c)| c.id == name).unwrap();
        assert_eq!(withdrawn.1.withdrawn_at, Some(NOW + 5));
        assert_eq!(withdrawn.1.collected_by.as_deref(), Some("邻居1"));
        drop(conn);
        test.finish().await;
    }
}

fn logged(groups: &[FieldGroup], situation_note: bool) -> help::Shown<'_> {
    help::Shown {
        groups,
        situation_note,
    }
}

#[tokio::test]
async fn views_and_actions_for_a_member_are_logged_newest_first() {
    for test in each_backend().await {
        let db = &test.db;
        let people = neighbours(db, 1, 2).await;
        let org = cooperative(db).await;
        let id = member(db, org, people[0]).await;
        let mut tx = db.begin_write().await.unwrap();
        let resident = (people[1], "邻居2", ViewerRole::Resident);
        help::log_view(
            &mut tx,
            id,
            resident,
            logged(&[FieldGroup::Needs], false),
            ViewedVia::Page,
            NOW,
        )
        .await
        .unwrap();
        // Nothing non-public shown: nothing logged.
        help::log_view(
            &mut tx,
            id,
            resident,
            logged(&[], false),
            ViewedVia::Page,
            NOW + 1,
        )
        .await
        .unwrap();
        let coordinator = (people[0], "邻居1", ViewerRole::Coordinator);
        let all = [FieldGroup::Name, FieldGroup::Area];
        help::log_view(
            &mut tx,
            id,
            coordinator,
            logged(&all, true),
            ViewedVia::Editor,
            NOW + 2,
        )
        .await
        .unwrap();
        help::log_proxy(
            &mut tx,
            id,
            (people[0], "邻居1"),
            ProxyAction::BookingAccepted,
            "理发",
            NOW + 3,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        let log = help::access_log(&mut conn, id, 50).await.unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].viewer_role, ViewerRole::Coordinator);
        assert_eq!(log[0].fields, all.to_vec());
        assert!(log[0].situation_note && !log[1].situation_note);
        assert_eq!(log[1].viewer_name, "邻居2");
        assert_eq!(log[1].via, ViewedVia::Page);
        let acted = help::proxy_log(&mut conn, id, 50).await.unwrap();
        assert_eq!(acted.len(), 1);
        assert_eq!(acted[0].action, ProxyAction::BookingAccepted);
        drop(conn);
        test.finish().await;
    }
}

#[test]
fn who_is_who_to_a_member() {
    assert_eq!(Viewer::of(None, false, None), Viewer::Visitor);
    assert_eq!(Viewer::of(Some(3), false, None), Viewer::Resident);
    assert_eq!(Viewer::of(Some(3), true, None), Viewer::Coordinator);
    assert_eq!(Viewer::of(Some(3), false, Some(3)), Viewer::Member);
    assert_eq!(Viewer::of(Some(4), false, Some(3)), Viewer::Resident);
}

/// The ids of a member's first service and first need.
async fn entries(db: &Db, member: i64) -> (i64, i64) {
    let mut conn = db.pool().acquire().await.unwrap();
    let service = help::services_of(&mut conn, &[member]).await.unwrap()[0].id;
    let need = help::needs_of(&mut conn, &[member]).await.unwrap()[0].id;
    (service, need)
}

async fn notices(db: &Db, user: i64) -> Vec<Notice> {
    app::notifications::db::inbox(db.pool(), user)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.notice)
        .collect()
}

#[tokio::test]
async fn a_booking_is_answered_for_the_member_done_and_thanked_with_every_step_told_and_logged() {
    use app::help::bookings::{self, BookOutcome, BookingRequest, BookingStep, MemberSide};
    use app::help::model::{BookingKind, BookingStatus};
    use app::orgs::model::OrgRole;
    for test in each_backend().await {
        let db = &test.db;
        let people = neighbours(db, 1, 2).await;
        let (coordinator, resident) = (people[0], people[1]);
        let org = cooperative(db).await;
        let mut tx = db.begin_write().await.unwrap();
        app::orgs::db::add_member(
            &mut tx,
            org,
            coordinator,
            OrgRole::Coordinator,
            coordinator,
            NOW,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let member = member(db, org, coordinator).await;
        let (service, need) = entries(db, member).await;

        let mut tx = db.begin_write().await.unwrap();
        let request = BookingRequest {
            kind: BookingKind::Service,
            target: service,
            time_preference: "周六上午",
            message: "外套拉链坏了，想请您帮忙换一条。",
        };
        let BookOutcome::Booked(id) = bookings::book(&mut tx, resident, request, NOW)
            .await
            .unwrap()
        else {
            panic!("not booked")
        };
        tx.commit().await.unwrap();
        // The member has no account: the cooperative's coordinators hear of it, by the service's
        // name only.
        let told = notices(db, coordinator).await;
        assert!(matches!(
            &told[0],
            Notice::HelpBooking { booking_id, title, status: BookingStatus::Requested }
                if *booking_id == id && title == "缝补衣物"
        ));

        let mut conn = db.pool().acquire().await.unwrap();
        let booking = bookings::find(&mut conn, id).await.unwrap().unwrap();
        drop(conn);
        assert_eq!(
            (booking.price_fen, booking.status),
            (1000, BookingStatus::Requested)
        );
        let side = MemberSide::Coordinator(coordinator, "邻居1");
        let mut tx = db.begin_write().await.unwrap();
        // Done comes only after accepted.
        assert_eq!(
            bookings::answer(&mut tx, &booking, side, BookingStatus::Done, NOW + 1)
                .await
                .unwrap(),
            BookingStep::NotNow
        );
        for step in [BookingStatus::Accepted, BookingStatus::Done] {
            assert_eq!(
                bookings::answer(&mut tx, &booking, side, step, NOW + 2)
                    .await
                    .unwrap(),
                BookingStep::Done
            );
        }
        assert_eq!(
            bookings::cancel(&mut tx, &booking, NOW + 3).await.unwrap(),
            BookingStep::NotNow,
            "a booking that was done cannot be cancelled"
        );
        assert_eq!(
            bookings::thank(&mut tx, &booking, "拉链换得很好，谢谢！", NOW + 4)
                .await
                .unwrap(),
            BookingStep::Done
        );
        assert_eq!(
            bookings::thank(&mut tx, &booking, "again", NOW + 5)
                .await
                .unwrap(),
            BookingStep::NotNow
        );
        tx.commit().await.unwrap();

        let heard = notices(db, resident).await;
        let statuses: Vec<BookingStatus> = heard
            .iter()
            .filter_map(|n| match n {
                Notice::HelpBooking { status, .. } => Some(*status),
                _ => None,
            })
            .collect();
        assert_eq!(statuses, vec![BookingStatus::Done, BookingStatus::Accepted]);
        assert!(
            matches!(&notices(db, coordinator).await[0], Notice::HelpThanks { text, .. } if text.contains("拉链"))
        );
        // Acting for the member is logged, step by step.
        let mut conn = db.pool().acquire().await.unwrap();
        let acted = help::proxy_log(&mut conn, member, 10).await.unwrap();
        let actions: Vec<&str> = acted.iter().map(|a| a.action.as_str()).collect();
        assert_eq!(actions, vec!["booking_done", "booking_accepted"]);
        let mine = bookings::of_resident(&mut conn, resident).await.unwrap();
        assert_eq!(mine[0].thanks.as_deref(), Some("拉链换得很好，谢谢！"));
        drop(conn);

        // Offering help with a need; a need that was met takes no more offers.
        let mut tx = db.begin_write().await.unwrap();
        let offer = |target| BookingRequest {
            kind: BookingKind::Help,
            target,
            time_preference: "",
            message: "我每周三下班顺路，可以帮忙买菜。",
        };
        assert!(matches!(
            bookings::book(&mut tx, resident, offer(need), NOW + 10)
                .await
                .unwrap(),
            BookOutcome::Booked(_)
        ));
        assert!(help::mark_need_met(&mut tx, member, need, NOW + 11)
            .await
            .unwrap());
        assert_eq!(
            bookings::book(&mut tx, resident, offer(need), NOW + 12)
                .await
                .unwrap(),
            BookOutcome::NotOpen
        );
        assert_eq!(
            bookings::book(&mut tx, resident, offer(999_999), NOW + 12)
                .await
                .unwrap(),
            BookOutcome::NotOpen
        );
        tx.commit().await.unwrap();
        test.finish().await;
    }
}

#[tokio::test]
async fn the_demo_cooperative_has_twelve_members_with_varied_consents_and_bookings() {
    use app::help::model::BookingStatus;
    for test in each_backend().await {
        let db = &test.db;
        let report = app::demo::seed_demo(db).await.unwrap();
        assert_eq!(report.coop_members, 12, "{report:?}");
        let mut conn = db.pool().acquire().await.unwrap();
        let members = help::all_members(&mut conn).await.unwrap();
        assert_eq!(members.len(), 12);
        let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
        let services = help::services_of(&mut conn, &ids).await.unwrap();
        let needs = help::needs_of(&mut conn, &ids).await.unwrap();
        let consents = help::consents_of(&mut conn, &ids).await.unwrap();
        assert!(services.iter().any(|s| s.price_fen == 0));
        assert!(services.iter().any(|s| s.price_fen > 0));
        assert!(needs.len() >= 6);
        // Public cards, residents-only cards, members nobody outside sees, a withdrawn consent.
        let records = app::help::card::Records::read(&mut conn).await.unwrap();
        let cards = |viewer| {
            records
                .members
                .iter()
                .filter(|m| records.card(viewer, m).shows_anything())
                .count()
        };
        let (public, signed_in) = (cards(Viewer::Visitor), cards(Viewer::Resident));
        assert!(
            public >= 5 && public < signed_in && signed_in < 12,
            "{public} {signed_in}"
        );
        assert!(consents.iter().any(|(_, c)| !c.is_live()));
        // Bookings in every state, answered by the coordinator for the members (logged).
        let mut statuses = Vec::new();
        for member in &ids {
            for booking in app::help::bookings::of_member(&mut conn, *member)
                .await
                .unwrap()
            {
                statuses.push(booking.status);
            }
        }
        for status in BookingStatus::ALL {
            assert!(statuses.contains(status), "{status:?} in {statuses:?}");
        }
        drop(conn);
        assert_eq!(app::demo::seed_demo(db).await.unwrap().total(), 0);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_member_leaves_the_map_when_their_place_is_no_longer_public() {
    for test in each_backend().await {
        let db = &test.db;
        let coordinator = neighbours(db, 1, 1).await[0];
        let org = cooperative(db).await;
        let id = member(db, org, coordinator).await;
        let pins = |db: &Db| {
            let pool = db.pool().clone();
            async move { app::help::map_pins::on_the_map(&pool).await.unwrap() }
        };
        let version = |db: &Db| {
            let pool = db.pool().clone();
            async move {
                sqlx::query_scalar::<_, i64>("SELECT version FROM map_version WHERE id = 1")
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        // Services public but the place not: no pin.
        consent(
            db,
            id,
            FieldGroup::Services,
            Audience::Everyone,
            coordinator,
        )
        .await;
        assert!(pins(db).await.is_empty());
        let area = consent(db, id, FieldGroup::Area, Audience::Everyone, coordinator).await;
        let on_map = pins(db).await;
        assert_eq!(on_map.len(), 1);
        // Named by what is offered (the name is not public), at the snapped cell.
        assert_eq!(on_map[0].name, "缝补衣物");
        let exact = LatLng::new(26.583411, 106.713372);
        assert!(LatLng::new(on_map[0].lat, on_map[0].lng).metres_to(exact) <= PERSON_CELL_M);
        let before = version(db).await;
        let mut tx = db.begin_write().await.unwrap();
        assert!(
            help::withdraw_consent(&mut tx, id, area, coordinator, NOW + 9)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        assert!(version(db).await > before, "the map reloads its places");
        assert!(pins(db).await.is_empty());
        test.finish().await;
    }
}

/// A pin says no more than the card: a member whose name and place are public but whose needs
/// are not is not drawn as someone who needs help (nor drawn at all: there is nothing to find).
#[tokio::test]
async fn a_member_is_drawn_as_needing_help_only_when_the_needs_are_public() {
    use app::help::model::MapHelpKind;
    for test in each_backend().await {
        let db = &test.db;
        let coordinator = neighbours(db, 1, 1).await[0];
        let org = cooperative(db).await;
        let id = member(db, org, coordinator).await;
        let pins = || async { app::help::map_pins::on_the_map(db.pool()).await.unwrap() };
        for group in [FieldGroup::Name, FieldGroup::Area] {
            consent(db, id, group, Audience::Everyone, coordinator).await;
        }
        assert!(pins().await.is_empty(), "{:?}", pins().await);
        consent(db, id, FieldGroup::Needs, Audience::Everyone, coordinator).await;
        let on_map = pins().await;
        assert_eq!(on_map.len(), 1);
        assert_eq!(on_map[0].kind, MapHelpKind::Needs);
        assert_eq!(on_map[0].name, "王阿姨");
        test.finish().await;
    }
}

#[tokio::test]
async fn an_account_links_to_one_member_and_a_wipe_keeps_only_anonymous_figures() {
    use app::help::bookings::{self, BookOutcome, BookingRequest, MemberSide};
    use app::help::model::{BookingKind, BookingStatus};
    for test in each_backend().await {
        let db = &test.db;
        let people = neighbours(db, 1, 3).await;
        let (coordinator, resident, own) = (people[0], people[1], people[2]);
        let org = cooperative(db).await;
        let id = member(db, org, coordinator).await;
        let other = member(db, org, coordinator).await;
        consent(
            db,
            id,
            FieldGroup::Services,
            Audience::Everyone,
            coordinator,
        )
        .await;
        let mut tx = db.begin_write().await.unwrap();
        assert!(help::link_account(&mut tx, id, Some(own), NOW)
            .await
            .unwrap());
        // One account, one member.
        assert!(!help::link_account(&mut tx, other, Some(own), NOW)
            .await
            .unwrap());
        let service = help::services_of(&mut tx, &[id]).await.unwrap()[0].id;
        let request = BookingRequest {
            kind: BookingKind::Service,
            target: service,
            time_preference: "周六",
            message: "裤脚改短",
        };
        let BookOutcome::Booked(booking) = bookings::book(&mut tx, resident, request, NOW)
            .await
            .unwrap()
        else {
            panic!("not booked")
        };
        // Waiting for an answer, counted per member in one read (the desk's members list).
        let waiting = bookings::waiting_counts(&mut tx, &[id, other])
            .await
            .unwrap();
        assert_eq!(waiting, vec![(id, 1)]);
        let found = bookings::find(&mut tx, booking).await.unwrap().unwrap();
        bookings::answer(
            &mut tx,
            &found,
            MemberSide::Member(own),
            BookingStatus::Accepted,
            NOW,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            seen_by(db, id, Viewer::Visitor)
                .await
                .services
                .unwrap()
                .len(),
            1
        );

        let mut tx = db.begin_write().await.unwrap();
        let photo = app::photos::process(&app::photos::sample_phone_jpeg(40, 30)).unwrap();
        help::set_photo(&mut tx, id, &photo, NOW + 4).await.unwrap();
        assert!(help::wipe_member(&mut tx, id, coordinator, NOW + 5)
            .await
            .unwrap());
        assert!(!help::wipe_member(&mut tx, id, coordinator, NOW + 6)
            .await
            .unwrap());
        tx.commit().await.unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        let wiped = help::find_member(&mut conn, id).await.unwrap().unwrap();
        assert!(wiped.deleted && wiped.photo_at.is_none());
        assert_eq!(help::photo_bytes(&mut conn, id, true).await.unwrap(), None);
        assert_eq!(
            (
                wiped.display_name.as_str(),
                wiped.availability.as_str(),
                wiped.situation_note.as_str()
            ),
            ("", "", "")
        );
        assert_eq!(
            (wiped.cell, wiped.area_code.clone(), wiped.user_id),
            (None, None, None)
        );
        assert!(help::services_of(&mut conn, &[id])
            .await
            .unwrap()
            .is_empty());
        assert!(help::needs_of(&mut conn, &[id]).await.unwrap().is_empty());
        let consents = help::consents_of(&mut conn, &[id]).await.unwrap();
        assert!(!consents.is_empty() && consents.iter().all(|(_, c)| !c.is_live()));
        // The booking stays as a figure: what, how much, how it went — not what was said.
        let kept = bookings::find(&mut conn, booking).await.unwrap().unwrap();
        assert_eq!((kept.title.as_str(), kept.price_fen), ("缝补衣物", 1000));
        assert_eq!(kept.status, BookingStatus::Accepted);
        assert_eq!(
            (kept.message.as_str(), kept.time_preference.as_str()),
            ("", "")
        );
        // Gone from every list and card; the other member is untouched.
        let records = app::help::card::Records::read(&mut conn).await.unwrap();
        assert!(records.members.iter().all(|m| m.id != id));
        assert!(app::help::card::Records::of_member(&mut conn, id)
            .await
            .unwrap()
            .is_none());
        assert!(
            help::find_member(&mut conn, other)
                .await
                .unwrap()
                .unwrap()
                .display_name
                == "王阿姨"
        );
        drop(conn);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_photo_is_kept_replaced_and_removed_one_per_member() {
    for test in each_backend().await {
        let db = &test.db;
        let people = neighbours(db, 1, 1).await;
        let org = cooperative(db).await;
        let id = member(db, org, people[0]).await;
        let mut conn = db.pool().acquire().await.unwrap();
        assert_eq!(
            help::find_member(&mut conn, id)
                .await
                .unwrap()
                .unwrap()
                .photo_at,
            None
        );
        drop(conn);
        let first = app::photos::process(&app::photos::sample_phone_jpeg(40, 30)).unwrap();
        let second = app::photos::process(&app::photos::sample_phone_jpeg(80, 60)).unwrap();
        let mut tx = db.begin_write().await.unwrap();
        help::set_photo(&mut tx, id, &first, NOW).await.unwrap();
        help::set_photo(&mut tx, id, &second, NOW + 1)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        // The newer one replaced the first; its time is in the record (and so in its address).
        let record = help::find_member(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(record.photo_at, Some(NOW + 1));
        let kept = help::photo_bytes(&mut conn, id, false).await.unwrap();
        assert_eq!(kept.as_deref(), Some(second.display.as_slice()));
        let thumb = help::photo_bytes(&mut conn, id, true).await.unwrap();
        assert_eq!(thumb.as_deref(), Some(second.thumb.as_slice()));
        // What the card says of it follows the photo group's consent, like every other field.
        let card = app::help::card::Records::of_member(&mut conn, id)
            .await
            .unwrap()
            .unwrap();
        let member = &card.members[0];
        assert_eq!(
            card.card(Viewer::Coordinator, member).photo_at,
            Some(NOW + 1)
        );
        assert_eq!(card.card(Viewer::Resident, member).photo_at, None);
        assert!(help::remove_photo(&mut conn, id).await.unwrap());
        assert!(!help::remove_photo(&mut conn, id).await.unwrap());
        assert_eq!(help::photo_bytes(&mut conn, id, true).await.unwrap(), None);
        drop(conn);
        consent(db, id, FieldGroup::Photo, Audience::Residents, people[0]).await;
        assert_eq!(seen_by(db, id, Viewer::Resident).await.photo_at, None);
        test.finish().await;
    }
}

/// Two coordinators (or a coordinator and the member) record the same consent at the same moment:
/// one live consent is kept, and every other request is told it is live already (never a fault).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn consents_recorded_at_once_leave_one_live_consent() {
    for test in each_backend().await {
        let db = &test.db;
        let org = cooperative(db).await;
        let by = neighbours(db, 0, 1).await[0];
        let id = member(db, org, by).await;
        let tasks: Vec<_> = (0..24)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await?;
                    let new = NewConsent {
                        group: FieldGroup::Services,
                        audience: Audience::Everyone,
                        method: ConsentMethod::Paper,
                        notice_version: NOTICE_VERSION,
                    };
                    let outcome = help::record_consent(&mut tx, id, new, by, NOW).await?;
                    tx.commit().await?;
                    Ok::<_, sqlx::Error>(outcome)
                })
            })
            .collect();
        let mut recorded = 0;
        for task in tasks {
            match task.await.unwrap().expect("no request failed") {
                ConsentOutcome::Recorded(_) => recorded += 1,
                ConsentOutcome::AlreadyLive => {}
            }
        }
        assert_eq!(recorded, 1);
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM coop_consents WHERE member_id = $1 AND withdrawn_at IS NULL",
        )
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(live, 1);
        test.finish().await;
    }
}
