//! Server functions of community resources.

use super::model::CommunityResource;
use crate::error::AppError;
use leptos::prelude::*;

/// One resource, for its page. Every resource is public.
#[server(endpoint = "resources/profile")]
pub async fn get_resource(id: i64) -> Result<CommunityResource, AppError> {
    let state = crate::state::use_app_state()?;
    super::db::find(state.db.pool(), id)
        .await?
        .ok_or(AppError::NotFound)
}
