//! Server functions of bookings and offers of help: a resident asks (only for a service or need
//! their own card of the member shows them), the member's side — the member through their linked
//! account, or a coordinator of the cooperative acting for them — answers and confirms it was
//! done, and the resident may cancel or say thanks. The steps themselves live in `bookings`.

use super::records::Booking;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const TIME_PREFERENCE_MAX: usize = 100;
pub const BOOKING_MESSAGE_MAX: usize = 500;
pub const THANKS_MAX: usize = 300;

/// Which side of a booking the reader is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingSide {
    /// The resident who asked.
    Resident,
    /// The member, through their linked account.
    Member,
    /// A coordinator of the member's cooperative, answering for them (logged).
    Coordinator,
}

/// A booking's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingView {
    pub booking: Booking,
    pub side: BookingSide,
    /// The member's name, as the reader's own card of the member shows it.
    pub member_name: Option<String>,
}

/// The signed-in person, the booking, and their side of it (others are refused).
#[cfg(feature = "ssr")]
async fn side_of(
    booking_id: i64,
) -> Result<
    (
        crate::state::AppState,
        crate::accounts::model::SessionUser,
        Booking,
        BookingSide,
    ),
    AppError,
> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let mut conn = state.db.pool().acquire().await?;
    let booking = super::bookings::find(&mut conn, booking_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let member = super::db::find_member(&mut conn, booking.member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let staff = crate::accounts::auth::role_in_org(state.db.pool(), booking.org_id, user.id)
        .await?
        .is_some();
    // A coordinator who booked for themselves is the resident here: someone else answers.
    let side = if booking.resident_id == Some(user.id) {
        BookingSide::Resident
    } else if member.user_id == Some(user.id) && !member.deleted {
        BookingSide::Member
    } else if staff {
        BookingSide::Coordinator
    } else {
        return Err(AppError::Forbidden);
    };
    Ok((state, user, booking, side))
}

#[cfg(feature = "ssr")]
fn step_result(step: super::bookings::BookingStep) -> Result<(), AppError> {
    match step {
        super::bookings::BookingStep::Done => Ok(()),
        super::bookings::BookingStep::NotNow => {
            Err(crate::help::HelpRefusal::BookingStepNotNow.into())
        }
    }
}

#[server(endpoint = "help/booking")]
pub async fn get_booking(id: i64) -> Result<BookingView, AppError> {
    use super::model::{FieldGroup, Viewer};
    let (state, user, booking, side) = side_of(id).await?;
    let mut conn = state.db.pool().acquire().await?;
    let records = super::card::Records::of_member(&mut conn, booking.member_id).await?;
    drop(conn);
    // The resident sees the member's name only while their own card of the member shows it.
    let (member_name, name_is_private) = match &records {
        Some(records) => {
            let viewer = match side {
                BookingSide::Resident => Viewer::Resident,
                BookingSide::Member => Viewer::Member,
                BookingSide::Coordinator => Viewer::Coordinator,
            };
            let card = records.card(viewer, &records.members[0]);
            let private = card.private_groups.contains(&FieldGroup::Name);
            (card.name, private)
        }
        None => (None, false),
    };
    // A name that is not public, shown to someone other than the member, is a logged view (P3).
    if let (Some(records), Some(_), true) = (&records, &member_name, name_is_private) {
        let looker = super::api::Looker::for_user(&state, Some(user)).await?;
        let shown = super::db::Shown {
            groups: &[FieldGroup::Name],
            situation_note: false,
        };
        let mut tx = state.db.begin_write().await?;
        looker
            .log(
                &mut tx,
                &records.members[0],
                shown,
                super::db::ViewedVia::Page,
                crate::db::now_unix(),
            )
            .await?;
        tx.commit().await?;
    }
    Ok(BookingView {
        booking,
        side,
        member_name,
    })
}

/// A resident books a service (`kind` "service") or offers help with a need ("help"), by its id.
#[server(endpoint = "help/book")]
pub async fn book_help(
    kind: String,
    target: i64,
    time_preference: String,
    message: String,
) -> Result<(), AppError> {
    use super::bookings::{book, BookOutcome, BookingRequest};
    use crate::accounts::auth::{authorize, Rule};
    use crate::fields::{one_line, paragraphs};
    use crate::help::HelpRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    use super::model::BookingKind;
    let kind = BookingKind::parse(kind.trim()).ok_or(HelpRefusal::ChoiceInvalid)?;
    let time_preference = one_line(&time_preference, TIME_PREFERENCE_MAX)?;
    let message = paragraphs(&message, BOOKING_MESSAGE_MAX)?;
    let looker = super::api::Looker::now(&state).await?;
    let mut tx = state.db.begin_write().await?;
    // Only what the resident's own card of the member shows can be asked for.
    let member_id: Option<i64> = match kind {
        BookingKind::Service => {
            sqlx::query_scalar("SELECT member_id FROM coop_services WHERE id = $1")
        }
        BookingKind::Help => sqlx::query_scalar("SELECT member_id FROM coop_needs WHERE id = $1"),
    }
    .bind(target)
    .fetch_optional(&mut *tx)
    .await?;
    let records = match member_id {
        Some(member) => super::card::Records::of_member(&mut tx, member).await?,
        None => None,
    };
    let Some(records) = records else {
        return Err(HelpRefusal::NotOpen.into());
    };
    let card = records.card(looker.viewer(&records.members[0]), &records.members[0]);
    let shown = match kind {
        BookingKind::Service => card.services.iter().flatten().any(|s| s.id == target),
        BookingKind::Help => card.needs.iter().flatten().any(|n| n.id == target),
    };
    if !shown {
        return Err(HelpRefusal::NotOpen.into());
    }
    let request = BookingRequest {
        kind,
        target,
        time_preference: &time_preference,
        message: &message,
    };
    let id = match book(&mut tx, user.id, request, crate::db::now_unix()).await? {
        BookOutcome::Booked(id) => id,
        BookOutcome::NotOpen => return Err(HelpRefusal::NotOpen.into()),
        BookOutcome::OwnService => return Err(HelpRefusal::OwnService.into()),
    };
    tx.commit().await?;
    leptos_axum::redirect(&format!("/help/bookings/{id}?done=booked"));
    Ok(())
}

/// The member's side accepts or declines a request, or confirms an accepted booking was done
/// (`to`: "accepted", "declined" or "done"). A coordinator answering is written to the proxy log.
#[server(endpoint = "help/answer")]
pub async fn answer_booking(booking: i64, to: String) -> Result<(), AppError> {
    use super::bookings::{answer, MemberSide};
    use crate::help::HelpRefusal;
    let (state, user, found, side) = side_of(booking).await?;
    let to = super::model::BookingStatus::parse(to.trim()).ok_or(HelpRefusal::ChoiceInvalid)?;
    let acting = match side {
        BookingSide::Member => MemberSide::Member(user.id),
        BookingSide::Coordinator => MemberSide::Coordinator(user.id, &user.display_name),
        BookingSide::Resident => return Err(AppError::Forbidden),
    };
    let mut tx = state.db.begin_write().await?;
    step_result(answer(&mut tx, &found, acting, to, crate::db::now_unix()).await?)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/help/bookings/{booking}?done={}", to.as_str()));
    Ok(())
}

/// The resident takes back a booking or offer that is not done yet.
#[server(endpoint = "help/cancel")]
pub async fn cancel_booking(booking: i64) -> Result<(), AppError> {
    let (state, _, found, side) = side_of(booking).await?;
    if side != BookingSide::Resident {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin_write().await?;
    step_result(super::bookings::cancel(&mut tx, &found, crate::db::now_unix()).await?)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/help/bookings/{booking}?done=cancelled"));
    Ok(())
}

/// The resident says thanks once it was done (once).
#[server(endpoint = "help/thank")]
pub async fn thank_for_booking(booking: i64, text: String) -> Result<(), AppError> {
    use crate::error::FormRefusal;
    let (state, _, found, side) = side_of(booking).await?;
    if side != BookingSide::Resident {
        return Err(AppError::Forbidden);
    }
    let text = crate::fields::paragraphs(&text, THANKS_MAX)?;
    if text.is_empty() {
        return Err(FormRefusal::MessageEmpty.into());
    }
    let mut tx = state.db.begin_write().await?;
    step_result(super::bookings::thank(&mut tx, &found, &text, crate::db::now_unix()).await?)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/help/bookings/{booking}?done=thanked"));
    Ok(())
}

/// The reader's own bookings and offers, newest first (for 我的).
#[server(endpoint = "help/my-bookings")]
pub async fn my_bookings() -> Result<Vec<Booking>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let mut conn = state.db.pool().acquire().await?;
    Ok(super::bookings::of_resident(&mut conn, user.id).await?)
}
