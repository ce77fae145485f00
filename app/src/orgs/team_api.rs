//! Server functions of an organisation's team: its owner invites coordinators (who join once they
//! accept, see `invitations`) and removes them.

use super::model::TeamMember;
use crate::error::AppError;
use crate::invitations::model::SentInvitation;
use leptos::prelude::*;

#[server(endpoint = "orgs/team")]
pub async fn get_team(org_id: i64) -> Result<Vec<TeamMember>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgStaff(org_id)).await?;
    Ok(super::db::team(state.db.pool(), org_id).await?)
}

/// Invites the holder of this mobile number or email to coordinate the organisation. The answer
/// is the same whether or not an account holds it; they join once they accept.
#[server(endpoint = "orgs/invite_coordinator")]
pub async fn invite_coordinator(org_id: i64, contact: String) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    use crate::accounts::contact::Contact;
    use crate::invitations::{db as invitations, model::InvitationKind};
    let state = crate::state::use_app_state()?;
    let owner = authorize(&state, Rule::OrgOwner(org_id)).await?;
    let contact = Contact::parse(&contact).ok_or(crate::error::FormRefusal::ContactInvalid)?;
    let invitation = invitations::Invitation {
        kind: InvitationKind::Coordinator,
        org_id,
        member_id: None,
        contact: contact.as_str(),
        invited_by: owner.id,
    };
    let mut tx = state.db.begin_write().await?;
    let org_name = super::db::name_of(&mut tx, org_id).await?;
    let now = crate::db::now_unix();
    invitations::send(&mut tx, &invitation, &org_name, now)
        .await?
        .into_result()?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/orgs/{org_id}/edit?done=invited#team-heading"));
    Ok(())
}

/// The owner's recent coordinator invitations, waiting or declined.
#[server(endpoint = "orgs/invitations")]
pub async fn get_sent_invitations(org_id: i64) -> Result<Vec<SentInvitation>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgOwner(org_id)).await?;
    let now = crate::db::now_unix();
    Ok(crate::invitations::db::sent_coordinator_invitations(state.db.pool(), org_id, now).await?)
}

#[server(endpoint = "orgs/withdraw_invitation")]
pub async fn withdraw_invitation(org_id: i64, id: i64) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgOwner(org_id)).await?;
    let mut tx = state.db.begin_write().await?;
    let now = crate::db::now_unix();
    if !crate::invitations::db::withdraw_coordinator(&mut tx, org_id, id, now).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

#[server(endpoint = "orgs/remove_coordinator")]
pub async fn remove_coordinator(org_id: i64, user_id: i64) -> Result<(), AppError> {
    use super::db::RemoveMember;
    use crate::accounts::auth::{authorize, Rule};
    use crate::orgs::OrgRefusal;
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgOwner(org_id)).await?;
    let mut tx = state.db.begin_write().await?;
    let outcome = super::db::remove_coordinator(&mut tx, org_id, user_id).await?;
    if outcome == RemoveMember::Removed {
        let notice = crate::notifications::model::Notice::RemovedFromTeam {
            org_id,
            org_name: super::db::name_of(&mut tx, org_id).await?,
        };
        crate::notifications::db::notify(&mut tx, user_id, &notice, crate::db::now_unix()).await?;
    }
    tx.commit().await?;
    match outcome {
        RemoveMember::Removed => Ok(()),
        RemoveMember::NotInTeam => Err(AppError::NotFound),
        RemoveMember::IsOwner => Err(OrgRefusal::OwnerStays.into()),
    }
}
