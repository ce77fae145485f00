//! /signin/reset: a forgotten password. A code to the account's number or address sets a new
//! one and signs every other browser out.

use super::api::ResetPassword;
use super::form_parts::{CodeField, CodeSteps};
use crate::accounts::form_parts::AccountPageHead;
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let form = move |contact: String| {
        let action = ServerAction::<ResetPassword>::new();
        view! {
            <ActionForm action=action attr:class="card form">
                <FormErrorMessage result=action.value()/>
                <input type="hidden" name="contact" value=contact/>
                <CodeField/>
                <label for="new_password">{move || crate::locales::accounts::new_password_label(lang.get())}</label>
                <input id="new_password" name="new_password" type="password" autocomplete="new-password"
                    required minlength="8" aria-describedby="password-hint"/>
                <p id="password-hint" class="hint">{move || crate::locales::accounts::new_password_hint(lang.get())}</p>
                <button type="submit" class="button">{move || crate::locales::contacts::set_password(lang.get())}</button>
            </ActionForm>
        }
    };
    view! {
        <AccountPageHead title=crate::locales::contacts::reset_title lead=crate::locales::contacts::reset_lead/>
        <CodeSteps purpose="reset" back="/signin/reset" form/>
    }
}
