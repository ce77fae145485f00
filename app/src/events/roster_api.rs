//! Server functions of the roster: only an event's organisers (and platform admins) call them.

use super::model::Event;
use super::roster::RosterEntry;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub event: Event,
    pub entries: Vec<RosterEntry>,
    /// Now, by the server's clock: attendance can be marked once the event is near.
    pub now: i64,
}

/// The longest message to everyone holding a place.
pub const MESSAGE_MAX: usize = 500;
#[cfg(feature = "ssr")]
const NAME_MAX: usize = 40;

#[cfg(feature = "ssr")]
pub(crate) async fn organiser_of(
    id: i64,
) -> Result<(crate::state::AppState, i64, Event), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let event = super::db::find(state.db.pool(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = authorize(&state, Rule::OrgStaffOrAdmin(event.org_id)).await?;
    Ok((state, user.id, event))
}

#[server(endpoint = "events/roster")]
pub async fn event_roster(id: i64) -> Result<Roster, AppError> {
    let (state, _, event) = organiser_of(id).await?;
    let entries = super::roster::roster(state.db.pool(), id).await?;
    Ok(Roster {
        event,
        entries,
        now: crate::db::now_unix(),
    })
}

/// Adds someone without the app by name and phone (`?done=added` or `closed`).
#[server(endpoint = "events/add_person")]
pub async fn add_person(id: i64, name: String, phone: String) -> Result<(), AppError> {
    use super::model::JoinOutcome;
    use crate::error::FormRefusal;
    use crate::fields::one_line;
    let (state, actor, _) = organiser_of(id).await?;
    let name = one_line(&name, NAME_MAX)?;
    if name.chars().count() < 1 {
        return Err(FormRefusal::DisplayNameInvalid.into());
    }
    let phone: String = phone
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !(phone.is_empty()
        || (5..=20).contains(&phone.len()) && phone.chars().all(|c| c.is_ascii_digit() || c == '+'))
    {
        return Err(FormRefusal::ContactInvalid.into());
    }
    let mut tx = state.db.begin_write().await?;
    let outcome =
        super::roster::add_by_hand(&mut tx, id, &name, &phone, actor, crate::db::now_unix())
            .await?;
    tx.commit().await?;
    let done = match outcome {
        JoinOutcome::Joined(_) | JoinOutcome::AlreadyIn(_) => "added",
        JoinOutcome::SignupClosed | JoinOutcome::NotOpen => "closed",
    };
    leptos_axum::redirect(&format!("/events/{id}/roster?done={done}"));
    Ok(())
}

/// Takes someone off the roster; the first person waiting gets the seat.
#[server(endpoint = "events/remove_person")]
pub async fn remove_person(id: i64, participant: i64) -> Result<(), AppError> {
    let (state, actor, _) = organiser_of(id).await?;
    let mut tx = state.db.begin_write().await?;
    let removed =
        super::signup::remove(&mut tx, id, participant, actor, crate::db::now_unix()).await?;
    tx.commit().await?;
    if !removed {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/events/{id}/roster?done=removed"));
    Ok(())
}

/// Writes to everyone holding a seat or waiting (their inbox, and email if they chose it).
#[server(endpoint = "events/message")]
pub async fn message_participants(id: i64, text: String) -> Result<(), AppError> {
    use crate::error::FormRefusal;
    use crate::notifications::{db::notify, model::Notice};
    let (state, _, event) = organiser_of(id).await?;
    let text = crate::fields::paragraphs(&text, MESSAGE_MAX)?;
    if text.is_empty() {
        return Err(FormRefusal::MessageEmpty.into());
    }
    let now = crate::db::now_unix();
    let notice = Notice::EventMessage {
        event_id: id,
        title: event.title,
        text,
    };
    let mut tx = state.db.begin_write().await?;
    let people = super::signup::people_with_places(&mut tx, id).await?;
    for person in &people {
        notify(&mut tx, *person, &notice, now).await?;
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}/roster?done=sent&n={}", people.len()));
    Ok(())
}
