use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// Why the form's last submission was not accepted, in the reader's language (announced to screen
/// readers). Takes the action's value: `<FormErrorMessage result=action.value()/>`.
#[component]
pub fn FormErrorMessage<T>(
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let lang = use_lang();
    move || {
        result
            .with(|r| r.as_ref().and_then(|r| r.as_ref().err()).cloned())
            .map(|error| {
                view! { <p class="form-error" role="alert">{move || error.message(lang.get())}</p> }
            })
    }
}
