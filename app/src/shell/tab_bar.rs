use super::icons::Icon;
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;
use leptos_router::components::A;

/// The five tabs, in the order of `ShellTexts::tabs`.
const TABS: [(&str, Icon); 5] = [
    ("/events", Icon::Events),
    ("/items", Icon::Items),
    ("/help", Icon::Help),
    ("/map", Icon::Map),
    ("/me", Icon::Me),
];

/// Bottom navigation on phones; a bar under the header on wide screens (see `style/main.css`).
/// The 我的 tab carries `me_badge` (the unread count, from the notifications).
#[component]
pub fn TabBar(me_badge: ViewFn) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <nav class="tab-bar" aria-label=move || crate::locales::shell::main_nav(lang.get())>
            <ul class="tab-bar__list">
                {TABS
                    .into_iter()
                    .enumerate()
                    .map(|(i, (href, icon))| {
                        let badge = (href == "/me").then(|| me_badge.run());
                        view! {
                            <li>
                                <A href=href attr:class="tab-bar__tab">
                                    {icon.view()}
                                    <span class="tab-bar__label">{move || t().shell.tabs[i]}</span>
                                    {badge}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
