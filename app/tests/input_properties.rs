//! Random forms and filters for every check that turns typed text into what is stored or
//! searched: whatever arrives, the check answers (no panic), and what it accepts keeps the
//! promises the database and the pages rely on — text within its limits, one-line fields on one
//! line with no control characters, times in order, places on the globe, seats counted from one.
//! Each field is usually a plausible value (so whole forms pass often enough to test what passes)
//! and otherwise any text at all, or a run of characters around the length limits. The server's
//! tests send fixed corpora of bad input through HTTP; this covers the space between them.

use app::events::filter::EventFilter;
use app::events::input::{EventFields, CAPACITY_MAX, DESCRIPTION_MAX, TITLE_CHARS};
use app::fields::{DESCRIPTION_MAX as ORG_DESCRIPTION_MAX, LINE_MAX};
use app::help::input::{
    MemberFields, MemberPlace, NeedFields, ServiceFields, NAME_CHARS, SITUATION_MAX,
    TITLE_CHARS as ENTRY_TITLE_CHARS,
};
use app::items::filter::ItemFilter;
use app::items::input::{ItemFields, PICKUP_NOTES_MAX, TITLE_CHARS as ITEM_TITLE_CHARS};
use app::orgs::input::{OrgFields, NAME_CHARS as ORG_NAME_CHARS};
use app::paging::PageMark;
use app::resources::input::ResourceFields;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const CASES: u32 = 3_000;

/// A field's value: mostly one of `good` (what a careful person types), sometimes one of `bad`
/// (what a careless one does), and otherwise any text at all or a run around the length limits.
fn field(good: &'static [&'static str], bad: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        16 => proptest::sample::select(good).prop_map(String::from),
        1 => proptest::sample::select(bad).prop_map(String::from),
        1 => any::<String>(),
        1 => "[ \t\r\n\u{0}\u{7f}\u{200b}<>\"'&%_\\\\0-9a-z\u{4e00}-\u{4e20}]{0,16}",
        1 => (0usize..6_000, "[a字 \n]").prop_map(|(n, c)| c.repeat(n)),
    ]
    .boxed()
}

/// Free text: anything goes, within its limit.
fn text() -> BoxedStrategy<String> {
    field(
        &[
            "",
            "重阳节 敬老探访",
            "  旧 书架\t",
            "Office chair",
            "陪老人聊天。\r\n读报",
        ],
        &["\u{0}\u{7f}", "<script>alert(1)</script>"],
    )
}

fn name() -> BoxedStrategy<String> {
    field(
        &["贵阳市云岩区黔灵山社区服务中心", "张阿姨", "云岩志愿者协会"],
        &["", "A", " \u{0} "],
    )
}

fn lat() -> BoxedStrategy<String> {
    field(&["26.59", " 26.5830 "], &["", "91", "NaN", "26,59"])
}

fn lng() -> BoxedStrategy<String> {
    field(&["106.71", "106.7150"], &["", "-181", "inf"])
}

/// Runs `accepts` on `CASES` random values; it answers whether the value was accepted and fails
/// the case when a promise is broken. Some must be accepted and some refused, or the generator
/// tests nothing.
fn holds<T: std::fmt::Debug>(
    name: &str,
    values: impl Strategy<Value = T>,
    accepts: impl Fn(&T) -> Result<bool, TestCaseError>,
) {
    let accepted = std::cell::Cell::new(0u32);
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&values, |value| {
            if accepts(&value)? {
                accepted.set(accepted.get() + 1);
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let accepted = accepted.get();
    assert!(
        accepted > CASES / 50 && accepted < CASES,
        "{name}: {accepted} of {CASES} accepted"
    );
}

fn one_line_ok(text: &str, max: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        text.chars().count() <= max,
        "{} chars",
        text.chars().count()
    );
    prop_assert!(!text.chars().any(char::is_control), "{text:?}");
    prop_assert_eq!(text.trim(), text);
    Ok(())
}

fn paragraphs_ok(text: &str, max: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        text.chars().count() <= max,
        "{} chars",
        text.chars().count()
    );
    prop_assert!(
        !text.chars().any(|c| c != '\n' && c.is_control()),
        "{text:?}"
    );
    Ok(())
}

fn on_the_globe((lat, lng): (f64, f64)) -> Result<(), TestCaseError> {
    prop_assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng));
    Ok(())
}

#[test]
fn event_forms() {
    let values = (
        (
            field(&["2", "12"], &["", "x", "-1"]),
            text(),
            text(),
            text(),
            field(&["elderly", "community", "health"], &["party", ""]),
            field(&["", "重阳，探访, ,老人", ",,"], &["\n"]),
            field(&["2026-12-05T09:00"], &["", "2026-02-30T09:00", "9:00"]),
            field(
                &["2026-12-05T11:30", "2026-12-05 12:00"],
                &["2026-12-05T09:00", "2026-12-13T09:00"],
            ),
        ),
        (
            text(),
            text(),
            lat(),
            lng(),
            field(&["", "20", "1"], &["0", "-3", "100001", "1e3"]),
            field(&["", "2026-12-04T18:00"], &["2026-12-06T09:00", "tomorrow"]),
            field(&["", "2026-12-05T09:00"], &["2026-12-05T09:01"]),
            text(),
        ),
        (
            text(),
            field(&["", "2", "2.5"], &["-1", "abc"]),
            field(&["", "on"], &["yes"]),
            field(&["", "", "weekly", "monthly"], &["daily"]),
            field(&["", "2027-01-31"], &["2026-13-01"]),
        ),
    );
    holds("event form", values, |(a, b, c)| {
        let fields = EventFields {
            org: a.0.clone(),
            title: a.1.clone(),
            summary: a.2.clone(),
            description: a.3.clone(),
            category: a.4.clone(),
            tags: a.5.clone(),
            starts_at: a.6.clone(),
            ends_at: a.7.clone(),
            place_name: b.0.clone(),
            address: b.1.clone(),
            lat: b.2.clone(),
            lng: b.3.clone(),
            capacity: b.4.clone(),
            signup_deadline: b.5.clone(),
            cancel_deadline: b.6.clone(),
            requirements: b.7.clone(),
            contact: c.0.clone(),
            credit_hours: c.1.clone(),
            walk_ins: c.2.clone(),
            repeat: c.3.clone(),
            repeat_until: c.4.clone(),
        };
        let Ok(event) = fields.check() else {
            return Ok(false);
        };
        prop_assert!(TITLE_CHARS.contains(&event.title.chars().count()));
        one_line_ok(&event.title, usize::MAX)?;
        for line in [
            &event.summary,
            &event.tags,
            &event.place_name,
            &event.address,
        ] {
            one_line_ok(line, LINE_MAX)?;
        }
        paragraphs_ok(&event.description, DESCRIPTION_MAX)?;
        prop_assert!(event.starts_at < event.ends_at);
        prop_assert!(event.ends_at - event.starts_at <= 7 * 24 * 3600);
        for deadline in [event.signup_deadline, event.cancel_deadline]
            .into_iter()
            .flatten()
        {
            prop_assert!(deadline <= event.starts_at);
        }
        prop_assert!(event
            .capacity
            .is_none_or(|n| (1..=CAPACITY_MAX).contains(&n)));
        prop_assert!(event.credit_minutes.is_none_or(|m| m >= 0));
        on_the_globe(event.location)?;
        // The repeat is read separately, once the start is known: it answers too.
        let _ = fields.repeat(event.starts_at);
        Ok(true)
    });
}

#[test]
fn item_forms() {
    let values = (
        field(&["offer", "wanted"], &["gift"]),
        text(),
        text(),
        field(&["books", "furniture"], &["toys"]),
        field(&["good", "like_new"], &["", "broken"]),
        field(&["give", "lend"], &["sell"]),
        text(),
        field(&["520103001", ""], &["999"]),
        lat(),
        lng(),
        field(&["", "", "7"], &["x", "8"]),
    );
    let area = |code: &str| (code == "520103001").then_some((26.59, 106.71));
    let resource = |id: i64| (id == 7).then_some((26.58, 106.70));
    holds("item form", values, |v| {
        let fields = ItemFields {
            kind: v.0.clone(),
            title: v.1.clone(),
            description: v.2.clone(),
            category: v.3.clone(),
            condition: v.4.clone(),
            mode: v.5.clone(),
            pickup_notes: v.6.clone(),
            area: v.7.clone(),
            lat: v.8.clone(),
            lng: v.9.clone(),
            resource: v.10.clone(),
        };
        let Ok(item) = fields.check_at(area, resource) else {
            return Ok(false);
        };
        prop_assert!(ITEM_TITLE_CHARS.contains(&item.title.chars().count()));
        one_line_ok(&item.title, usize::MAX)?;
        paragraphs_ok(&item.description, DESCRIPTION_MAX)?;
        paragraphs_ok(&item.pickup_notes, PICKUP_NOTES_MAX)?;
        on_the_globe((item.cell.lat, item.cell.lng))?;
        prop_assert!(item.resource.is_none_or(|id| id == 7));
        Ok(true)
    });
}

#[test]
fn organisation_and_resource_forms() {
    let values = (
        field(&["ngo", "cooperative"], &["club"]),
        name(),
        text(),
        text(),
        text(),
        lat(),
        lng(),
        text(),
        field(&["", "9:00-17:00"], &["\u{0}"]),
        field(&["", ""], &["91520103MA6DXXXX0X", "12345"]),
    );
    holds("organisation form", values, |v| {
        let fields = OrgFields {
            kind: v.0.clone(),
            name: v.1.clone(),
            description: v.2.clone(),
            services: v.3.clone(),
            address: v.4.clone(),
            lat: v.5.clone(),
            lng: v.6.clone(),
            contact: v.7.clone(),
            opening_hours: v.8.clone(),
            credit_code: v.9.clone(),
        };
        let Ok(org) = fields.check() else {
            return Ok(false);
        };
        prop_assert!(ORG_NAME_CHARS.contains(&org.name.chars().count()));
        one_line_ok(&org.name, usize::MAX)?;
        one_line_ok(&org.address, LINE_MAX)?;
        one_line_ok(&org.contact, LINE_MAX)?;
        paragraphs_ok(&org.description, ORG_DESCRIPTION_MAX)?;
        if let Some(place) = org.location {
            on_the_globe(place)?;
        }
        Ok(true)
    });
    let values = (
        field(&["", "3"], &["x"]),
        field(&["donation_point", "food_bank"], &["shop"]),
        name(),
        text(),
        text(),
        lat(),
        lng(),
        text(),
        text(),
    );
    holds("resource form", values, |v| {
        let fields = ResourceFields {
            org: v.0.clone(),
            kind: v.1.clone(),
            name: v.2.clone(),
            description: v.3.clone(),
            address: v.4.clone(),
            lat: v.5.clone(),
            lng: v.6.clone(),
            opening_hours: v.7.clone(),
            contact: v.8.clone(),
        };
        let Ok(resource) = fields.check() else {
            return Ok(false);
        };
        prop_assert!(ORG_NAME_CHARS.contains(&resource.name.chars().count()));
        one_line_ok(&resource.name, usize::MAX)?;
        one_line_ok(&resource.address, LINE_MAX)?;
        one_line_ok(&resource.contact, LINE_MAX)?;
        on_the_globe(resource.location)?;
        Ok(true)
    });
}

#[test]
fn cooperative_forms() {
    let values = (
        name(),
        field(&["520103001", ""], &["nowhere"]),
        lat(),
        lng(),
        text(),
        text(),
    );
    holds("member form", values, |v| {
        let fields = MemberFields {
            display_name: v.0.clone(),
            area: v.1.clone(),
            lat: v.2.clone(),
            lng: v.3.clone(),
            availability: v.4.clone(),
            situation_note: v.5.clone(),
        };
        let Ok(member) = fields.check(|code| code == "520103001") else {
            return Ok(false);
        };
        prop_assert!(NAME_CHARS.contains(&member.display_name.chars().count()));
        one_line_ok(&member.display_name, usize::MAX)?;
        paragraphs_ok(&member.situation_note, SITUATION_MAX)?;
        match member.place {
            MemberPlace::Cell(cell) => on_the_globe((cell.lat, cell.lng))?,
            MemberPlace::Area(code) => prop_assert_eq!(code, "520103001"),
            MemberPlace::Unknown => {}
        }
        Ok(true)
    });
    let values = (
        name(),
        text(),
        field(&["", "20", "¥12.50"], &["-1", "1e9"]),
        field(&["per_hour", "per_visit"], &["forever"]),
    );
    holds("service form", values, |v| {
        let fields = ServiceFields {
            title: v.0.clone(),
            description: v.1.clone(),
            price: v.2.clone(),
            unit: v.3.clone(),
        };
        let Ok(service) = fields.check() else {
            return Ok(false);
        };
        one_line_ok(&service.title, *ENTRY_TITLE_CHARS.end())?;
        prop_assert!(service.price_fen >= 0);
        Ok(true)
    });
    let values = (name(), text(), field(&["low", "urgent"], &["now"]));
    holds("need form", values, |v| {
        let fields = NeedFields {
            title: v.0.clone(),
            description: v.1.clone(),
            urgency: v.2.clone(),
        };
        let Ok(need) = fields.check() else {
            return Ok(false);
        };
        one_line_ok(&need.title, *ENTRY_TITLE_CHARS.end())?;
        Ok(true)
    });
}

#[test]
fn list_filters() {
    let now = 1_796_000_000;
    let area = |code: &str| (code == "520103001").then_some((26.59, 106.71));
    let values = (
        field(&["", "elderly"], &["party"]),
        field(&["", "today", "week", "weekend", "month"], &["someday"]),
        field(&["", "2026-12-05", "2026-12-31"], &["12/05"]),
        field(&["", "2026-12-06"], &["2025-01-01"]),
        field(&["", "520103001"], &["1"]),
        lat(),
        lng(),
        field(&["", "1", "3", "10"], &["0", "-5"]),
        text(),
        field(&["", "1764300000-17"], &["-1", "1-", "1.5-2"]),
    );
    holds("event filter", values, |v| {
        let filter = EventFilter {
            category: v.0.clone(),
            when: v.1.clone(),
            from: v.2.clone(),
            to: v.3.clone(),
            near: v.4.clone(),
            lat: v.5.clone(),
            lng: v.6.clone(),
            within: v.7.clone(),
            q: v.8.clone(),
            after: v.9.clone(),
        };
        let Ok(wanted) = filter.wanted(now, area) else {
            return Ok(false);
        };
        prop_assert!(wanted.text.chars().count() <= 100);
        prop_assert!(wanted.until.is_none_or(|until| until >= wanted.from));
        if let Some(start) = wanted.after {
            prop_assert_eq!(PageMark::from_query(&start.to_string()), Ok(Some(start)));
        }
        Ok(true)
    });
    let values = (
        field(&["", "offer"], &["gift"]),
        field(&["", "books"], &["toys"]),
        field(&["", "lend"], &["sell"]),
        field(&["", "520103001"], &["1"]),
        lat(),
        lng(),
        field(&["", "1", "3"], &["0"]),
        text(),
        field(&["", "1764300000-17"], &["-1", "1-", "1.5-2"]),
    );
    holds("item filter", values, |v| {
        let filter = ItemFilter {
            kind: v.0.clone(),
            category: v.1.clone(),
            mode: v.2.clone(),
            near: v.3.clone(),
            lat: v.4.clone(),
            lng: v.5.clone(),
            within: v.6.clone(),
            q: v.7.clone(),
            before: v.8.clone(),
        };
        let Ok(wanted) = filter.wanted(area) else {
            return Ok(false);
        };
        prop_assert!(wanted.text.chars().count() <= 100);
        if let Some(start) = wanted.before {
            prop_assert_eq!(PageMark::from_query(&start.to_string()), Ok(Some(start)));
        }
        Ok(true)
    });
}
