//! /signin/code: signing in with a code sent to one's number or address, no password needed.

use super::api::SignInByCode;
use super::form_parts::{CodeField, CodeSteps};
use crate::accounts::form_parts::{use_next, AccountPageHead, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn CodeSignInPage() -> impl IntoView {
    let lang = use_lang();
    let next = use_next();
    let form = move |contact: String| {
        let action = ServerAction::<SignInByCode>::new();
        view! {
            <ActionForm action=action attr:class="card form">
                <FormErrorMessage result=action.value()/>
                <input type="hidden" name="contact" value=contact/>
                <CodeField/>
                <input type="hidden" name="next" value=next/>
                <button type="submit" class="button">{move || crate::locales::accounts::sign_in(lang.get())}</button>
            </ActionForm>
        }
    };
    view! {
        <AccountPageHead title=crate::locales::contacts::code_sign_in lead=crate::locales::contacts::code_sign_in_lead/>
        <CodeSteps purpose="sign_in" back="/signin/code" form/>
        <SwitchLink question=crate::locales::contacts::have_password label=crate::locales::contacts::password_sign_in to="/signin"/>
    }
}
