//! Server functions of the platform admins' verification queue.

use super::model::PendingOrg;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "orgs/review_queue")]
pub async fn review_queue() -> Result<Vec<PendingOrg>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::Admin).await?;
    Ok(super::db::pending(state.db.pool()).await?)
}

/// Verifies an organisation, marks it as a partner, or rejects it with a reason.
#[server(endpoint = "orgs/review")]
pub async fn review_org(
    org_id: i64,
    decision: String,
    reason: Option<String>,
    /// The version the admin saw; the admins' forms always send it.
    #[server(default)]
    version: Option<i64>,
) -> Result<(), AppError> {
    use super::model::{ReviewDecision, Verification};
    use crate::accounts::auth::{authorize, Rule};
    use crate::error::FormRefusal;
    let state = crate::state::use_app_state()?;
    let admin = authorize(&state, Rule::Admin).await?;
    let decision = ReviewDecision::parse(&decision)
        .ok_or_else(|| AppError::InvalidInput("decision".into()))?;
    let outcome = decision.outcome();
    let reason = reason
        .as_deref()
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|r| !r.is_empty());
    let reason = match (outcome, reason) {
        (Verification::Rejected, None) => return Err(FormRefusal::ReasonRequired.into()),
        (Verification::Rejected, Some(r)) if r.chars().count() > 500 => {
            return Err(FormRefusal::TextTooLong.into())
        }
        (Verification::Rejected, reason) => reason,
        _ => None,
    };
    let mut tx = state.db.begin_write().await?;
    let now = crate::db::now_unix();
    let reviewed = super::db::review_version(
        &mut tx,
        org_id,
        version,
        outcome,
        reason.as_deref(),
        admin.id,
        now,
    )
    .await?;
    if !reviewed {
        // Edited while the admin read it: they must look at what it says now.
        return Err(
            match (version, super::db::find(state.db.pool(), org_id).await?) {
                (Some(_), Some(_)) => FormRefusal::EditConflict.into(),
                _ => AppError::NotFound,
            },
        );
    }
    // Everyone who runs the organisation hears the outcome.
    let org_name = super::db::name_of(&mut tx, org_id).await?;
    let notice = crate::notifications::model::Notice::OrgReviewed {
        org_id,
        org_name,
        outcome,
        reason,
    };
    for member in super::db::member_ids(&mut tx, org_id).await? {
        crate::notifications::db::notify(&mut tx, member, &notice, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
