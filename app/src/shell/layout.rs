use super::browser_hooks::BrowserHooks;
use super::notice::ErrorPage;
use super::tab_bar::TabBar;
use crate::i18n::{use_texts, LanguageSwitch};
use leptos::prelude::*;
use leptos_router::components::A;

/// Header, main area and navigation shared by every page; `me_badge` goes on the 我的 tab.
#[component]
pub fn Layout(#[prop(into)] me_badge: ViewFn, children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{move || t().shell.skip_to_content}</a>
        <header class="app-header">
            <div class="app-header__inner">
                <A href="/" attr:class="brand">
                    <img class="brand__logo" src="/favicon.svg" alt="" width="32" height="32"/>
                    <span class="brand__text">
                        <span class="brand__name">{move || t().shell.app_name}</span>
                        <span class="brand__district">{move || t().shell.district}</span>
                    </span>
                </A>
                <LanguageSwitch/>
            </div>
            <TabBar me_badge/>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <ErrorBoundary fallback=|_errors| view! { <ErrorPage/> }>{children()}</ErrorBoundary>
        </main>
        <footer class="app-footer">{move || t().shell.footer}</footer>
        <BrowserHooks/>
    }
}
