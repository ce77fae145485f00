//! Server functions of an event's hours, for its organisers (and platform admins): approving and
//! rejecting, honour hours with a reason, and the change history.

use crate::error::AppError;
use crate::events::hours::{HoursEntry, HoursLogEntry};
use crate::events::model::Event;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventHours {
    pub event: Event,
    pub entries: Vec<HoursEntry>,
    pub log: Vec<HoursLogEntry>,
    /// Who holds a seat (participant id, name): honour hours can go to them.
    pub people: Vec<(i64, String)>,
}

#[server(endpoint = "hours/of_event")]
pub async fn get_event_hours(id: i64) -> Result<EventHours, AppError> {
    use crate::events::model::Place;
    let (state, _, event) = crate::events::roster_api::organiser_of(id).await?;
    let pool = state.db.pool();
    let people = crate::events::roster::roster(pool, id)
        .await?
        .into_iter()
        .filter(|entry| entry.place == Place::Going)
        .map(|entry| (entry.participant_id, entry.name))
        .collect();
    Ok(EventHours {
        entries: crate::events::hours::event_hours(pool, id).await?,
        log: crate::events::hours::event_hours_log(pool, id).await?,
        event,
        people,
    })
}

/// Approves (`approve`) or rejects (`reject`, with an optional reason) one record of hours.
#[server(endpoint = "hours/review")]
pub async fn review_hours(
    id: i64,
    hours: i64,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::events::hours::{review, Review, REASON_MAX};
    let (state, actor, _) = crate::events::roster_api::organiser_of(id).await?;
    let decision = match decision.as_str() {
        "approve" => Review::Approve,
        "reject" => Review::Reject,
        _ => return Err(AppError::InvalidInput("decision".into())),
    };
    let reason = crate::fields::one_line(&reason, REASON_MAX)?;
    let mut tx = state.db.begin_write().await?;
    let changed = review(
        &mut tx,
        id,
        hours,
        decision,
        &reason,
        actor,
        crate::db::now_unix(),
    )
    .await?
    .map_err(AppError::from)?;
    tx.commit().await?;
    let done = match (changed, decision) {
        (false, _) => "unchanged",
        (true, Review::Approve) => "approved",
        (true, Review::Reject) => "rejected",
    };
    leptos_axum::redirect(&format!("/events/{id}/hours?done={done}"));
    Ok(())
}

/// Approves every pending record of the event.
#[server(endpoint = "hours/approve_all")]
pub async fn approve_all_hours(id: i64) -> Result<(), AppError> {
    let (state, actor, _) = crate::events::roster_api::organiser_of(id).await?;
    let mut tx = state.db.begin_write().await?;
    let approved =
        crate::events::hours::approve_pending(&mut tx, id, actor, crate::db::now_unix()).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!(
        "/events/{id}/hours?done=approved_all&n={approved}"
    ));
    Ok(())
}

/// Adds honour hours ("1.5") for someone holding a seat, with the reason they are given.
#[server(endpoint = "hours/add_honour")]
pub async fn add_honour_hours(
    id: i64,
    participant: i64,
    hours: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::error::FormRefusal;
    use crate::events::hours::{parse_hours, REASON_MAX};
    let (state, actor, _) = crate::events::roster_api::organiser_of(id).await?;
    let minutes = parse_hours(&hours).ok_or(FormRefusal::CreditHoursInvalid)?;
    let reason = crate::fields::paragraphs(&reason, REASON_MAX)?;
    if reason.is_empty() {
        return Err(FormRefusal::ReasonRequired.into());
    }
    let mut tx = state.db.begin_write().await?;
    let added = crate::events::hours::add_honour(
        &mut tx,
        id,
        participant,
        minutes,
        &reason,
        actor,
        crate::db::now_unix(),
    )
    .await?;
    tx.commit().await?;
    let done = match added.map_err(AppError::from)? {
        (_, crate::events::hours::HoursStatus::Pending) => "added_pending",
        _ => "added",
    };
    leptos_axum::redirect(&format!("/events/{id}/hours?done={done}"));
    Ok(())
}
