//! /signin/code: signing in with a code sent to one's number or address, no password needed.

use super::api::SignInByCode;
use super::form_parts::{use_sent_to, CodeField, SendAgain, SendCodeForm, SentTo};
use crate::accounts::form_parts::{use_next, AccountPageHead, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn CodeSignInPage() -> impl IntoView {
    let lang = use_lang();
    let sent_to = use_sent_to();
    view! {
        <AccountPageHead title=crate::locales::contacts::code_sign_in lead=crate::locales::contacts::code_sign_in_lead/>
        {move || match sent_to.get() {
            None => view! {
                <SendCodeForm purpose="sign_in" button=crate::locales::contacts::get_code/>
            }.into_any(),
            Some(contact) => {
                let action = ServerAction::<SignInByCode>::new();
                let again = contact.clone();
                let next = use_next();
                view! {
                    <SentTo contact=contact.clone()/>
                    <ActionForm action=action attr:class="card form">
                        <FormErrorMessage result=action.value()/>
                        <input type="hidden" name="contact" value=contact.clone()/>
                        <CodeField/>
                        <input type="hidden" name="next" value=next/>
                        <button type="submit" class="button">{move || crate::locales::accounts::sign_in(lang.get())}</button>
                    </ActionForm>
                    <SendAgain contact=again purpose="sign_in" back="/signin/code"/>
                }.into_any()
            }
        }}
        <SwitchLink question=crate::locales::contacts::have_password label=crate::locales::contacts::password_sign_in to="/signin"/>
    }
}
