//! `/events/{id}/roster.csv`: the roster as a spreadsheet for the event's organisers. Contact
//! details are personal data: only organisers get it, and nothing stores a copy on the way.

use super::spreadsheet::{csv_bytes, csv_download, spreadsheet_text};
use super::{signed_in, ServerState};
use app::events::model::Place;
use app::i18n::{dates::format_date_time, lang_from_headers};
use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

pub async fn roster_csv(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_from_headers(&headers);
    let refuse =
        |error: app::error::AppError| (error.status(), error.message(lang)).into_response();
    let Ok(id) = id.parse::<i64>() else {
        return refuse(app::error::AppError::NotFound);
    };
    match organiser_roster(&state, &headers, id).await {
        Ok(entries) => match csv_bytes(rows(&entries, lang)) {
            Ok(bytes) => csv_download(&format!("roster-{id}.csv"), bytes),
            Err(error) => {
                tracing::error!(%error, "roster: could not write the CSV");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    app::locales::errors::internal(lang),
                )
                    .into_response()
            }
        },
        Err(error) => refuse(error),
    }
}

/// The roster, if the person whose session this is runs the event (or is a platform admin).
async fn organiser_roster(
    state: &ServerState,
    headers: &HeaderMap,
    id: i64,
) -> Result<Vec<app::events::roster::RosterEntry>, app::error::AppError> {
    use app::error::AppError;
    let pool = state.app.db.pool();
    let user = signed_in(state, headers)
        .await?
        .ok_or(AppError::SignInRequired)?;
    let event = app::events::db::find(pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let allowed = user.is_admin
        || app::accounts::auth::role_in_org(pool, event.org_id, user.id)
            .await?
            .is_some();
    if !allowed {
        return Err(AppError::Forbidden);
    }
    Ok(app::events::roster::roster(pool, id).await?)
}

/// The roster's rows, headings in the reader's language.
fn rows(entries: &[app::events::roster::RosterEntry], lang: app::i18n::Lang) -> Vec<Vec<String>> {
    use app::locales::events;
    let heading = [
        events::roster_name,
        events::roster_contact,
        events::roster_status,
        events::roster_joined_at,
        events::roster_by_hand,
    ]
    .map(|text| text(lang).to_string())
    .to_vec();
    let people = entries.iter().map(|entry| {
        let status = match entry.place {
            Place::Going => events::mine_going(lang).to_string(),
            Place::Waitlisted { position } => app::t!(lang, events::roster_waiting { n: position }),
        };
        vec![
            spreadsheet_text(&entry.name),
            spreadsheet_text(&entry.contact),
            status,
            format_date_time(entry.joined_at, lang, None),
            if entry.by_hand {
                events::roster_by_hand(lang).to_string()
            } else {
                String::new()
            },
        ]
    });
    std::iter::once(heading).chain(people).collect()
}
