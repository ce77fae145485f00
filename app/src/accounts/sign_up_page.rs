use super::api::SignUp;
use crate::components::FormErrorMessage;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<SignUp>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <Title text=move || t().account.sign_up/>
        <div class="page-head">
            <h1>{move || t().account.sign_up}</h1>
            <p class="page-head__lead">{move || t().account.sign_up_lead}</p>
        </div>
        <ActionForm action=action attr:class="card form">
            <FormErrorMessage error/>
            <label for="contact">{move || t().account.contact_label}</label>
            <input id="contact" name="contact" type="text" autocomplete="username" required
                aria-describedby="contact-hint"/>
            <p id="contact-hint" class="hint">{move || t().account.contact_hint}</p>
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
        <p>
            {move || t().account.have_account} " "
            <A href=move || format!("/signin?next={}", next())>{move || t().account.sign_in}</A>
        </p>
    }
}
