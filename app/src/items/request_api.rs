//! Server functions of requests for listings: asking, promising, backing out, confirming the
//! handover and a return, and the thread. Each checks who is asking against the request; the
//! steps themselves live in `requests`.

use super::model::{ItemMode, ItemRequest, ItemStatus, ThreadMessage};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The most a request's first message may hold, in characters.
pub const REQUEST_MESSAGE_MAX: usize = 500;

/// A request's page, for the owner or the asker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    pub request: ItemRequest,
    pub item_mode: ItemMode,
    pub item_status: ItemStatus,
    /// The reader is the listing's owner (the giver); otherwise the asker.
    pub is_owner: bool,
    /// The code the giver shows at the handover: only in the owner's view of a promised request.
    pub handover_code: Option<String>,
    /// The request's address with the code in it, as a QR code for the taker's camera (SVG).
    pub qr_svg: Option<String>,
    pub messages: Vec<ThreadMessage>,
}

/// A message typed into a form: trimmed, not empty, within `max` characters.
#[cfg(feature = "ssr")]
fn message_text(text: &str, max: usize) -> Result<String, AppError> {
    let text = crate::fields::paragraphs(text, max)?;
    if text.is_empty() {
        return Err(crate::error::FormRefusal::MessageEmpty.into());
    }
    Ok(text)
}

#[cfg(feature = "ssr")]
fn step_result(outcome: super::requests::StepOutcome) -> Result<(), AppError> {
    use super::requests::StepOutcome;
    use crate::error::FormRefusal;
    use crate::items::ItemRefusal;
    match outcome {
        StepOutcome::Done => Ok(()),
        StepOutcome::NotNow => Err(ItemRefusal::StepNotNow.into()),
        StepOutcome::NotYours => Err(AppError::Forbidden),
        StepOutcome::WrongCode => Err(ItemRefusal::HandoverCodeWrong.into()),
        StepOutcome::TooManyTries => Err(FormRefusal::TooManyCodeTries.into()),
    }
}

/// The signed-in person and the request, if they are its owner or asker.
#[cfg(feature = "ssr")]
async fn party_to(request_id: i64) -> Result<(crate::state::AppState, i64, ItemRequest), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let mut conn = state.db.pool().acquire().await?;
    let request = super::requests::find(&mut conn, request_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.id != request.owner_id && user.id != request.requester_id {
        return Err(AppError::Forbidden);
    }
    drop(conn);
    Ok((state, user.id, request))
}

#[server(endpoint = "items/ask")]
pub async fn ask_for_item(id: i64, message: String) -> Result<(), AppError> {
    use super::requests::{ask, AskOutcome};
    use crate::accounts::auth::{authorize, Rule};
    use crate::items::ItemRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let message = message_text(&message, REQUEST_MESSAGE_MAX)?;
    let mut tx = state.db.begin_write().await?;
    let outcome = ask(
        &mut tx,
        id,
        user.id,
        &message,
        *state.part::<super::model::ItemLimits>(),
        crate::db::now_unix(),
    )
    .await?;
    let refused = match outcome {
        AskOutcome::Sent(_) => None,
        AskOutcome::OwnItem => Some(ItemRefusal::OwnItem),
        AskOutcome::NotOpen => Some(ItemRefusal::NotOpen),
        AskOutcome::AlreadyAsked => Some(ItemRefusal::AlreadyAsked),
        AskOutcome::TooManyOpen => Some(ItemRefusal::TooManyOpenRequests),
        AskOutcome::TooManyReceived => Some(ItemRefusal::TooManyReceived),
    };
    if let Some(problem) = refused {
        return Err(problem.into());
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/{id}?done=asked"));
    Ok(())
}

#[server(endpoint = "items/withdraw_request")]
pub async fn withdraw_request(request: i64) -> Result<(), AppError> {
    let (state, user, r) = party_to(request).await?;
    let mut tx = state.db.begin_write().await?;
    step_result(super::requests::withdraw(&mut tx, request, user, crate::db::now_unix()).await?)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/{}?done=withdrawn", r.item_id));
    Ok(())
}

/// The owner promises the listing to this asker; lending needs the day it is due back.
#[server(endpoint = "items/promise")]
pub async fn promise_item(request: i64, due: Option<String>) -> Result<(), AppError> {
    let (state, user, r) = party_to(request).await?;
    let now = crate::db::now_unix();
    let mut conn = state.db.pool().acquire().await?;
    let item = super::db::find_in(&mut conn, r.item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let due_at = match item.mode {
        ItemMode::Lend => Some(due_date(due.as_deref().unwrap_or_default(), now)?),
        _ => None,
    };
    let mut tx = state.db.begin_write().await?;
    step_result(super::requests::promise(&mut tx, request, user, due_at, now).await?)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/requests/{request}?done=promised"));
    Ok(())
}

/// The end of the day a lent item is due back: today or later, within a year.
#[cfg(feature = "ssr")]
fn due_date(typed: &str, now: i64) -> Result<i64, AppError> {
    use crate::china_time::{china_day, china_midnight, parse_date};
    use crate::items::ItemRefusal;
    const DAY: i64 = 86_400;
    let day = parse_date(typed).ok_or(ItemRefusal::DueDateInvalid)?;
    let end = china_midnight(day) + DAY - 1;
    let today = china_day(now)
        .map(|(d, _)| china_midnight(d))
        .unwrap_or(now);
    if end < today || end > now + 366 * DAY {
        return Err(ItemRefusal::DueDateInvalid.into());
    }
    Ok(end)
}

#[server(endpoint = "items/back_out")]
pub async fn back_out_of_promise(request: i64) -> Result<(), AppError> {
    let (state, user, r) = party_to(request).await?;
    let mut tx = state.db.begin_write().await?;
    step_result(super::requests::back_out(&mut tx, request, user, crate::db::now_unix()).await?)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/{}?done=backed_out", r.item_id));
    Ok(())
}

/// One side confirms the handover; the taker may type the giver's code (which confirms both).
#[server(endpoint = "items/confirm_handover")]
pub async fn confirm_handover(request: i64, code: Option<String>) -> Result<(), AppError> {
    let (state, user, _) = party_to(request).await?;
    let code = code.filter(|c| !c.trim().is_empty());
    let mut tx = state.db.begin_write().await?;
    let outcome = super::requests::confirm_handover(
        &mut tx,
        request,
        user,
        code.as_deref(),
        crate::db::now_unix(),
    )
    .await?;
    // Committed whatever the outcome: a wrong code is counted (and may change the code).
    tx.commit().await?;
    step_result(outcome)?;
    leptos_axum::redirect(&format!("/items/requests/{request}?done=confirmed"));
    Ok(())
}

#[server(endpoint = "items/confirm_return")]
pub async fn confirm_return(request: i64) -> Result<(), AppError> {
    let (state, user, _) = party_to(request).await?;
    let mut tx = state.db.begin_write().await?;
    step_result(
        super::requests::confirm_return(&mut tx, request, user, crate::db::now_unix()).await?,
    )?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/requests/{request}?done=returned"));
    Ok(())
}

#[server(endpoint = "items/send_message")]
pub async fn send_item_message(request: i64, body: String) -> Result<(), AppError> {
    let (state, user, r) = party_to(request).await?;
    let body = message_text(&body, super::thread::MESSAGE_MAX)?;
    let mut tx = state.db.begin_write().await?;
    super::thread::post(&mut tx, &r, user, &body, crate::db::now_unix()).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/requests/{request}#thread"));
    Ok(())
}

/// A request's page: its state, the handover panel, and the thread.
#[server(endpoint = "items/request")]
pub async fn get_request(id: i64) -> Result<RequestView, AppError> {
    let (state, user, request) = party_to(id).await?;
    let mut conn = state.db.pool().acquire().await?;
    let item = super::db::find_in(&mut conn, request.item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_owner = user == request.owner_id;
    let handover_code = match (is_owner, request.status) {
        (true, super::model::RequestStatus::Promised) => {
            super::requests::handover_code(&mut conn, id).await?
        }
        _ => None,
    };
    let messages = super::thread::messages(&mut conn, id).await?;
    let qr_svg = handover_code.as_deref().map(|code| {
        let headers = use_context::<http::request::Parts>()
            .map(|parts| parts.headers)
            .unwrap_or_default();
        let page = state.public_url(&headers, &format!("/items/requests/{id}"));
        crate::components::qr_svg(&format!("{page}?code={code}"))
    });
    Ok(RequestView {
        request,
        item_mode: item.mode,
        item_status: item.status,
        is_owner,
        handover_code,
        qr_svg,
        messages,
    })
}

/// The owner takes a listing down (available or expired).
#[server(endpoint = "items/withdraw")]
pub async fn withdraw_item(id: i64) -> Result<(), AppError> {
    let (state, owner) = owner_of(id).await?;
    let mut tx = state.db.begin_write().await?;
    if !super::life::withdraw(&mut tx, id, owner, crate::db::now_unix()).await? {
        return Err(crate::items::ItemRefusal::StepNotNow.into());
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/{id}?done=taken_down"));
    Ok(())
}

/// The owner posts an expired or withdrawn listing again for another 30 days.
#[server(endpoint = "items/repost")]
pub async fn repost_item(id: i64) -> Result<(), AppError> {
    let (state, owner) = owner_of(id).await?;
    let mut tx = state.db.begin_write().await?;
    if !super::life::repost(&mut tx, id, owner, crate::db::now_unix()).await? {
        return Err(crate::items::ItemRefusal::StepNotNow.into());
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/items/{id}?done=reposted"));
    Ok(())
}

/// The signed-in person, if they own listing `id`.
#[cfg(feature = "ssr")]
async fn owner_of(id: i64) -> Result<(crate::state::AppState, i64), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let item = super::db::find(state.db.pool(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    if item.owner_id != user.id {
        return Err(AppError::Forbidden);
    }
    Ok((state, user.id))
}
