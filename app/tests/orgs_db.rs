//! Organisations in the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL.
use app::accounts::contact::Contact;
use app::accounts::db::{create_user, CreateUser};
use app::db::testing::each_backend;
use app::db::Db;
use app::me::personal_data::erase;
use app::orgs::db::{self as orgs, RemoveMember, SaveOrg};
use app::orgs::model::{OrgDetails, OrgKind, OrgRole, Tier, Verification};

async fn person(db: &Db, mobile: &str) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let contact = Contact::parse(mobile).unwrap();
    let CreateUser::Created(id) = create_user(&mut tx, &contact, "志愿者", "x", 1)
        .await
        .unwrap()
    else {
        panic!("{mobile} exists")
    };
    tx.commit().await.unwrap();
    id
}

fn details(name: &str, kind: OrgKind, credit_code: Option<&str>) -> OrgDetails {
    OrgDetails {
        kind,
        name: name.into(),
        description: "每周上门探访独居老人".into(),
        services: "助老".into(),
        address: "贵阳市云岩区中华北路 1 号".into(),
        location: Some((26.5905, 106.7112)),
        contact: "0851-0000".into(),
        opening_hours: String::new(),
        credit_code: credit_code.map(str::to_string),
    }
}

async fn register(db: &Db, details: &OrgDetails, owner: i64) -> SaveOrg {
    let mut tx = db.begin_write().await.unwrap();
    let saved = orgs::create_org(&mut tx, details, owner, 100)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    saved
}

#[tokio::test]
async fn register_edit_and_refuse_stale_or_duplicate_edits() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = person(db, "13800000011").await;
        let code = Some("52520103MJY2016A18");
        let SaveOrg::Saved(id) =
            register(db, &details("阳光助老", OrgKind::Ngo, code), owner).await
        else {
            panic!("not saved")
        };
        assert_eq!(
            app::accounts::auth::role_in_org(db.pool(), id, owner)
                .await
                .unwrap(),
            Some(OrgRole::Owner)
        );
        let record = orgs::find(db.pool(), id).await.unwrap().unwrap();
        assert_eq!(record.details, details("阳光助老", OrgKind::Ngo, code));
        assert_eq!(record.verification, Verification::Pending);

        // The same credit code cannot be registered twice.
        let twin = details("另一家", OrgKind::Ngo, code);
        assert_eq!(register(db, &twin, owner).await, SaveOrg::CreditCodeTaken);

        // An edit from the current version saves; a second edit from that old version is refused.
        let mut edited = record.details.clone();
        edited.name = "阳光助老服务中心".into();
        edited.location = None;
        let mut tx = db.begin_write().await.unwrap();
        let first = orgs::update_org(&mut tx, id, record.version, &edited, 200)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(first, SaveOrg::Saved(id));
        let mut tx = db.begin_write().await.unwrap();
        let stale = orgs::update_org(&mut tx, id, record.version, &twin, 300)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(stale, SaveOrg::Conflict);
        let now = orgs::find(db.pool(), id).await.unwrap().unwrap();
        assert_eq!(now.details, edited);
        assert_eq!(now.version, record.version + 1);
        test.finish().await;
    }
}

#[tokio::test]
async fn directory_searches_filters_and_hides_rejected() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = person(db, "13800000012").await;
        let admin = person(db, "13800000013").await;
        let mut ids = Vec::new();
        for (name, kind) in [
            ("云岩助老社", OrgKind::Ngo),
            ("黔灵山社区", OrgKind::Community),
            ("50%_互助社", OrgKind::Cooperative),
            ("冒牌机构", OrgKind::Ngo),
        ] {
            let SaveOrg::Saved(id) = register(db, &details(name, kind, None), owner).await else {
                panic!()
            };
            ids.push(id);
        }
        let mut tx = db.begin_write().await.unwrap();
        orgs::review(&mut tx, ids[1], Verification::Partner, None, admin, 5)
            .await
            .unwrap();
        orgs::review(
            &mut tx,
            ids[3],
            Verification::Rejected,
            Some("信息不实"),
            admin,
            5,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();

        let names = |list: Vec<app::orgs::model::OrgSummary>| {
            list.into_iter()
                .map(|o| (o.name, o.tier))
                .collect::<Vec<_>>()
        };
        // Partners first; the rejected one is not listed.
        assert_eq!(
            names(orgs::directory(db.pool(), "", None).await.unwrap()),
            [
                ("黔灵山社区".to_string(), Tier::Partner),
                ("云岩助老社".to_string(), Tier::Unverified),
                ("50%_互助社".to_string(), Tier::Unverified),
            ]
        );
        let found = orgs::directory(db.pool(), " 助老 ", None).await.unwrap();
        assert_eq!(
            names(found).len(),
            3,
            "services text '助老' matches every demo row"
        );
        let found = orgs::directory(db.pool(), "黔灵", None).await.unwrap();
        assert_eq!(names(found), [("黔灵山社区".to_string(), Tier::Partner)]);
        // % and _ are plain characters in a search.
        let found = orgs::directory(db.pool(), "50%_", None).await.unwrap();
        assert_eq!(names(found), [("50%_互助社".to_string(), Tier::Unverified)]);
        let found = orgs::directory(db.pool(), "%", None).await.unwrap();
        assert_eq!(found.len(), 1);
        let found = orgs::directory(db.pool(), "", Some(OrgKind::Ngo))
            .await
            .unwrap();
        assert_eq!(names(found), [("云岩助老社".to_string(), Tier::Unverified)]);

        // The review queue holds only what is pending; a rejection keeps its reason.
        let queue = orgs::pending(db.pool()).await.unwrap();
        assert_eq!(
            queue.iter().map(|p| p.org.id).collect::<Vec<_>>(),
            [ids[0], ids[2]]
        );
        let rejected = orgs::find(db.pool(), ids[3]).await.unwrap().unwrap();
        assert_eq!(rejected.rejection_reason.as_deref(), Some("信息不实"));
        // Editing a rejected organisation sends it back to review.
        let mut tx = db.begin_write().await.unwrap();
        let again = details("真实机构", OrgKind::Ngo, None);
        orgs::update_org(&mut tx, ids[3], rejected.version, &again, 9)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let back = orgs::find(db.pool(), ids[3]).await.unwrap().unwrap();
        assert_eq!(back.verification, Verification::Pending);
        test.finish().await;
    }
}

/// The badge vouches for who the organisation is: a verified organisation that changes its
/// name, type or credit code goes back to review; other edits keep it.
#[tokio::test]
async fn changing_who_an_organisation_is_sends_it_back_to_review() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = person(db, "13800000016").await;
        let admin = person(db, "13800000017").await;
        let code = "91520103MA6DKXYB5N";
        let original = details("阳光助老服务中心", OrgKind::Ngo, None);
        let SaveOrg::Saved(id) = register(db, &original, owner).await else {
            panic!()
        };
        let mut edits = vec![("description", {
            let mut d = original.clone();
            d.description = "新的介绍".into();
            d
        })];
        for (what, change) in [
            ("name", details("阳光互助中心", OrgKind::Ngo, None)),
            (
                "kind",
                details("阳光助老服务中心", OrgKind::Community, None),
            ),
            (
                "credit code",
                details("阳光助老服务中心", OrgKind::Ngo, Some(code)),
            ),
        ] {
            edits.push((what, change));
        }
        let version = |db: &Db| {
            let pool = db.pool().clone();
            async move { orgs::find(&pool, id).await.unwrap().unwrap().version }
        };
        for (what, edited) in edits {
            // Back to the original, verified, so that each edit changes one thing.
            for (step, details) in [(6, &original), (8, &edited)] {
                let mut tx = db.begin_write().await.unwrap();
                orgs::review(&mut tx, id, Verification::Verified, None, admin, step - 1)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                let from = version(db).await;
                let mut tx = db.begin_write().await.unwrap();
                let saved = orgs::update_org(&mut tx, id, from, details, step)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                assert_eq!(saved, SaveOrg::Saved(id));
            }
            let after = orgs::find(db.pool(), id).await.unwrap().unwrap();
            let expected = if what == "description" {
                Verification::Verified
            } else {
                Verification::Pending
            };
            assert_eq!(after.verification, expected, "after changing the {what}");
        }
        test.finish().await;
    }
}

#[tokio::test]
async fn the_directory_reads_a_page_at_a_time_in_badge_order() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = person(db, "13800000014").await;
        let admin = person(db, "13800000015").await;
        // Seventeen organisations: every third a partner, every fifth verified, one rejected.
        let mut partners = Vec::new();
        let mut verified = Vec::new();
        let mut others = Vec::new();
        for n in 0..17 {
            let name = format!("互助机构{n:02}");
            let SaveOrg::Saved(id) = register(db, &details(&name, OrgKind::Ngo, None), owner).await
            else {
                panic!()
            };
            let verdict = match n {
                16 => Some(Verification::Rejected),
                n if n % 3 == 0 => Some(Verification::Partner),
                n if n % 5 == 0 => Some(Verification::Verified),
                _ => None,
            };
            if let Some(verdict) = verdict {
                let mut tx = db.begin_write().await.unwrap();
                let reason = (verdict == Verification::Rejected).then_some("信息不实");
                orgs::review(&mut tx, id, verdict, reason, admin, 5)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
            }
            match verdict {
                Some(Verification::Partner) => partners.push(id),
                Some(Verification::Verified) => verified.push(id),
                Some(_) => {}
                None => others.push(id),
            }
        }
        let expected: Vec<i64> = [partners, verified, others].concat();
        assert_eq!(expected.len(), 16);

        // Pages of five walk the whole directory once, in order, with nothing twice.
        let mut query = orgs::DirectoryQuery {
            text: "互助机构".into(),
            ..Default::default()
        };
        let mut seen = Vec::new();
        let mut pages = 0;
        loop {
            let page = orgs::directory_page(db.pool(), &query, 5).await.unwrap();
            pages += 1;
            assert!(page.orgs.len() <= 5);
            seen.extend(page.orgs.iter().map(|o| o.id));
            match page.later {
                Some(mark) => {
                    assert_eq!(
                        Some(&mark.id),
                        seen.last(),
                        "a page ends where the next starts"
                    );
                    query.after = Some(mark);
                }
                None => break,
            }
        }
        assert_eq!(seen, expected);
        assert_eq!(pages, 4);

        // An organisation verified while someone reads moves up; the reader's place still holds.
        let mark = orgs::directory_page(
            db.pool(),
            &orgs::DirectoryQuery {
                text: "互助机构".into(),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap()
        .later
        .unwrap();
        let promoted = *expected.last().unwrap();
        let mut tx = db.begin_write().await.unwrap();
        orgs::review(&mut tx, promoted, Verification::Verified, None, admin, 6)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let rest = orgs::directory_page(
            db.pool(),
            &orgs::DirectoryQuery {
                text: "互助机构".into(),
                kind: Some(OrgKind::Ngo),
                after: Some(mark),
            },
            10,
        )
        .await
        .unwrap();
        assert_eq!(rest.later, None);
        assert_eq!(
            rest.orgs.iter().map(|o| o.id).collect::<Vec<_>>(),
            expected[10..15],
            "the rest of the list after the mark, without the one that moved ahead of it"
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn team_keeps_its_owner_and_loses_deleted_accounts() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = person(db, "13800000014").await;
        let helper = person(db, "13800000015").await;
        let SaveOrg::Saved(id) =
            register(db, &details("互助社", OrgKind::Cooperative, None), owner).await
        else {
            panic!()
        };
        let mut tx = db.begin_write().await.unwrap();
        assert!(
            orgs::add_member(&mut tx, id, helper, OrgRole::Coordinator, owner, 2)
                .await
                .unwrap()
        );
        assert!(
            !orgs::add_member(&mut tx, id, helper, OrgRole::Coordinator, owner, 3)
                .await
                .unwrap()
        );
        assert_eq!(
            orgs::remove_coordinator(&mut tx, id, owner).await.unwrap(),
            RemoveMember::IsOwner
        );
        tx.commit().await.unwrap();
        let team = orgs::team(db.pool(), id).await.unwrap();
        assert_eq!(
            team.iter().map(|m| (m.user_id, m.role)).collect::<Vec<_>>(),
            [(owner, OrgRole::Owner), (helper, OrgRole::Coordinator)]
        );
        let mine = orgs::my_orgs(db.pool(), helper).await.unwrap();
        assert_eq!((mine[0].org.id, mine[0].role), (id, OrgRole::Coordinator));

        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(
            orgs::remove_coordinator(&mut tx, id, helper).await.unwrap(),
            RemoveMember::Removed
        );
        assert_eq!(
            orgs::remove_coordinator(&mut tx, id, helper).await.unwrap(),
            RemoveMember::NotInTeam
        );
        assert!(erase(&mut tx, owner, 4).await.unwrap());
        tx.commit().await.unwrap();
        assert_eq!(
            app::accounts::auth::role_in_org(db.pool(), id, owner)
                .await
                .unwrap(),
            None
        );
        assert!(orgs::team(db.pool(), id).await.unwrap().is_empty());
        assert!(
            orgs::find(db.pool(), id).await.unwrap().is_some(),
            "the organisation stays"
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn demo_has_every_role_and_ten_organisations() {
    use app::demo::DEMO_ACCOUNTS;
    for test in each_backend().await {
        let db = &test.db;
        let report = app::demo::seed_demo(db).await.unwrap();
        assert_eq!(report.accounts, 4);
        assert!(report.organisations >= 10);
        let all = orgs::directory(db.pool(), "", None).await.unwrap();
        assert!(all.len() >= 10);
        assert!(all.iter().any(|o| o.tier == Tier::Partner));
        assert!(all.iter().any(|o| o.tier == Tier::Unverified));
        assert!(!orgs::pending(db.pool()).await.unwrap().is_empty());

        let id_of = |mobile: &str| {
            let contact = Contact::parse(mobile).unwrap();
            async move {
                orgs::user_by_contact(db.pool(), contact.as_str())
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        let resident = id_of(DEMO_ACCOUNTS[0].0).await;
        let coordinator = id_of(DEMO_ACCOUNTS[1].0).await;
        let owner = id_of(DEMO_ACCOUNTS[2].0).await;
        assert!(orgs::my_orgs(db.pool(), resident).await.unwrap().is_empty());
        let roles = |list: Vec<app::orgs::model::MyOrg>| {
            list.into_iter().map(|m| m.role).collect::<Vec<_>>()
        };
        assert_eq!(
            roles(orgs::my_orgs(db.pool(), coordinator).await.unwrap()),
            [OrgRole::Coordinator]
        );
        assert_eq!(
            roles(orgs::my_orgs(db.pool(), owner).await.unwrap()),
            [OrgRole::Owner, OrgRole::Owner]
        );
        let again = app::demo::seed_demo(db).await.unwrap();
        assert_eq!(again.total(), 0);
        test.finish().await;
    }
}

#[tokio::test]
async fn organisations_with_and_without_a_location_save_one_after_another_on_one_connection() {
    // A NULL float bound first once made PostgreSQL refuse a real float on the same prepared
    // statement ("incorrect binary data format"): a 500 for the second registration.
    for test in each_backend().await {
        let db = &test.db;
        let mut tx = db.begin_write().await.unwrap();
        let mut ids = Vec::new();
        let locations = [None, Some((26.5811, 106.7102)), None];
        for (n, location) in locations.into_iter().enumerate() {
            let org = OrgDetails {
                location,
                ..details(&format!("互助会{n}"), OrgKind::Ngo, None)
            };
            let saved = orgs::insert_org(&mut tx, &org, None, 1).await.unwrap();
            let SaveOrg::Saved(id) = saved else {
                panic!("{n}: {saved:?}")
            };
            ids.push(id);
        }
        tx.commit().await.unwrap();
        for (id, location) in ids.into_iter().zip(locations) {
            let saved = orgs::find(db.pool(), id).await.unwrap().unwrap();
            assert_eq!(saved.details.location, location, "stored exactly");
        }
        test.finish().await;
    }
}
