use super::api::SignIn;
use super::form_parts::{use_next, AccountPageHead, ContactField, SwitchLink};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;

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
        <p class="button-row">
            <A href=move || format!("/signin/code?next={}", crate::shell::encode_component(&next())) attr:class="button button--secondary">
                {move || crate::locales::contacts::sign_in_by_code(lang.get())}
            </A>
            <A href="/signin/reset" attr:class="button button--secondary">
                {move || crate::locales::contacts::forgot_password(lang.get())}
            </A>
        </p>
        <SwitchLink question=crate::locales::accounts::no_account label=crate::locales::accounts::sign_up to="/signup"/>
    }
}
