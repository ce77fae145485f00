//! `/orgs/{id}/report.csv` and `/admin/report.csv`: the impact report's table as a spreadsheet,
//! for the same people as the report page and for the same months (`?from=2026-01&to=2026-06`).
//! Aggregates only, yet not public: it stays out of every cache.

use super::spreadsheet::{csv_bytes, csv_download};
use super::{signed_in, ServerState};
use app::accounts::auth::{permit, Rule};
use app::dashboard::api::load;
use app::dashboard::columns::{spreadsheet, Group};
use app::error::AppError;
use app::i18n::lang_from_headers;
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use std::collections::HashMap;

/// The query's `from` and `to` months, as the report's period form sends them (either may be
/// empty or absent; anything else in the query is ignored).
type Months = HashMap<String, String>;

fn month_field<'a>(months: &'a Months, name: &str) -> &'a str {
    months.get(name).map_or("", String::as_str)
}

pub async fn org_report_csv(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    Query(months): Query<Months>,
    headers: HeaderMap,
) -> Response {
    let table = async {
        let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
        let user = signed_in(&state, &headers).await?;
        permit(&state.app, user, Rule::OrgStaffOrAdmin(id)).await?;
        let board = load::org_board(
            &state.app,
            id,
            month_field(&months, "from"),
            month_field(&months, "to"),
        )
        .await?;
        let name = format!(
            "report-org-{id}-{}-{}.csv",
            board.period.first.key(),
            board.period.last.key()
        );
        Ok((name, board.groups(), board.months))
    };
    respond(&headers, table.await)
}

pub async fn platform_report_csv(
    State(state): State<ServerState>,
    Query(months): Query<Months>,
    headers: HeaderMap,
) -> Response {
    let table = async {
        let user = signed_in(&state, &headers).await?;
        permit(&state.app, user, Rule::Admin).await?;
        let board = load::platform_board(
            &state.app,
            month_field(&months, "from"),
            month_field(&months, "to"),
        )
        .await?;
        let name = format!(
            "report-platform-{}-{}.csv",
            board.period.first.key(),
            board.period.last.key()
        );
        Ok((name, Group::of_platform(), board.months))
    };
    respond(&headers, table.await)
}

type Table = (
    String,
    Vec<Group>,
    Vec<app::dashboard::figures::MonthFigures>,
);

/// The file (headings in the reader's language), or the refusal with its reason.
fn respond(headers: &HeaderMap, table: Result<Table, AppError>) -> Response {
    let lang = lang_from_headers(headers);
    let (name, groups, months) = match table {
        Ok(table) => table,
        Err(error) => return (error.status(), error.message(lang)).into_response(),
    };
    match csv_bytes(spreadsheet(&groups, &months, lang)) {
        Ok(bytes) => csv_download(&name, bytes),
        Err(error) => {
            tracing::error!(%error, "report: could not write the CSV");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                app::locales::errors::internal(lang),
            )
                .into_response()
        }
    }
}
