//! What only the person themself does with their whole account.

use crate::components::FormErrorMessage;
use crate::error::AppError;
use crate::i18n::use_lang;
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

/// Deleting the account, confirmed with the password.
#[component]
pub fn DeleteAccountForm(action: ServerAction<DeleteAccount>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card card--danger" aria-labelledby="delete-account-heading">
            <h2 id="delete-account-heading" class="card__title">{move || crate::locales::accounts::delete_account(lang.get())}</h2>
            <p>{move || crate::locales::accounts::delete_account_text(lang.get())}</p>
            <ActionForm action=action attr:class="form">
                <FormErrorMessage result=action.value()/>
                <label for="delete_password">{move || crate::locales::accounts::delete_confirm_label(lang.get())}</label>
                <input id="delete_password" name="password" type="password"
                    autocomplete="current-password" required/>
                <button type="submit" class="button button--danger">{move || crate::locales::accounts::delete_account(lang.get())}</button>
            </ActionForm>
        </section>
    }
}
