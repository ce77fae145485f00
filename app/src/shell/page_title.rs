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

/// Text for an element whose content the server writes as it is: the page's `<title>`
/// (leptos_meta) and a `<textarea>` (tachys leaves a textarea's children unescaped). Both hold
/// only text in HTML, yet a name with `</title>` or a description with `</textarea>` in it would
/// end the element and turn the rest into markup. In the browser the same text is set as text.
pub fn escaped_on_server(text: String) -> String {
    #[cfg(feature = "ssr")]
    return html_escape::encode_text(&text).into_owned();
    #[cfg(not(feature = "ssr"))]
    text
}
