//! What a page shows when the person may not see it: visitors go to the sign-in page (and come back
//! afterwards), signed-in people without the right get a 403 page.

use super::notice::{Forbidden, NotFound};
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};

/// The page for an error that stopped a page from loading its data.
pub fn page_error(error: AppError) -> AnyView {
    match error {
        AppError::SignInRequired => view! { <SignInRedirect/> }.into_any(),
        AppError::Forbidden => view! { <Forbidden/> }.into_any(),
        // A malformed id in the address is a page that does not exist.
        AppError::NotFound | AppError::InvalidInput(_) => view! { <NotFound/> }.into_any(),
        other => view! { <LoadError error=other/> }.into_any(),
    }
}

/// Sends a visitor to `/signin?next=<this page>`: a 302 from the server, a navigation in the browser.
#[component]
pub fn SignInRedirect() -> impl IntoView {
    let location = use_location();
    // The router's `search` comes without its `?`.
    let search = location.search.get_untracked();
    let here = match search.trim_start_matches('?') {
        "" => location.pathname.get_untracked(),
        query => format!("{}?{query}", location.pathname.get_untracked()),
    };
    let path = format!("/signin?next={}", encode_component(&here));
    view! { <Redirect path/> }
}

/// `text` written safely into one value of a query string.
pub fn encode_component(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[component]
fn LoadError(error: AppError) -> impl IntoView {
    let lang = use_lang();
    // The page answers with the error's own status (a 400 for input it cannot use, ...).
    super::set_status(error.status());
    view! { <p class="form-error" role="alert">{move || error.message(lang.get())}</p> }
}

#[cfg(test)]
mod tests {
    use super::encode_component;

    #[test]
    fn next_survives_the_query_string() {
        assert_eq!(encode_component("/orgs/3/edit"), "%2Forgs%2F3%2Fedit");
        assert_eq!(
            encode_component("/orgs?q=a&kind=ngo"),
            "%2Forgs%3Fq%3Da%26kind%3Dngo"
        );
    }
}
