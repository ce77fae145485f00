//! The dashboards' server functions: an organisation's figures for its own people (and platform
//! admins), for the period the reader chose.

use super::figures::MonthFigures;
use super::period::Period;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An organisation's dashboard: each month's figures over the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgBoard {
    pub org_id: i64,
    pub org_name: String,
    /// Cooperatives also see their members' services.
    pub is_cooperative: bool,
    /// Organisations running a community resource also see the things handed out there.
    pub runs_resources: bool,
    pub period: Period,
    pub months: Vec<MonthFigures>,
    /// When this was counted.
    pub now: i64,
}

impl OrgBoard {
    /// The figure groups it shows.
    pub fn groups(&self) -> Vec<super::columns::Group> {
        super::columns::Group::of_org(self.runs_resources, self.is_cooperative)
    }
}

/// The platform's dashboard: every organisation's figures together, and what waits for admins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlatformBoard {
    pub period: Period,
    pub months: Vec<MonthFigures>,
    pub state: super::figures::PlatformState,
    /// When this was counted (the queues' ages are from it).
    pub now: i64,
}

/// For platform admins only.
#[server(endpoint = "dashboard/platform")]
pub async fn platform_dashboard(from: String, to: String) -> Result<PlatformBoard, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::Admin).await?;
    load::platform_board(&state, &from, &to).await
}

/// `from` and `to` are months as the form sends them (`2026-01`); empty ones take the twelve
/// months up to this one.
#[server(endpoint = "dashboard/org")]
pub async fn org_dashboard(org: i64, from: String, to: String) -> Result<OrgBoard, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgStaffOrAdmin(org)).await?;
    load::org_board(&state, org, &from, &to).await
}

/// The boards, counted for someone already allowed to see them (the pages' server functions and
/// the report's spreadsheet share them).
#[cfg(feature = "ssr")]
pub mod load {
    use super::super::figures::{monthly, platform_state, Scope};
    use super::super::period::{Month, Period};
    use super::{OrgBoard, PlatformBoard};
    use crate::dashboard::PeriodRefusal;
    use crate::error::AppError;
    use crate::state::AppState;

    /// The period the form asks for, as of `now` (empty: the twelve months up to this one).
    fn chosen_period(from: &str, to: &str, now: i64) -> Result<Period, AppError> {
        let today = Month::of(now).ok_or(AppError::Internal)?;
        Ok(Period::from_form(from, to, today).ok_or(PeriodRefusal::PeriodInvalid)?)
    }

    pub async fn platform_board(
        state: &AppState,
        from: &str,
        to: &str,
    ) -> Result<PlatformBoard, AppError> {
        let now = crate::db::now_unix();
        let period = chosen_period(from, to, now)?;
        let mut conn = state.db.pool().acquire().await?;
        let months = monthly(&mut conn, Scope::Platform, &period, now).await?;
        let platform = platform_state(&mut conn).await?;
        Ok(PlatformBoard {
            period,
            months,
            state: platform,
            now,
        })
    }

    pub async fn org_board(
        state: &AppState,
        org: i64,
        from: &str,
        to: &str,
    ) -> Result<OrgBoard, AppError> {
        let record = crate::orgs::db::find(state.db.pool(), org)
            .await?
            .ok_or(AppError::NotFound)?;
        let now = crate::db::now_unix();
        let period = chosen_period(from, to, now)?;
        let mut conn = state.db.pool().acquire().await?;
        let months = monthly(&mut conn, Scope::Org(org), &period, now).await?;
        let (resources,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM community_resources WHERE org_id = $1")
                .bind(org)
                .fetch_one(&mut *conn)
                .await?;
        Ok(OrgBoard {
            runs_resources: resources > 0,
            org_id: org,
            org_name: record.details.name,
            is_cooperative: record.details.kind == crate::orgs::model::OrgKind::Cooperative,
            period,
            months,
            now,
        })
    }
}

/// The public figures of the last twelve months: of organisation `org`, or of the whole platform
/// (no `org`). Anyone may read them: they are aggregates only (`figures::PublicFigures`).
#[server(endpoint = "dashboard/public")]
pub async fn public_figures(org: Option<i64>) -> Result<super::figures::PublicFigures, AppError> {
    use super::figures::{public_totals, Scope};
    let state = crate::state::use_app_state()?;
    let now = crate::db::now_unix();
    let since = now - 365 * 86_400;
    let scope = org.map_or(Scope::Platform, Scope::Org);
    let mut conn = state.db.pool().acquire().await?;
    Ok(public_totals(&mut conn, scope, since, now).await?)
}
