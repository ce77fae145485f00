//! Dashboards and impact (PRODUCT §2.6): what coordinators, the support centre and funders see —
//! figures by month for one organisation or the whole platform, each counted by a tested query,
//! drawn as server-side SVG charts beside tables of the same numbers.

pub mod api;
pub mod chart;
pub mod columns;
pub mod figures;
mod org_page;
mod page;
pub mod period;
mod platform_page;
mod public_card;
mod refusals;
mod report_page;
mod sections;
pub use refusals::PeriodRefusal;

pub use org_page::OrgDashboardPage;
pub use platform_page::PlatformDashboardPage;
pub use public_card::ImpactCard;
pub use report_page::{OrgReportPage, PlatformReportPage};
