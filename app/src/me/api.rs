//! What only the person themself does with their whole account.

use crate::error::AppError;
use leptos::prelude::*;

/// Deletes the signed-in person's account: personal data wiped, anonymous history kept.
#[server(endpoint = "accounts/delete_account")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    let state = crate::state::use_app_state()?;
    let user = crate::accounts::api::confirm_password(&state, password).await?;
    let mut tx = state.db.begin_write().await?;
    super::personal_data::erase(&mut tx, user.id, crate::db::now_unix()).await?;
    tx.commit().await?;
    crate::accounts::auth::sign_out_here(&state).await?;
    leptos_axum::redirect("/");
    Ok(())
}
