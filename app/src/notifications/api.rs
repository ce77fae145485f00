//! Server functions of the inbox: read, count, mark read, and the email choices.

use super::model::{EmailSettings, InboxEntry, SmsSettings};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "notifications/inbox")]
pub async fn get_inbox() -> Result<Vec<InboxEntry>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    Ok(super::db::inbox(state.db.pool(), user.id).await?)
}

/// Unread notifications of the signed-in person; 0 for a visitor (the tab bar asks on every page).
#[server(endpoint = "notifications/unread")]
pub async fn get_unread_count() -> Result<i64, AppError> {
    let state = crate::state::use_app_state()?;
    match crate::accounts::auth::current_user(&state).await? {
        Some(user) => Ok(user.unread_notifications),
        None => Ok(0),
    }
}

/// Marks a notification read and goes to what it is about.
#[server(endpoint = "notifications/open")]
pub async fn open_notification(id: i64) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let mut tx = state.db.begin_write().await?;
    let notice = super::db::mark_read(&mut tx, user.id, id, crate::db::now_unix()).await?;
    tx.commit().await?;
    let notice = notice.ok_or(AppError::NotFound)?;
    leptos_axum::redirect(&notice.link());
    Ok(())
}

#[server(endpoint = "notifications/mark_all_read")]
pub async fn mark_all_read() -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let mut tx = state.db.begin_write().await?;
    super::db::mark_all_read(&mut tx, user.id, crate::db::now_unix()).await?;
    tx.commit().await?;
    Ok(())
}

#[server(endpoint = "notifications/email_settings")]
pub async fn get_email_settings() -> Result<EmailSettings, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    Ok(EmailSettings {
        has_email_address: super::db::has_email_address(state.db.pool(), user.id).await?,
        choices: super::db::email_choices(state.db.pool(), user.id).await?,
    })
}

/// Turns email on or off for one kind of notification.
#[server(endpoint = "notifications/set_email")]
pub async fn set_email(kind: String, email: bool) -> Result<(), AppError> {
    use super::model::NoticeKind;
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let kind = NoticeKind::parse(&kind).ok_or_else(|| AppError::InvalidInput("kind".into()))?;
    let mut tx = state.db.begin_write().await?;
    super::db::set_email_choice(&mut tx, user.id, kind, email).await?;
    tx.commit().await?;
    Ok(())
}

#[server(endpoint = "notifications/sms_settings")]
pub async fn get_sms_settings() -> Result<SmsSettings, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let contact = super::db::contact_kind(state.db.pool(), user.id).await?;
    let (has_mobile, proved) = match contact {
        Some((kind, proved)) if kind == "mobile" => (true, proved),
        _ => (false, false),
    };
    Ok(SmsSettings {
        has_mobile,
        proved,
        choices: super::db::sms_choices(state.db.pool(), user.id).await?,
        per_month: state.part::<super::model::SmsMonthlyCap>().0,
    })
}

/// Turns SMS on or off for one kind of notification (one that goes by SMS at all).
#[server(endpoint = "notifications/set_sms")]
pub async fn set_sms(kind: String, sms: bool) -> Result<(), AppError> {
    use super::model::NoticeKind;
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let kind = NoticeKind::parse(&kind)
        .filter(|kind| kind.has_sms())
        .ok_or_else(|| AppError::InvalidInput("kind".into()))?;
    let mut tx = state.db.begin_write().await?;
    super::db::set_sms_choice(&mut tx, user.id, kind, sms).await?;
    tx.commit().await?;
    Ok(())
}
