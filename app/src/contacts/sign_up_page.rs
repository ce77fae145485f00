//! /signup: first the contact, which gets a code; then the code, a name and a password.

use super::api::SignUp;
use super::form_parts::{CodeField, CodeSteps};
use crate::accounts::form_parts::{use_next, AccountPageHead, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let lang = use_lang();
    let next = use_next();
    let form = move |contact: String| {
        let action = ServerAction::<SignUp>::new();
        view! {
            <ActionForm action=action attr:class="card form">
                <FormErrorMessage result=action.value()/>
                <input type="hidden" name="contact" value=contact/>
                <CodeField/>
                <label for="display_name">{move || crate::locales::accounts::display_name_label(lang.get())}</label>
                <input id="display_name" name="display_name" type="text" autocomplete="nickname" required
                    maxlength="40" aria-describedby="name-hint"/>
                <p id="name-hint" class="hint">{move || crate::locales::accounts::display_name_hint(lang.get())}</p>
                <label for="password">{move || crate::locales::accounts::password_label(lang.get())}</label>
                <input id="password" name="password" type="password" autocomplete="new-password" required
                    minlength="8" aria-describedby="password-hint"/>
                <p id="password-hint" class="hint">{move || crate::locales::accounts::new_password_hint(lang.get())}</p>
                <input type="hidden" name="next" value=next/>
                <button type="submit" class="button">{move || crate::locales::accounts::sign_up(lang.get())}</button>
            </ActionForm>
        }
    };
    view! {
        <AccountPageHead title=crate::locales::accounts::sign_up lead=crate::locales::accounts::sign_up_lead/>
        <CodeSteps purpose="sign_up" back="/signup" form/>
        <SwitchLink question=crate::locales::accounts::have_account label=crate::locales::accounts::sign_in to="/signin"/>
    }
}
