//! Every figure a dashboard or report shows, once: its key, its name, which group it belongs to,
//! its unit and where it comes from. The dashboards' tables, the report and its CSV all read this
//! list, so they cannot name or count a figure differently.

use super::figures::MonthFigures;
use crate::i18n::Lang;
use crate::numbers;

/// A figure's name in the reader's language.
pub type Label = crate::locales::Text;
/// A figure of one month.
pub type Figure = fn(&MonthFigures) -> i64;

/// The sections figures are shown in, each with its own "how it is counted".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    People,
    Orgs,
    Events,
    Hours,
    Items,
    Services,
}

impl Group {
    pub fn key(self) -> &'static str {
        match self {
            Group::People => "people",
            Group::Orgs => "orgs",
            Group::Events => "events",
            Group::Hours => "hours",
            Group::Items => "items",
            Group::Services => "services",
        }
    }

    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            Group::People => crate::locales::dashboard::people_heading(lang),
            Group::Orgs => crate::locales::dashboard::orgs_heading(lang),
            Group::Events => crate::locales::dashboard::events_heading(lang),
            Group::Hours => crate::locales::dashboard::hours_heading(lang),
            Group::Items => crate::locales::dashboard::items_heading(lang),
            Group::Services => crate::locales::dashboard::services_heading(lang),
        }
    }

    pub fn how(self, lang: Lang) -> &'static str {
        match self {
            Group::People => crate::locales::dashboard::people_how(lang),
            Group::Orgs => crate::locales::dashboard::orgs_how(lang),
            Group::Events => crate::locales::dashboard::events_how(lang),
            Group::Hours => crate::locales::dashboard::hours_how(lang),
            Group::Items => crate::locales::dashboard::items_how(lang),
            Group::Services => crate::locales::dashboard::services_how(lang),
        }
    }

    /// The figures its chart stacks, with the class that colours each.
    pub fn charted(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Group::People => &[("active_users", "chart__bar--credit")],
            Group::Orgs => &[("new_orgs", "chart__bar--events")],
            Group::Events => &[("held", "chart__bar--events")],
            Group::Hours => &[
                ("credit", "chart__bar--credit"),
                ("honour", "chart__bar--honour"),
            ],
            Group::Items => &[("items_given", "chart__bar--honour")],
            Group::Services => &[("done", "chart__bar--services")],
        }
    }

    /// The groups of an organisation's board: items only where it runs a community resource,
    /// services only for a cooperative.
    pub fn of_org(resources: bool, cooperative: bool) -> Vec<Group> {
        let mut groups = vec![Group::Events, Group::Hours];
        if resources {
            groups.push(Group::Items);
        }
        if cooperative {
            groups.push(Group::Services);
        }
        groups
    }

    /// The groups of every organisation together (the platform adds its own).
    pub const ALL_ORGS: [Group; 4] = [Group::Events, Group::Hours, Group::Items, Group::Services];

    /// The platform's: its people and organisations, then every organisation's figures.
    pub fn of_platform() -> Vec<Group> {
        [Group::People, Group::Orgs]
            .into_iter()
            .chain(Group::ALL_ORGS)
            .collect()
    }
}

/// How a figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Count,
    /// Stored as minutes, shown as hours.
    Minutes,
    /// Stored as fen, shown as yuan.
    Fen,
}

impl Unit {
    /// For a table or a chart: grouped digits, hours, yuan.
    pub fn show(self, n: i64) -> String {
        self.formatter()(n)
    }

    pub fn formatter(self) -> fn(i64) -> String {
        match self {
            Unit::Count => numbers::grouped,
            Unit::Minutes => numbers::hours,
            Unit::Fen => numbers::yuan,
        }
    }

    /// For a headline: Chinese counts in 万 and 亿 (`numbers::headline`), hours and yuan too once
    /// they are that large.
    pub fn headline(self, n: i64, lang: Lang) -> String {
        match self {
            Unit::Count => numbers::headline(n, lang),
            Unit::Minutes if n / 60 >= 10_000 => numbers::headline(n / 60, lang),
            Unit::Fen if n / 100 >= 10_000 => format!("¥{}", numbers::headline(n / 100, lang)),
            _ => self.show(n),
        }
    }

    /// For a spreadsheet: plain numbers it can add up (`1234`, `12.5` hours, `123.45` yuan).
    pub fn raw(self, n: i64) -> String {
        match self {
            Unit::Count => n.to_string(),
            Unit::Minutes => crate::numbers::format_hours(n),
            Unit::Fen => format!("{}.{:02}", n / 100, (n % 100).abs()),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Column {
    /// `data-column` in tables, `data-series` in charts.
    pub key: &'static str,
    pub group: Group,
    pub label: Label,
    pub unit: Unit,
    pub figure: Figure,
    /// Whether the months add up: the same person is one of each month's active users, so those
    /// have no total.
    pub adds_up: bool,
}

impl Column {
    /// The period's total, when the months add up.
    pub fn total(&self, months: &[MonthFigures]) -> Option<i64> {
        self.adds_up.then(|| months.iter().map(self.figure).sum())
    }
}

pub const COLUMNS: &[Column] = &[
    Column {
        key: "active_users",
        group: Group::People,
        label: crate::locales::dashboard::active_users,
        unit: Unit::Count,
        figure: |f| f.active_users,
        adds_up: false,
    },
    Column {
        key: "new_orgs",
        group: Group::Orgs,
        label: crate::locales::dashboard::new_orgs,
        unit: Unit::Count,
        figure: |f| f.new_orgs,
        adds_up: true,
    },
    Column {
        key: "held",
        group: Group::Events,
        label: crate::locales::dashboard::held,
        unit: Unit::Count,
        figure: |f| f.events_held,
        adds_up: true,
    },
    Column {
        key: "places",
        group: Group::Events,
        label: crate::locales::dashboard::places,
        unit: Unit::Count,
        figure: |f| f.places_taken,
        adds_up: true,
    },
    Column {
        key: "attended",
        group: Group::Events,
        label: crate::locales::dashboard::attended,
        unit: Unit::Count,
        figure: |f| f.attended,
        adds_up: true,
    },
    Column {
        key: "credit",
        group: Group::Hours,
        label: crate::locales::dashboard::credit_hours,
        unit: Unit::Minutes,
        figure: |f| f.credit_minutes,
        adds_up: true,
    },
    Column {
        key: "honour",
        group: Group::Hours,
        label: crate::locales::dashboard::honour_hours,
        unit: Unit::Minutes,
        figure: |f| f.honour_minutes,
        adds_up: true,
    },
    Column {
        key: "total",
        group: Group::Hours,
        label: crate::locales::dashboard::total_hours,
        unit: Unit::Minutes,
        figure: |f| f.credit_minutes + f.honour_minutes,
        adds_up: true,
    },
    Column {
        key: "items_given",
        group: Group::Items,
        label: crate::locales::dashboard::items_given,
        unit: Unit::Count,
        figure: |f| f.items_given,
        adds_up: true,
    },
    Column {
        key: "booked",
        group: Group::Services,
        label: crate::locales::dashboard::booked,
        unit: Unit::Count,
        figure: |f| f.services_booked,
        adds_up: true,
    },
    Column {
        key: "done",
        group: Group::Services,
        label: crate::locales::dashboard::done,
        unit: Unit::Count,
        figure: |f| f.services_done,
        adds_up: true,
    },
    Column {
        key: "income",
        group: Group::Services,
        label: crate::locales::dashboard::income,
        unit: Unit::Fen,
        figure: |f| f.income_fen,
        adds_up: true,
    },
];

/// The columns of `group`, in order.
pub fn of_group(group: Group) -> impl Iterator<Item = &'static Column> {
    COLUMNS.iter().filter(move |c| c.group == group)
}

/// The column called `key` (every key a page asks for is one of ours).
pub fn column(key: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.key == key)
}

/// The report as a spreadsheet's rows: a heading row, one row per month (`2026-03`, so a
/// spreadsheet can sort it) and the totals, every figure a plain number.
pub fn spreadsheet(groups: &[Group], months: &[MonthFigures], lang: Lang) -> Vec<Vec<String>> {
    let columns: Vec<&Column> = groups.iter().flat_map(|g| of_group(*g)).collect();
    let heading = std::iter::once(crate::locales::dashboard::month_column(lang).to_string())
        .chain(columns.iter().map(|c| (c.label)(lang).to_string()))
        .collect();
    let by_month = months.iter().map(|row| {
        std::iter::once(row.month.map(|m| m.key()).unwrap_or_default())
            .chain(columns.iter().map(|c| c.unit.raw((c.figure)(row))))
            .collect()
    });
    let totals = std::iter::once(crate::locales::dashboard::total_row(lang).to_string())
        .chain(
            columns
                .iter()
                .map(|c| c.total(months).map(|n| c.unit.raw(n)).unwrap_or_default()),
        )
        .collect();
    std::iter::once(heading)
        .chain(by_month)
        .chain(std::iter::once(totals))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_spreadsheets_get_plain_numbers() {
        for (i, a) in COLUMNS.iter().enumerate() {
            assert!(COLUMNS[i + 1..].iter().all(|b| b.key != a.key), "{}", a.key);
        }
        assert_eq!(Unit::Fen.raw(12_345), "123.45");
        assert_eq!(Unit::Fen.raw(500), "5.00");
        assert_eq!(Unit::Minutes.raw(90), "1.5");
        assert_eq!(Unit::Count.raw(31_245), "31245");
        assert_eq!(Unit::Count.show(31_245), "31,245");
        assert_eq!(Unit::Count.headline(31_245, Lang::Zh), "3.1万");
        assert_eq!(Unit::Minutes.headline(90, Lang::Zh), "1.5");
        assert_eq!(Unit::Minutes.headline(60 * 12_000, Lang::Zh), "1.2万");
        assert_eq!(Unit::Fen.headline(100 * 25_000, Lang::Zh), "¥2.5万");
        assert_eq!(Unit::Fen.headline(100 * 25_000, Lang::En), "¥25,000");
    }

    #[test]
    fn the_spreadsheet_has_a_row_per_month_and_the_totals() {
        use super::super::period::Month;
        let month = |m, held, credit, fen| MonthFigures {
            month: Month::new(2026, m),
            events_held: held,
            credit_minutes: credit,
            income_fen: fen,
            ..MonthFigures::default()
        };
        let months = [month(3, 2, 90, 0), month(4, 1, 30, 1250)];
        let rows = spreadsheet(
            &[Group::Events, Group::Hours, Group::Services],
            &months,
            crate::i18n::Lang::En,
        );
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0][..3], ["Month", "Events held", "Places"]);
        assert_eq!(rows[1][..2], ["2026-03", "2"]);
        assert_eq!(rows[3][..2], ["Total", "3"]);
        let credit = rows[0].iter().position(|h| h == "Credited").unwrap();
        assert_eq!(
            (rows[1][credit].as_str(), rows[3][credit].as_str()),
            ("1.5", "2")
        );
        assert_eq!(rows[3].last().map(String::as_str), Some("12.50"));
        assert!(rows.iter().all(|row| row.len() == rows[0].len()));
    }

    #[test]
    fn active_users_have_no_total() {
        let month = MonthFigures {
            active_users: 3,
            events_held: 2,
            ..MonthFigures::default()
        };
        let months = [month.clone(), month];
        assert_eq!(column("active_users").unwrap().total(&months), None);
        assert_eq!(column("held").unwrap().total(&months), Some(4));
        let rows = spreadsheet(&[Group::People], &months, crate::i18n::Lang::Zh);
        assert_eq!(rows[3], ["合计", ""]);
    }

    #[test]
    fn boards_show_their_groups() {
        assert_eq!(
            Group::of_org(false, false),
            vec![Group::Events, Group::Hours]
        );
        assert_eq!(
            Group::of_org(true, true),
            vec![Group::Events, Group::Hours, Group::Items, Group::Services]
        );
        assert_eq!(Group::of_platform()[..2], [Group::People, Group::Orgs]);
        assert_eq!(Group::of_platform().len(), 6);
    }
}
