//! Server functions of community resources. Every resource is public; platform admins, and the
//! owner and coordinators of the organisation that runs one, add and edit them.

use super::input::ResourceFields;
use super::model::CommunityResource;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A resource for its page, and whether the reader may edit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResourceView {
    pub resource: CommunityResource,
    pub can_edit: bool,
}

/// What the add/edit form needs: the resource (when editing) and the organisations to choose from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResourceFormData {
    pub resource: Option<CommunityResource>,
    pub orgs: Vec<(i64, String)>,
    /// Admins may also list a resource that no organisation runs.
    pub platform_allowed: bool,
}

/// Whether `user` looks after resources run by `org` (none: listed by the platform).
#[cfg(feature = "ssr")]
async fn may_manage(
    state: &crate::state::AppState,
    user: &crate::accounts::model::SessionUser,
    org: Option<i64>,
) -> Result<bool, AppError> {
    if user.is_admin {
        return Ok(true);
    }
    let Some(org) = org else {
        return Ok(false);
    };
    Ok(
        crate::accounts::auth::role_in_org(state.db.pool(), org, user.id)
            .await?
            .is_some(),
    )
}

#[cfg(feature = "ssr")]
async fn find(state: &crate::state::AppState, id: i64) -> Result<CommunityResource, AppError> {
    super::db::find(state.db.pool(), id)
        .await?
        .ok_or(AppError::NotFound)
}

#[server(endpoint = "resources/profile")]
pub async fn get_resource(id: i64) -> Result<ResourceView, AppError> {
    let state = crate::state::use_app_state()?;
    let resource = find(&state, id).await?;
    let can_edit = match crate::accounts::auth::current_user(&state).await? {
        Some(user) => may_manage(&state, &user, resource.org.as_ref().map(|(id, _)| *id)).await?,
        None => false,
    };
    Ok(ResourceView { resource, can_edit })
}

/// The form to add a resource (`id` none) or edit one.
#[server(endpoint = "resources/form")]
pub async fn resource_form(id: Option<i64>) -> Result<ResourceFormData, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let resource = match id {
        Some(id) => {
            let resource = find(&state, id).await?;
            if !may_manage(&state, &user, resource.org.as_ref().map(|(id, _)| *id)).await? {
                return Err(AppError::Forbidden);
            }
            Some(resource)
        }
        None => None,
    };
    let orgs = crate::orgs::db::org_choices(state.db.pool(), user.id, user.is_admin).await?;
    if orgs.is_empty() && !user.is_admin {
        // Nobody to add a resource for.
        return Err(AppError::Forbidden);
    }
    Ok(ResourceFormData {
        resource,
        orgs,
        platform_allowed: user.is_admin,
    })
}

#[server(endpoint = "resources/create")]
pub async fn create_resource(resource: ResourceFields) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    // Only admins and people who run an organisation add resources; then the form is checked, and
    // the organisation chosen must be one of theirs.
    if !user.is_admin && !user.in_an_org {
        return Err(AppError::Forbidden);
    }
    let details = resource.check()?;
    if !may_manage(&state, &user, details.org_id).await? {
        return Err(crate::resources::ResourceRefusal::OrgInvalid.into());
    }
    let mut tx = state.db.begin_write().await?;
    let id = super::db::insert(&mut tx, &details, Some(user.id), crate::db::now_unix()).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/resources/{id}?done=saved"));
    Ok(())
}

/// Saves an edit, unless someone else saved since `version` (then nothing is overwritten). Moving
/// a resource to another organisation needs rights over both.
#[server(endpoint = "resources/update")]
pub async fn update_resource(
    id: i64,
    version: i64,
    resource: ResourceFields,
) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    use crate::error::FormRefusal;
    use crate::resources::ResourceRefusal;
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let current = find(&state, id).await?;
    if !may_manage(&state, &user, current.org.as_ref().map(|(id, _)| *id)).await? {
        return Err(AppError::Forbidden);
    }
    let details = resource.check()?;
    if !may_manage(&state, &user, details.org_id).await? {
        return Err(ResourceRefusal::OrgInvalid.into());
    }
    let mut tx = state.db.begin_write().await?;
    if !super::db::update(&mut tx, id, version, &details, crate::db::now_unix()).await? {
        return Err(FormRefusal::EditConflict.into());
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/resources/{id}?done=saved"));
    Ok(())
}
