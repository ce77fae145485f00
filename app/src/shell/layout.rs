use super::browser_hooks::BrowserHooks;
use super::notice::ErrorPage;
use super::tab_bar::TabBar;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;

/// Header, main area and navigation shared by every page; `language_switch` goes in the header,
/// `me_badge` on the 我的 tab (both handed in by `routes`, which knows the boards they belong to).
#[component]
pub fn Layout(
    #[prop(into)] language_switch: ViewFn,
    #[prop(into)] me_badge: ViewFn,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{move || crate::locales::shell::skip_to_content(lang.get())}</a>
        <header class="app-header">
            <div class="app-header__inner">
                <A href="/" attr:class="brand">
                    <img class="brand__logo" src="/favicon.svg" alt="" width="32" height="32"/>
                    <span class="brand__text">
                        <span class="brand__name">{move || crate::locales::shell::app_name(lang.get())}</span>
                        <span class="brand__district">{move || crate::locales::shell::district(lang.get())}</span>
                    </span>
                </A>
                {language_switch.run()}
            </div>
            <TabBar me_badge/>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <ErrorBoundary fallback=|_errors| view! { <ErrorPage/> }>{children()}</ErrorBoundary>
        </main>
        <footer class="app-footer">{move || crate::locales::shell::footer(lang.get())}</footer>
        <BrowserHooks/>
    }
}
