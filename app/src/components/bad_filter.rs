use crate::components::Pick;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;

/// A list whose filters in the address could not be read (typed by hand, or an old link): answers
/// 400, says so, and offers the whole list.
#[component]
pub fn BadFilterNotice(message: Pick, show_all: Pick, href: &'static str) -> impl IntoView {
    let lang = use_lang();
    crate::shell::set_status(http::StatusCode::BAD_REQUEST);
    view! {
        <p class="form-error" role="alert">{move || message(lang.get())}</p>
        <p><A href=href attr:class="button">{move || show_all(lang.get())}</A></p>
    }
}
