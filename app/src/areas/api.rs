use super::model::Coverage;
use crate::error::AppError;
use leptos::prelude::*;

/// How many sub-districts and communities the platform covers (public).
#[server(endpoint = "areas/coverage")]
pub async fn get_coverage() -> Result<Coverage, AppError> {
    let state = crate::state::use_app_state()?;
    Ok(super::db::coverage(state.db.pool()).await?)
}
