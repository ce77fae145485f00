//! Server functions of check-in: the organisers' code screen, a participant checking in and out
//! with the code, and organisers marking attendance on the roster.

use super::hours::HoursStatus;
use super::model::{Event, Place};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the organisers' check-in screen shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckinScreen {
    pub event: Event,
    /// The code to show now; none outside the event's check-in window.
    pub code: Option<String>,
    /// A QR code (SVG) of the check-in address with the code in it.
    pub qr_svg: String,
    /// The check-in address without the code, for people who type it.
    pub checkin_url: String,
    /// Seconds until the next code.
    pub next_code_in: i64,
    /// When codes start and stop working (unix seconds).
    pub opens_at: i64,
    pub closes_at: i64,
    pub seated: i64,
    pub checked_in: i64,
}

/// A participant's own check-in state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyCheckin {
    pub event: Event,
    pub place: Option<Place>,
    pub checked_in_at: Option<i64>,
    pub checked_out_at: Option<i64>,
    /// Credit hours recorded for this attendance, and where their approval stands.
    pub credit: Option<(i64, HoursStatus)>,
    pub window_open: bool,
    /// The event welcomes people who did not sign up.
    pub walk_ins: bool,
}

#[server(endpoint = "events/checkin_screen")]
pub async fn get_checkin_screen(id: i64) -> Result<CheckinScreen, AppError> {
    use super::attendance::{code_at, window_open, MARGIN_SECONDS, ROTATE_SECONDS};
    use super::model::EventStatus;
    let (state, _, event) = super::roster_api::organiser_of(id).await?;
    let now = crate::db::now_unix();
    let on = matches!(
        event.status,
        EventStatus::Published | EventStatus::Completed
    );
    let code = if on && window_open(event.starts_at, event.ends_at, now) {
        // Only the first showing writes (to make the secret); every refresh after it reads.
        let secret = match super::checkin::stored_secret(state.db.pool(), id).await? {
            Some(secret) => secret,
            None => {
                let mut tx = state.db.begin_write().await?;
                let secret = super::checkin::secret_of(&mut tx, id).await?;
                tx.commit().await?;
                secret
            }
        };
        Some(code_at(&secret, id, now))
    } else {
        None
    };
    let headers = use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    let checkin_url = state.public_url(&headers, &format!("/events/{id}/checkin"));
    let qr_svg = code
        .as_deref()
        .map(|code| crate::components::qr_svg(&format!("{checkin_url}?code={code}")))
        .unwrap_or_default();
    let (seated, checked_in) = super::checkin::counts(state.db.pool(), id).await?;
    Ok(CheckinScreen {
        opens_at: event.starts_at - MARGIN_SECONDS,
        closes_at: event.ends_at + MARGIN_SECONDS,
        event,
        code,
        qr_svg,
        checkin_url,
        next_code_in: ROTATE_SECONDS - now.rem_euclid(ROTATE_SECONDS),
        seated,
        checked_in,
    })
}

#[server(endpoint = "events/my_checkin")]
pub async fn get_my_checkin(id: i64) -> Result<MyCheckin, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let (event, _) = super::api::visible_event_for(&state, Some(&user), id).await?;
    let pool = state.db.pool();
    let place = super::signup::place_of(pool, id, user.id).await?;
    let mine = super::checkin::attendance_of(pool, id, user.id).await?;
    Ok(MyCheckin {
        window_open: super::attendance::window_open(
            event.starts_at,
            event.ends_at,
            crate::db::now_unix(),
        ),
        walk_ins: mine.walk_ins,
        event,
        place,
        checked_in_at: mine.checked_in_at,
        checked_out_at: mine.checked_out_at,
        credit: mine.credit,
    })
}

/// Checks the caller in with the code shown at the event, or out if they are in
/// (`?done=in` / `out&m=<minutes>` / `already`).
#[server(endpoint = "events/check_in")]
pub async fn check_in(id: i64, code: String) -> Result<(), AppError> {
    use super::checkin::CheckinOutcome;
    use crate::accounts::auth::{authorize, Rule};
    use crate::error::FormRefusal;
    use crate::events::EventRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    super::api::visible_event_for(&state, Some(&user), id).await?;
    let mut tx = state.db.begin_write().await?;
    let outcome =
        super::checkin::check_in(&mut tx, id, user.id, &code, crate::db::now_unix()).await?;
    tx.commit().await?;
    let done = match outcome {
        CheckinOutcome::CheckedIn => "in".to_string(),
        CheckinOutcome::CheckedOut { minutes } => format!("out&m={minutes}"),
        CheckinOutcome::AlreadyDone => "already".to_string(),
        CheckinOutcome::WrongCode => return Err(EventRefusal::CheckinCodeWrong.into()),
        CheckinOutcome::TooManyTries => return Err(FormRefusal::TooManyCodeTries.into()),
        CheckinOutcome::Closed => return Err(EventRefusal::CheckinClosed.into()),
        CheckinOutcome::NotJoined => return Err(EventRefusal::CheckinNotJoined.into()),
    };
    leptos_axum::redirect(&format!("/events/{id}/checkin?done={done}"));
    Ok(())
}

/// An organiser marks someone present (`attended`) or absent (`no_show`) on the roster.
#[server(endpoint = "events/mark_attendance")]
pub async fn mark_attendance(
    id: i64,
    participant: i64,
    attendance: String,
) -> Result<(), AppError> {
    use super::hours::{self, Attendance};
    use crate::events::EventRefusal;
    let (state, actor, event) = super::roster_api::organiser_of(id).await?;
    let attendance = Attendance::parse(&attendance)
        .ok_or_else(|| AppError::InvalidInput("attendance".into()))?;
    let now = crate::db::now_unix();
    if now < event.starts_at - super::attendance::MARGIN_SECONDS {
        return Err(EventRefusal::AttendanceTooEarly.into());
    }
    let mut tx = state.db.begin_write().await?;
    let marked = hours::mark_attendance(&mut tx, id, participant, attendance, actor, now).await?;
    tx.commit().await?;
    marked.map_err(AppError::from)?;
    leptos_axum::redirect(&format!("/events/{id}/roster?done=marked"));
    Ok(())
}

/// After the event: everyone holding a seat who was not marked present is recorded as a no-show.
#[server(endpoint = "events/record_no_shows")]
pub async fn record_no_shows(id: i64) -> Result<(), AppError> {
    use crate::events::EventRefusal;
    let (state, _, event) = super::roster_api::organiser_of(id).await?;
    let now = crate::db::now_unix();
    if !event.has_ended(now) {
        return Err(EventRefusal::NotOver.into());
    }
    let mut tx = state.db.begin_write().await?;
    let recorded = super::hours::record_no_shows(&mut tx, id, now).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}/roster?done=no_shows&n={recorded}"));
    Ok(())
}
