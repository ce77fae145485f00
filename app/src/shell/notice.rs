use super::PageTitle;
use crate::i18n::{use_texts, NoticeTexts, Texts};
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address no route matches, with HTTP status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(http::StatusCode::NOT_FOUND);
    view! { <Notice pick=|t| &t.not_found code="404"/> }
}

/// Shown to a signed-in person who lacks the right to see a page, with HTTP status 403.
#[component]
pub fn Forbidden() -> impl IntoView {
    set_status(http::StatusCode::FORBIDDEN);
    view! { <Notice pick=|t| &t.forbidden code="403"/> }
}

/// The friendly page behind the error boundary: something failed while rendering.
#[component]
pub fn ErrorPage() -> impl IntoView {
    set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    view! { <Notice pick=|t| &t.error code="!"/> }
}

#[component]
fn Notice(pick: fn(&'static Texts) -> &'static NoticeTexts, code: &'static str) -> impl IntoView {
    // Read once, not reactively: the 404 page is also rendered by the fallback handler, whose
    // reactive owner can be gone before late closures run (they panicked under load).
    let n = pick(use_texts()());
    view! {
        <PageTitle text=n.title/>
        <section class="notice">
            <p class="notice__code" aria-hidden="true">{code}</p>
            <h1>{n.heading}</h1>
            <p>{n.text}</p>
            <A href="/" attr:class="button">{n.action}</A>
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
