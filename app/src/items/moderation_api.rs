//! Server functions of reports: anyone signed in reports a listing; admins see the queue and
//! decide.

use super::model::ReportedItem;
use crate::error::AppError;
use leptos::prelude::*;

/// The most a report's details may hold, in characters.
pub const REPORT_DETAILS_MAX: usize = 300;

#[server(endpoint = "items/report")]
pub async fn report_item(id: i64, reason: String, details: String) -> Result<(), AppError> {
    use super::model::ReportReason;
    use super::moderation::{report, ReportOutcome};
    use crate::accounts::auth::{authorize, Rule};
    use crate::items::ItemRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let reason = ReportReason::parse(reason.trim()).ok_or(ItemRefusal::ReportReasonInvalid)?;
    let details = crate::fields::paragraphs(&details, REPORT_DETAILS_MAX)?;
    let mut tx = state.db.begin_write().await?;
    match report(
        &mut tx,
        id,
        user.id,
        reason,
        &details,
        crate::db::now_unix(),
    )
    .await?
    {
        ReportOutcome::Reported { .. } => {}
        ReportOutcome::AlreadyReported => return Err(ItemRefusal::AlreadyReported.into()),
        ReportOutcome::OwnItem => return Err(ItemRefusal::OwnItem.into()),
        ReportOutcome::NotFound => return Err(AppError::NotFound),
    }
    tx.commit().await?;
    // The listing may be hidden now: the reporter goes back to the list.
    leptos_axum::redirect("/items?done=reported");
    Ok(())
}

#[server(endpoint = "items/moderation_queue")]
pub async fn moderation_queue() -> Result<Vec<ReportedItem>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::Admin).await?;
    Ok(super::moderation::queue(state.db.pool()).await?)
}

/// `decision` is `restore` or `remove`; a warning, if written, goes to the poster.
#[server(endpoint = "items/moderate")]
pub async fn moderate_item(id: i64, decision: String, warning: String) -> Result<(), AppError> {
    use super::moderation::{decide, Decision};
    use crate::accounts::auth::{authorize, Rule};
    use crate::items::ItemRefusal;
    let state = crate::state::use_app_state()?;
    let admin = authorize(&state, Rule::Admin).await?;
    let decision = match decision.as_str() {
        "restore" => Decision::Restore,
        "remove" => Decision::Remove,
        _ => return Err(AppError::InvalidInput("decision".into())),
    };
    let warning = crate::fields::paragraphs(&warning, 500)?;
    let mut tx = state.db.begin_write().await?;
    let now = crate::db::now_unix();
    if !decide(&mut tx, id, admin.id, decision, Some(&warning), now).await? {
        return Err(ItemRefusal::StepNotNow.into());
    }
    tx.commit().await?;
    leptos_axum::redirect("/admin/items?done=moderated");
    Ok(())
}
