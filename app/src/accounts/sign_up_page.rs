use super::api::SignUp;
use super::form_parts::{use_next, AccountPageHead, ContactField, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<SignUp>::new();
    let next = use_next();
    view! {
        <AccountPageHead title=|l| l.texts().account.sign_up lead=|l| l.texts().account.sign_up_lead/>
        <ActionForm action=action attr:class="card form">
            <FormErrorMessage result=action.value()/>
            <ContactField/>
            <label for="display_name">{move || t().account.display_name_label}</label>
            <input id="display_name" name="display_name" type="text" autocomplete="nickname" required
                maxlength="40" aria-describedby="name-hint"/>
            <p id="name-hint" class="hint">{move || t().account.display_name_hint}</p>
            <label for="password">{move || t().account.password_label}</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required
                minlength="8" aria-describedby="password-hint"/>
            <p id="password-hint" class="hint">{move || t().account.new_password_hint}</p>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button">{move || t().account.sign_up}</button>
        </ActionForm>
        <SwitchLink question=|l| l.texts().account.have_account label=|l| l.texts().account.sign_in to="/signin"/>
    }
}
