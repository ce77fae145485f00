use crate::components::Pick;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// A list whose filters in the address could not be read (typed by hand, or an old link): answers
/// 400, says so, and offers the whole list.
#[component]
pub fn BadFilterNotice(message: Pick, show_all: Pick, href: &'static str) -> impl IntoView {
    let t = use_texts();
    crate::shell::set_status(http::StatusCode::BAD_REQUEST);
    view! {
        <p class="form-error" role="alert">{move || message(t())}</p>
        <p><A href=href attr:class="button">{move || show_all(t())}</A></p>
    }
}
