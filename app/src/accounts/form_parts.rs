//! Pieces shared by the sign-in and sign-up pages.

use crate::i18n::use_lang;
use crate::locales::Text;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// Where to go after the form succeeds (`?next=`), passed on to the server as a hidden field.
pub fn use_next() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("next").unwrap_or_default()
}

/// Title, heading and lead of an account page.
#[component]
pub fn AccountPageHead(title: Text, lead: Text) -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=title(lang.get())/>
        <div class="page-head">
            <h1>{move || title(lang.get())}</h1>
            <p class="page-head__lead">{move || lead(lang.get())}</p>
        </div>
    }
}

/// The "mobile number or email" field with its example.
#[component]
pub fn ContactField() -> impl IntoView {
    let lang = use_lang();
    view! {
        <label for="contact">{move || crate::locales::accounts::contact_label(lang.get())}</label>
        <input id="contact" name="contact" type="text" autocomplete="username" required
            aria-describedby="contact-hint"/>
        <p id="contact-hint" class="hint">{move || crate::locales::accounts::contact_hint(lang.get())}</p>
    }
}

/// "No account yet? Sign up" and the reverse, keeping `?next=`.
#[component]
pub fn SwitchLink(question: Text, label: Text, to: &'static str) -> impl IntoView {
    let lang = use_lang();
    let next = use_next();
    view! {
        <p>
            {move || question(lang.get())} " "
            <A href=move || format!("{to}?next={}", next())>{move || label(lang.get())}</A>
        </p>
    }
}
