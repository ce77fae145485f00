use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// Why the form above was not accepted, in the reader's language (announced to screen readers).
#[component]
pub fn FormErrorMessage(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let t = use_texts();
    move || {
        error.get().map(|error| {
            view! { <p class="form-error" role="alert">{move || error.message(t())}</p> }
        })
    }
}
