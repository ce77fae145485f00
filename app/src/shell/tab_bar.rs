use super::icons::Icon;
use crate::i18n::use_lang;
use crate::locales::{shell::tabs, Text};
use leptos::prelude::*;
use leptos_router::components::A;

/// The five tabs, in order.
const TABS: [(&str, Icon, Text); 5] = [
    ("/events", Icon::Events, tabs::events),
    ("/items", Icon::Items, tabs::items),
    ("/help", Icon::Help, tabs::help),
    ("/map", Icon::Map, tabs::map),
    ("/me", Icon::Me, tabs::me),
];

/// Bottom navigation on phones; a bar under the header on wide screens (see `style/main.css`).
/// The 我的 tab carries `me_badge` (the unread count, from the notifications).
#[component]
pub fn TabBar(me_badge: ViewFn) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="tab-bar" aria-label=move || crate::locales::shell::main_nav(lang.get())>
            <ul class="tab-bar__list">
                {TABS
                    .into_iter()
                    .map(|(href, icon, label)| {
                        let badge = (href == "/me").then(|| me_badge.run());
                        view! {
                            <li>
                                <A href=href attr:class="tab-bar__tab">
                                    {icon.view()}
                                    <span class="tab-bar__label">{move || label(lang.get())}</span>
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
