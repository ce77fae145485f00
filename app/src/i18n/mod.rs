//! The reader's language: chosen, remembered and handed to every component. The texts themselves
//! are in `app/locales/` (see `crate::locales`).
//!
//! The language is chosen on the server (cookie, then `Accept-Language`, then Chinese) and written into
//! `<html lang>`; the browser reads it back from there when it hydrates, so both render the same words.

pub mod dates;
mod negotiate;

pub use dates::format_date;
pub use negotiate::{lang_from_headers, parse_accept_language, LANG_COOKIE};

use leptos::prelude::*;

pub use crate::locales::Lang;

/// The reader's language, shared by every component through context.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub RwSignal<Lang>);

/// Puts the reader's language into context. Call once, at the top of the app.
pub fn provide_i18n() -> RwSignal<Lang> {
    let lang = RwSignal::new(initial_lang());
    provide_context(CurrentLang(lang));
    lang
}

/// The language of this request (server) or of the page being hydrated (browser).
fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| lang_from_headers(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        #[cfg(feature = "hydrate")]
        {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|html| html.get_attribute("lang"))
                .and_then(|code| Lang::from_code(&code))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "hydrate"))]
        {
            Lang::default()
        }
    }
}

pub fn use_lang() -> RwSignal<Lang> {
    use_context::<CurrentLang>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Lang::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
