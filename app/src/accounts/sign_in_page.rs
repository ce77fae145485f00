use super::api::SignIn;
use super::form_parts::{use_next, AccountPageHead, ContactField, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<SignIn>::new();
    let next = use_next();
    view! {
        <AccountPageHead title=|l| l.texts().account.sign_in lead=|l| l.texts().account.sign_in_lead/>
        <ActionForm action=action attr:class="card form">
            <FormErrorMessage result=action.value()/>
            <ContactField/>
            <label for="password">{move || t().account.password_label}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button">{move || t().account.sign_in}</button>
        </ActionForm>
        <SwitchLink question=|l| l.texts().account.no_account label=|l| l.texts().account.sign_up to="/signup"/>
    }
}
