//! Server functions of the invited person: see what waits for an answer, accept, decline. Sending
//! and withdrawing belong to the domains that invite (`orgs::team_api`, `help::manage_api`);
//! accepting acts in the domain the invitation is for, so it sits here, above both.

use crate::error::AppError;
use crate::invitations::model::InvitationForMe;
use leptos::prelude::*;

#[server(endpoint = "invitations/mine")]
pub async fn get_my_invitations() -> Result<Vec<InvitationForMe>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    Ok(crate::invitations::db::mine(state.db.pool(), user.id, crate::db::now_unix()).await?)
}

/// Accepts: a coordinator joins the team and goes to the organisation's page; a member's account is
/// linked (with the code the coordinator told them) and they go to their own member page. The
/// inviter is told.
#[server(endpoint = "invitations/accept")]
pub async fn accept_invitation(id: i64, code: Option<String>) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    use crate::invitations::db;
    use crate::invitations::model::{InvitationKind, InvitationStatus};
    use crate::invitations::InvitationRefusal;
    use crate::notifications::model::Notice;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    let invitation = db::open_for(&mut tx, id, user.id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(expected) = &invitation.code {
        if code.as_deref().map(str::trim) != Some(expected.as_str()) {
            // Counted even though the answer is an error: the tries must stick.
            db::wrong_code(&mut tx, id, now).await?;
            tx.commit().await?;
            return Err(InvitationRefusal::CodeWrong.into());
        }
    }
    if !db::inviter_still_may(&mut tx, &invitation).await? {
        return Err(InvitationRefusal::Lapsed.into());
    }
    if !db::answer(&mut tx, id, InvitationStatus::Accepted, user.id, now).await? {
        return Err(AppError::NotFound);
    }
    let (org_id, inviter) = (invitation.org_id, invitation.invited_by);
    let (next, changed) = match (invitation.kind, invitation.member_id) {
        (InvitationKind::Coordinator, _) => {
            use crate::orgs::model::OrgRole;
            let role = OrgRole::Coordinator;
            let added =
                crate::orgs::db::add_member(&mut tx, org_id, user.id, role, inviter, now).await?;
            (format!("/orgs/{org_id}?done=joined"), added)
        }
        (InvitationKind::MemberLink, Some(member)) => {
            crate::help::manage_api::link_by_invitation(&mut tx, member, &user, now).await?;
            let done = crate::help::model::ProxyAction::AccountLinked.as_str();
            (format!("/help/{member}?done={done}"), true)
        }
        (InvitationKind::MemberLink, None) => return Err(AppError::NotFound),
    };
    if changed {
        let notice = Notice::InvitationAccepted {
            org_id,
            org_name: crate::orgs::db::name_of(&mut tx, org_id).await?,
            kind: invitation.kind,
            name: user.display_name.clone(),
        };
        crate::notifications::db::notify(&mut tx, inviter, &notice, now).await?;
    }
    tx.commit().await?;
    leptos_axum::redirect(&next);
    Ok(())
}

/// Declines quietly: the invitation goes from my list; to its organisation it still looks like it
/// waits (see `db`), until it expires.
#[server(endpoint = "invitations/decline")]
pub async fn decline_invitation(id: i64) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    use crate::invitations::model::InvitationStatus;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    crate::invitations::db::open_for(&mut tx, id, user.id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    if !crate::invitations::db::answer(&mut tx, id, InvitationStatus::Declined, user.id, now)
        .await?
    {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
