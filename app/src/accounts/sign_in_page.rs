use super::api::SignIn;
use crate::components::FormErrorMessage;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <Title text=move || t().account.sign_in/>
        <div class="page-head">
            <h1>{move || t().account.sign_in}</h1>
            <p class="page-head__lead">{move || t().account.sign_in_lead}</p>
        </div>
        <ActionForm action=action attr:class="card form">
            <FormErrorMessage error/>
            <label for="contact">{move || t().account.contact_label}</label>
            <input id="contact" name="contact" type="text" autocomplete="username" required
                aria-describedby="contact-hint"/>
            <p id="contact-hint" class="hint">{move || t().account.contact_hint}</p>
            <label for="password">{move || t().account.password_label}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button">{move || t().account.sign_in}</button>
        </ActionForm>
        <p>
            {move || t().account.no_account} " "
            <A href=move || format!("/signup?next={}", next())>{move || t().account.sign_up}</A>
        </p>
    }
}
