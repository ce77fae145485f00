//! The page's `<title>`, read once. leptos_meta writes the title into `<head>` after the page has
//! rendered, when a closure reading the language signal can find its reactive owner gone (it
//! panicked under load and the connection dropped); a page's language never changes while it
//! renders on the server, so the text is taken as it is.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text/> }
}
