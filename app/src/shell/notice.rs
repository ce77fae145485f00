use super::PageTitle;
use crate::i18n::use_lang;
use crate::locales::{shell, Text};
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address no route matches, with HTTP status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(http::StatusCode::NOT_FOUND);
    view! { <Notice texts=NOT_FOUND code="404"/> }
}

/// Shown to a signed-in person who lacks the right to see a page, with HTTP status 403.
#[component]
pub fn Forbidden() -> impl IntoView {
    set_status(http::StatusCode::FORBIDDEN);
    view! { <Notice texts=FORBIDDEN code="403"/> }
}

/// The friendly page behind the error boundary: something failed while rendering.
#[component]
pub fn ErrorPage() -> impl IntoView {
    set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    view! { <Notice texts=ERROR code="!"/> }
}

/// A notice's title, heading, text and action.
type NoticeTexts = [Text; 4];
const NOT_FOUND: NoticeTexts = [
    shell::not_found::title,
    shell::not_found::heading,
    shell::not_found::text,
    shell::not_found::action,
];
const FORBIDDEN: NoticeTexts = [
    shell::forbidden::title,
    shell::forbidden::heading,
    shell::forbidden::text,
    shell::forbidden::action,
];
const ERROR: NoticeTexts = [
    shell::error::title,
    shell::error::heading,
    shell::error::text,
    shell::error::action,
];

#[component]
fn Notice(texts: NoticeTexts, code: &'static str) -> impl IntoView {
    // Read once, not reactively: the 404 page is also rendered by the fallback handler, whose
    // reactive owner can be gone before late closures run (they panicked under load).
    let lang = use_lang().get_untracked();
    let [title, heading, text, action] = texts.map(|text| text(lang));
    view! {
        <PageTitle text=title/>
        <section class="notice">
            <p class="notice__code" aria-hidden="true">{code}</p>
            <h1>{heading}</h1>
            <p>{text}</p>
            <A href="/" attr:class="button">{action}</A>
        </section>
    }
}

/// Sets the HTTP status of the page being rendered on the server; nothing to do in the browser.
pub fn set_status(status: http::StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
