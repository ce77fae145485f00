//! Translations. Every visible string lives in a `Texts` table with one instance per language, so the
//! compiler refuses a string that exists in only one of them.
//!
//! The language is chosen on the server (cookie, then `Accept-Language`, then Chinese) and written into
//! `<html lang>`; the browser reads it back from there when it hydrates, so both render the same words.

mod api;
mod dashboard;
pub mod dates;
mod en;
mod help;
mod help_desk;
mod invitations;
mod items;
mod negotiate;
mod texts;
mod volunteering;
mod zh;

pub use api::{LanguageSwitch, SetLanguage};
pub use dashboard::DashboardTexts;
pub use dates::format_date;
pub use help::HelpBoardTexts;
pub use help_desk::HelpDeskTexts;
pub use invitations::InvitationTexts;
pub use items::ItemsBoardTexts;
pub use negotiate::{lang_from_headers, parse_accept_language, LANG_COOKIE};
pub use texts::*;
pub use volunteering::VolunteeringTexts;

use leptos::prelude::*;

pub use crate::locales::Lang;

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &zh::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

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

/// The strings of the reader's language, as a cheap `Copy` closure for use inside views:
/// `let t = use_texts(); view! { <h1>{move || t().home.title}</h1> }`.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().texts()
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

    #[test]
    fn languages_differ_and_are_complete() {
        let (zh, en) = (Lang::Zh.texts(), Lang::En.texts());
        assert_ne!(zh.shell.tabs, en.shell.tabs);
        assert_eq!(zh.shell.tabs.len(), en.shell.tabs.len());
        assert_eq!(zh.home.boards.len(), en.home.boards.len());
        for (a, b) in [
            (zh.items, en.items),
            (zh.help, en.help),
            (zh.map, en.map),
            (zh.me, en.me),
        ] {
            assert_eq!(a.coming.len(), b.coming.len(), "{} / {}", a.title, b.title);
        }
    }
}
