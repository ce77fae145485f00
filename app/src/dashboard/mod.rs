//! Dashboards and impact (PRODUCT §2.6): what coordinators, the support centre and funders see —
//! figures by month for one organisation or the whole platform, each counted by a tested query.

pub mod figures;
pub mod period;
