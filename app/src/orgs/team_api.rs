//! Server functions of an organisation's team: its owner adds and removes coordinators.

use super::model::TeamMember;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "orgs/team")]
pub async fn get_team(org_id: i64) -> Result<Vec<TeamMember>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgStaff(org_id)).await?;
    Ok(super::db::team(state.db.pool(), org_id).await?)
}

/// Makes the person with this mobile number or email a coordinator.
#[server(endpoint = "orgs/add_coordinator")]
pub async fn add_coordinator(org_id: i64, contact: String) -> Result<(), AppError> {
    use super::model::OrgRole;
    use crate::accounts::auth::{authorize, Rule};
    use crate::accounts::contact::Contact;
    use crate::error::FormError;
    use crate::notifications::model::Notice;
    let state = crate::state::use_app_state()?;
    let owner = authorize(&state, Rule::OrgOwner(org_id)).await?;
    let contact = Contact::parse(&contact).ok_or(FormError::ContactInvalid)?;
    let user_id = super::db::user_by_contact(state.db.pool(), contact.as_str())
        .await?
        .ok_or(FormError::NoSuchAccount)?;
    let mut tx = state.db.begin_write().await?;
    let now = crate::db::now_unix();
    let added = super::db::add_member(
        &mut tx,
        org_id,
        user_id,
        OrgRole::Coordinator,
        owner.id,
        now,
    )
    .await?;
    if !added {
        return Err(FormError::AlreadyInTeam.into());
    }
    let notice = Notice::AddedToTeam {
        org_id,
        org_name: super::db::name_of(&mut tx, org_id).await?,
        role: OrgRole::Coordinator,
    };
    crate::notifications::db::notify(&mut tx, user_id, &notice, now).await?;
    tx.commit().await?;
    Ok(())
}

#[server(endpoint = "orgs/remove_coordinator")]
pub async fn remove_coordinator(org_id: i64, user_id: i64) -> Result<(), AppError> {
    use super::db::RemoveMember;
    use crate::accounts::auth::{authorize, Rule};
    use crate::error::FormError;
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
        RemoveMember::IsOwner => Err(FormError::OwnerStays.into()),
    }
}
