//! The signed-in person's own settings on 我的: change password, delete the account.

use super::api::ChangePassword;
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn ChangePasswordForm(action: ServerAction<ChangePassword>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="change-password-heading">
            <h2 id="change-password-heading" class="card__title">{move || crate::locales::accounts::change_password(lang.get())}</h2>
            <ActionForm action=action attr:class="form">
                <FormErrorMessage result=action.value()/>
                <label for="current_password">{move || crate::locales::accounts::current_password_label(lang.get())}</label>
                <input id="current_password" name="current_password" type="password"
                    autocomplete="current-password" required/>
                <label for="new_password">{move || crate::locales::accounts::new_password_label(lang.get())}</label>
                <input id="new_password" name="new_password" type="password" autocomplete="new-password"
                    required minlength="8" aria-describedby="new-password-hint"/>
                <p id="new-password-hint" class="hint">{move || crate::locales::accounts::new_password_hint(lang.get())}</p>
                <button type="submit" class="button">{move || crate::locales::accounts::change_password(lang.get())}</button>
            </ActionForm>
        </section>
    }
}
