use super::api::SignIn;
use super::form_parts::{use_next, AccountPageHead, ContactField, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SignIn>::new();
    let next = use_next();
    view! {
        <AccountPageHead title=crate::locales::accounts::sign_in lead=crate::locales::accounts::sign_in_lead/>
        <ActionForm action=action attr:class="card form">
            <FormErrorMessage result=action.value()/>
            <ContactField/>
            <label for="password">{move || crate::locales::accounts::password_label(lang.get())}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button">{move || crate::locales::accounts::sign_in(lang.get())}</button>
        </ActionForm>
        <SwitchLink question=crate::locales::accounts::no_account label=crate::locales::accounts::sign_up to="/signup"/>
    }
}
