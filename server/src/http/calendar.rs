//! `/events/{id}/calendar.ics`: one event for the phone's calendar (RFC 5545). Only events anyone
//! may see; a cancelled one says so, so calendars that imported it can show it struck out.

use super::ServerState;
use app::events::model::{Event, EventStatus};
use app::i18n::lang_from_headers;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use icalendar::{Calendar, Component, EventLike, EventStatus as IcsStatus};

pub async fn event_ics(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let t = lang_from_headers(&headers).texts();
    let not_found = || (StatusCode::NOT_FOUND, t.errors.not_found).into_response();
    let Ok(id) = id.parse::<i64>() else {
        return not_found();
    };
    let event = match app::events::db::find(state.app.db.pool(), id).await {
        Ok(Some(event)) if event.status != EventStatus::Draft && event.org_public => event,
        Ok(_) => return not_found(),
        Err(error) => {
            let error = app::error::AppError::from(error);
            return (error.status(), error.message(t)).into_response();
        }
    };
    let url = state.app.public_url(&headers, &format!("/events/{id}"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"event-{id}.ics\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        calendar_of(&event, &url),
    )
        .into_response()
}

/// The calendar text of one event.
pub fn calendar_of(event: &Event, url: &str) -> String {
    let at = |unix: i64| chrono::DateTime::from_timestamp(unix, 0).unwrap_or_default();
    let place = [event.place_name.as_str(), event.address.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("，");
    let mut description = format!("{}\n{}", event.org_name, event.summary);
    if !event.description.is_empty() {
        description = format!("{description}\n\n{}", event.description);
    }
    let mut item = icalendar::Event::new();
    item.uid(&format!("event-{}@yunyixiang", event.id))
        .summary(&event.title)
        .description(description.trim())
        .location(&place)
        .starts(at(event.starts_at))
        .ends(at(event.ends_at))
        .url(url)
        .add_property("GEO", format!("{:.6};{:.6}", event.lat, event.lng));
    if event.status == EventStatus::Cancelled {
        item.status(IcsStatus::Cancelled);
    } else {
        item.status(IcsStatus::Confirmed);
    }
    let mut calendar = Calendar::new();
    calendar.name("云益享 Yunyixiang").push(item.done());
    calendar.done().to_string()
}
