//! Server functions of events: the public list and page, joining and leaving, and the forms
//! organisers use. Each one checks who is asking.

use super::filter::{EventFilter, PageMark};
use super::input::EventFields;
use super::model::{Event, EventSummary, Place};
use super::series::SeriesInfo;
use crate::areas::model::Area;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An event in the list, with how far it is from the place the list is measured from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventCard {
    pub event: EventSummary,
    pub distance_m: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventList {
    pub cards: Vec<EventCard>,
    /// Where the next page starts, if more events match.
    pub later: Option<PageMark>,
    /// The areas one may measure distance from.
    pub areas: Vec<Area>,
    /// The reader runs an organisation (or the platform) and may add events.
    pub can_create: bool,
}

/// An event for its page, with the reader's place and rights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub event: Event,
    pub place: Option<Place>,
    pub signed_in: bool,
    /// The reader runs the organisation holding it (or is a platform admin).
    pub can_manage: bool,
    /// Now, by the server's clock: whether sign-up is open is decided with it.
    pub now: i64,
    /// The page's full address, to share.
    pub share_url: String,
    /// The series it belongs to, if it repeats.
    pub series: Option<SeriesInfo>,
}

/// What the create/edit form needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFormData {
    /// The event edited, or the one copied into a new form.
    pub event: Option<Event>,
    pub orgs: Vec<(i64, String)>,
    /// The series of the event edited: the form asks whether the edit is for later ones too.
    pub series: Option<SeriesInfo>,
}

#[cfg(feature = "ssr")]
mod access {
    use super::super::model::{Event, EventStatus};
    use crate::accounts::model::SessionUser;
    use crate::error::AppError;
    use crate::state::AppState;

    /// Whether `user` runs the events of `org_id`: its owner and coordinators, and platform admins.
    pub async fn may_manage(
        state: &AppState,
        user: &SessionUser,
        org_id: i64,
    ) -> Result<bool, AppError> {
        Ok(user.is_admin
            || crate::accounts::auth::role_in_org(state.db.pool(), org_id, user.id)
                .await?
                .is_some())
    }

    /// The event, if this reader may see it: drafts and events of rejected organisations only
    /// for the people who run it.
    pub async fn visible_event(
        state: &AppState,
        user: Option<&SessionUser>,
        id: i64,
    ) -> Result<(Event, bool), AppError> {
        let event = super::super::db::find(state.db.pool(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        let can_manage = match user {
            Some(user) => may_manage(state, user, event.org_id).await?,
            None => false,
        };
        let public = event.status != EventStatus::Draft && event.org_public;
        if !public && !can_manage {
            return Err(AppError::NotFound);
        }
        Ok((event, can_manage))
    }

    /// The event for someone who must run it: 404 when it does not exist, 403 when not theirs.
    pub async fn managed_event(
        state: &AppState,
        user: &SessionUser,
        id: i64,
    ) -> Result<Event, AppError> {
        let event = super::super::db::find(state.db.pool(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !may_manage(state, user, event.org_id).await? {
            return Err(AppError::Forbidden);
        }
        Ok(event)
    }
}

#[cfg(feature = "ssr")]
pub(super) use access::visible_event as visible_event_for;

/// A page of the upcoming published events that match the filters, soonest first, with distances
/// when a place is chosen. Unreadable filters are a 400 naming the filter.
#[server(endpoint = "events/list")]
pub async fn list_events(filter: EventFilter) -> Result<EventList, AppError> {
    use crate::geo::LatLng;
    let state = crate::state::use_app_state()?;
    let pool = state.db.pool();
    let areas = crate::areas::cache::areas(&state).await?;
    let now = crate::db::now_unix();
    let wanted = filter
        .wanted(now, |code| {
            areas
                .iter()
                .find(|a| a.code == code)
                .map(|a| (a.lat, a.lng))
        })
        .map_err(|bad| AppError::InvalidInput(bad.0.to_string()))?;
    let query = super::db::ListQuery {
        category: wanted.category,
        from: wanted.from,
        until: wanted.until,
        text: wanted.text,
        area: wanted.origin.as_ref().and_then(|o| o.bounds()),
        after: wanted.after,
    };
    let page = super::db::upcoming(pool, &query, super::db::PAGE_SIZE).await?;
    let cards = page
        .events
        .into_iter()
        .filter_map(|event| {
            let distance_m = match &wanted.origin {
                Some(origin) => Some(origin.distance_to(LatLng::new(event.lat, event.lng))?),
                None => None,
            };
            Some(EventCard { event, distance_m })
        })
        .collect();
    let can_create = crate::accounts::auth::current_user(&state)
        .await?
        .is_some_and(|user| user.is_admin || user.in_an_org);
    Ok(EventList {
        cards,
        later: page.later,
        areas: areas.to_vec(),
        can_create,
    })
}

#[server(endpoint = "events/get")]
pub async fn get_event(id: i64) -> Result<EventView, AppError> {
    let state = crate::state::use_app_state()?;
    let user = crate::accounts::auth::current_user(&state).await?;
    let (event, can_manage) = access::visible_event(&state, user.as_ref(), id).await?;
    let place = match &user {
        Some(user) => super::signup::place_of(state.db.pool(), id, user.id).await?,
        None => None,
    };
    let headers = use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    let now = crate::db::now_unix();
    let series = super::series_db::info(state.db.pool(), &event, can_manage, now).await?;
    Ok(EventView {
        event,
        place,
        signed_in: user.is_some(),
        can_manage,
        now,
        share_url: state.public_url(&headers, &format!("/events/{id}")),
        series,
    })
}

/// Takes a seat, or a place on the waitlist when the event is full, and comes back to the event
/// page saying which (`?done=going`, `waitlisted`, `already`, `closed`).
#[server(endpoint = "events/join")]
pub async fn join_event(id: i64) -> Result<(), AppError> {
    use super::model::JoinOutcome;
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    access::visible_event(&state, Some(&user), id).await?;
    let mut tx = state.db.begin_write().await?;
    let outcome = super::signup::join(&mut tx, id, user.id, crate::db::now_unix()).await?;
    tx.commit().await?;
    let done = match outcome {
        JoinOutcome::Joined(Place::Going) => "going",
        JoinOutcome::Joined(Place::Waitlisted { .. }) => "waitlisted",
        JoinOutcome::AlreadyIn(_) => "already",
        JoinOutcome::SignupClosed | JoinOutcome::NotOpen => "closed",
    };
    leptos_axum::redirect(&format!("/events/{id}?done={done}"));
    Ok(())
}

/// Gives up a seat or a waitlist place (`?done=left`, or `too_late` after the cancellation
/// deadline).
#[server(endpoint = "events/leave")]
pub async fn leave_event(id: i64) -> Result<(), AppError> {
    use super::model::LeaveOutcome;
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    access::visible_event(&state, Some(&user), id).await?;
    let mut tx = state.db.begin_write().await?;
    let outcome = super::signup::leave(&mut tx, id, user.id, crate::db::now_unix()).await?;
    tx.commit().await?;
    let done = match outcome {
        LeaveOutcome::Left | LeaveOutcome::NotIn => "left",
        LeaveOutcome::TooLate => "too_late",
    };
    leptos_axum::redirect(&format!("/events/{id}?done={done}"));
    Ok(())
}

/// The form to add an event (`id` none; `copy` fills it from an event to duplicate) or edit one.
#[server(endpoint = "events/form")]
pub async fn event_form(id: Option<i64>, copy: Option<i64>) -> Result<EventFormData, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let event = match id.or(copy) {
        Some(id) => Some(access::managed_event(&state, &user, id).await?),
        None => None,
    };
    let orgs = crate::orgs::db::org_choices(state.db.pool(), user.id, user.is_admin).await?;
    if orgs.is_empty() {
        return Err(AppError::Forbidden);
    }
    // A copy is a new event of its own: only an edit carries the series.
    let series = match (&event, id) {
        (Some(event), Some(_)) => {
            let now = crate::db::now_unix();
            super::series_db::info(state.db.pool(), event, true, now).await?
        }
        _ => None,
    };
    Ok(EventFormData {
        event,
        orgs,
        series,
    })
}

/// Adds an event as a draft, or published at once when `publish` is set; with `event[repeat]`
/// it is the first of a series whose next occurrences are made at once.
#[server(endpoint = "events/create")]
pub async fn create_event(event: EventFields, publish: Option<String>) -> Result<(), AppError> {
    use super::model::EventStatus;
    use crate::accounts::auth::{authorize, Rule};
    use crate::events::EventRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let runs_one = !crate::orgs::db::org_choices(state.db.pool(), user.id, user.is_admin)
        .await?
        .is_empty();
    if !runs_one {
        return Err(AppError::Forbidden);
    }
    let details = event.check()?;
    let repeat = event.repeat(details.starts_at)?;
    if !access::may_manage(&state, &user, details.org_id).await? {
        return Err(EventRefusal::OrgInvalid.into());
    }
    let status = if publish.is_some() {
        EventStatus::Published
    } else {
        EventStatus::Draft
    };
    let mut tx = state.db.begin_write().await?;
    let now = crate::db::now_unix();
    let id = super::db::insert(&mut tx, &details, status, Some(user.id), now).await?;
    if let Some(repeat) = repeat {
        super::series_db::start(&mut tx, id, &details, repeat, status, Some(user.id), now).await?;
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}?done=saved"));
    Ok(())
}

/// Saves an edit unless someone saved since `version`. More seats seat the people waiting at
/// once; fewer than the people already holding one are refused. For an occurrence of a series,
/// `scope=future` saves it to this and every later occurrence; a single event with
/// `event[repeat]` becomes the first of a series.
#[server(endpoint = "events/update")]
pub async fn update_event(
    id: i64,
    version: i64,
    event: EventFields,
    scope: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    use crate::error::FormRefusal;
    use crate::events::EventRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let current = access::managed_event(&state, &user, id).await?;
    let details = event.check()?;
    let repeat = event.repeat(details.starts_at)?;
    if !access::may_manage(&state, &user, details.org_id).await? {
        return Err(EventRefusal::OrgInvalid.into());
    }
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    // Hours are checked against the event's length: once some are recorded, the times stay (or
    // one organiser could stretch the event, add hours that count at once, and shrink it back).
    let moved = (details.starts_at, details.ends_at) != (current.starts_at, current.ends_at);
    if moved && super::hours::any_recorded(&mut tx, id).await? {
        return Err(EventRefusal::TimeLocked.into());
    }
    if current.series_id.is_some() && super::series::all_future(scope.as_deref()) {
        super::series_db::edit_future(&mut tx, &current, version, &details, now).await?;
        tx.commit().await?;
        leptos_axum::redirect(&format!("/events/{id}?done=saved"));
        return Ok(());
    }
    let taken = super::signup::lock_for_edit(&mut tx, id).await?;
    if details.capacity.is_some_and(|c| c < taken) {
        return Err(EventRefusal::CapacityBelowTaken.into());
    }
    if !super::db::update(&mut tx, id, version, &details, now).await? {
        return Err(FormRefusal::EditConflict.into());
    }
    // More seats on an open event go to the people waiting, at once.
    if current.status == super::model::EventStatus::Published {
        super::signup::fill_free_seats(&mut tx, id, &details.title, now).await?;
    }
    if let (None, Some(repeat)) = (current.series_id, repeat) {
        let by = Some(user.id);
        super::series_db::start(&mut tx, id, &details, repeat, current.status, by, now).await?;
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}?done=saved"));
    Ok(())
}

/// Makes a draft public (with `scope=future`, also every later occurrence of its series, and
/// the ones the series makes from now on).
#[server(endpoint = "events/publish")]
pub async fn publish_event(id: i64, scope: Option<String>) -> Result<(), AppError> {
    use super::model::EventStatus;
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let event = access::managed_event(&state, &user, id).await?;
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    let moved = if event.series_id.is_some() && super::series::all_future(scope.as_deref()) {
        super::series_db::publish_future(&mut tx, &event, now).await? > 0
    } else {
        super::db::set_status(&mut tx, id, EventStatus::Draft, EventStatus::Published, now).await?
    };
    tx.commit().await?;
    leptos_axum::redirect(&format!(
        "/events/{id}?done={}",
        if moved { "published" } else { "unchanged" }
    ));
    Ok(())
}

/// Calls an event off; everyone holding a seat or waiting is told. With `scope=future`, also
/// every later occurrence of its series, which then ends.
#[server(endpoint = "events/cancel")]
pub async fn cancel_event(id: i64, scope: Option<String>) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let event = access::managed_event(&state, &user, id).await?;
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    let moved = if event.series_id.is_some() && super::series::all_future(scope.as_deref()) {
        super::series_db::cancel_future(&mut tx, &event, now).await? > 0
    } else {
        super::signup::cancel(&mut tx, id, &event.title, now).await?
    };
    tx.commit().await?;
    leptos_axum::redirect(&format!(
        "/events/{id}?done={}",
        if moved { "cancelled" } else { "unchanged" }
    ));
    Ok(())
}
