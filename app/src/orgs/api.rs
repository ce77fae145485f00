//! Server functions of the directory, profiles and the register/edit form.

use super::input::OrgFields;
use super::model::{MyOrg, OrgPage, OrgProfile};
use crate::error::AppError;
use leptos::prelude::*;

/// A page of the public directory; `q` searches, `kind` filters (an unknown kind shows every
/// type), `after` is where the page starts (a mark that cannot be read is a 400).
#[server(endpoint = "orgs/directory")]
pub async fn list_orgs(
    q: Option<String>,
    kind: Option<String>,
    after: Option<String>,
) -> Result<OrgPage, AppError> {
    use super::db::{directory_page, DirectoryQuery, DIRECTORY_PAGE_SIZE};
    use super::model::OrgKind;
    use crate::paging::PageMark;
    let after = PageMark::from_query(after.as_deref().unwrap_or_default())
        .map_err(|_| AppError::InvalidInput("after".into()))?;
    let query = DirectoryQuery {
        text: q.unwrap_or_default(),
        kind: kind.as_deref().and_then(OrgKind::parse),
        after,
    };
    let state = crate::state::use_app_state()?;
    Ok(directory_page(state.db.pool(), &query, DIRECTORY_PAGE_SIZE).await?)
}

/// An organisation's profile. A rejected one, and the reason, are shown only to its own people and
/// to admins.
#[server(endpoint = "orgs/profile")]
pub async fn get_org(id: i64) -> Result<OrgProfile, AppError> {
    let state = crate::state::use_app_state()?;
    let viewer = crate::accounts::auth::current_user(&state).await?;
    let record = super::db::find(state.db.pool(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    let my_role = match &viewer {
        Some(user) => crate::accounts::auth::role_in_org(state.db.pool(), id, user.id).await?,
        None => None,
    };
    let viewer_is_admin = viewer.is_some_and(|user| user.is_admin);
    let insider = my_role.is_some() || viewer_is_admin;
    if record.verification == super::model::Verification::Rejected && !insider {
        return Err(AppError::NotFound);
    }
    Ok(OrgProfile {
        id: record.id,
        details: record.details,
        verification: record.verification,
        rejection_reason: record.rejection_reason.filter(|_| insider),
        version: record.version,
        my_role,
        viewer_is_admin,
    })
}

/// The profile for its edit form: only for the organisation's owner and coordinators.
#[server(endpoint = "orgs/for_edit")]
pub async fn get_org_for_edit(id: i64) -> Result<OrgProfile, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgStaff(id)).await?;
    get_org(id).await
}

/// Registers an organisation; the person registering it becomes its owner.
#[server(endpoint = "orgs/register")]
pub async fn register_org(org: OrgFields) -> Result<(), AppError> {
    use super::db::create_org;
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let details = org.check()?;
    let mut tx = state.db.begin_write().await?;
    let saved = create_org(&mut tx, &details, user.id, crate::db::now_unix()).await?;
    let id = saved_id(saved)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/orgs/{id}?done=registered"));
    Ok(())
}

/// Saves the profile, unless someone else saved since `version` (then nothing is overwritten).
#[server(endpoint = "orgs/update")]
pub async fn update_org(id: i64, version: i64, org: OrgFields) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgStaff(id)).await?;
    let details = org.check()?;
    let mut tx = state.db.begin_write().await?;
    let saved =
        super::db::update_org(&mut tx, id, version, &details, crate::db::now_unix()).await?;
    saved_id(saved)?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/orgs/{id}?done=saved"));
    Ok(())
}

#[cfg(feature = "ssr")]
fn saved_id(saved: super::db::SaveOrg) -> Result<i64, AppError> {
    use super::db::SaveOrg;
    use crate::error::FormRefusal;
    use crate::orgs::OrgRefusal;
    match saved {
        SaveOrg::Saved(id) => Ok(id),
        SaveOrg::CreditCodeTaken => Err(OrgRefusal::CreditCodeTaken.into()),
        SaveOrg::Conflict => Err(FormRefusal::EditConflict.into()),
    }
}

/// The organisations the signed-in person runs.
#[server(endpoint = "orgs/mine")]
pub async fn my_orgs() -> Result<Vec<MyOrg>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    Ok(super::db::my_orgs(state.db.pool(), user.id).await?)
}
