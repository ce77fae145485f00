//! Calendars (RFC 5545) for phones to import or subscribe to: one event
//! (`/events/{id}/calendar.ics`), an organisation's events (`/orgs/{id}/calendar.ics`) and a
//! person's own events at their secret address (`/me/calendar/{token}/events.ics`). Only events
//! anyone may see, or that the person signed up for; cancelled ones say so, so calendars that
//! imported them can show them struck out.

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
    let Ok(id) = id.parse::<i64>() else {
        return not_found(&headers);
    };
    match app::events::db::find(state.app.db.pool(), id).await {
        Ok(Some(event)) if event.status != EventStatus::Draft && event.org_public => {
            ics_response(&state, &headers, &format!("event-{id}"), &[event])
        }
        Ok(_) => not_found(&headers),
        Err(error) => failed(&headers, error),
    }
}

pub async fn org_ics(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return not_found(&headers);
    };
    let pool = state.app.db.pool();
    match app::orgs::db::find(pool, id).await {
        Ok(Some(_)) => {}
        Ok(None) => return not_found(&headers),
        Err(error) => return failed(&headers, error),
    }
    match app::events::db::org_feed(pool, id, app::db::now_unix()).await {
        Ok(events) => ics_response(&state, &headers, &format!("org-{id}"), &events),
        Err(error) => failed(&headers, error),
    }
}

/// A person's events; the token is the only key, so an unknown one is simply not found.
pub async fn person_ics(
    State(state): State<ServerState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    use app::events::feed::db::{looks_like_token, owner_of};
    if !looks_like_token(&token) {
        return not_found(&headers);
    }
    let pool = state.app.db.pool();
    let user = match owner_of(pool, &token).await {
        Ok(Some(user)) => user,
        Ok(None) => return not_found(&headers),
        Err(error) => return failed(&headers, error),
    };
    match app::events::db::person_feed(pool, user, app::db::now_unix()).await {
        Ok(events) => {
            let mut response = ics_response(&state, &headers, "my-events", &events);
            // Whose events these are is private: no shared cache may keep them.
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            response
        }
        Err(error) => failed(&headers, error),
    }
}

fn not_found(headers: &HeaderMap) -> Response {
    let lang = lang_from_headers(headers);
    (StatusCode::NOT_FOUND, app::locales::errors::not_found(lang)).into_response()
}

fn failed(headers: &HeaderMap, error: impl Into<app::error::AppError>) -> Response {
    let lang = lang_from_headers(headers);
    let error: app::error::AppError = error.into();
    (error.status(), error.message(lang)).into_response()
}

fn ics_response(
    state: &ServerState,
    headers: &HeaderMap,
    name: &str,
    events: &[Event],
) -> Response {
    let calendar = calendar_of(events, |id| {
        state.app.public_url(headers, &format!("/events/{id}"))
    });
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}.ics\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        calendar,
    )
        .into_response()
}

/// The calendar text of some events; `url_of` gives each event's page address.
pub fn calendar_of(events: &[Event], url_of: impl Fn(i64) -> String) -> String {
    let mut calendar = Calendar::new();
    calendar.name("云益享 Yunyixiang");
    for event in events {
        calendar.push(calendar_event(event, &url_of(event.id)));
    }
    calendar.done().to_string()
}

fn calendar_event(event: &Event, url: &str) -> icalendar::Event {
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
    item.done()
}
