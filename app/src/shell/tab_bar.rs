use super::icons::Icon;
use crate::i18n::use_texts;
use crate::notifications::{api::get_unread_count, InboxVersion};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

/// The five tabs, in the order of `ShellTexts::tabs`.
const TABS: [(&str, Icon); 5] = [
    ("/events", Icon::Events),
    ("/items", Icon::Items),
    ("/help", Icon::Help),
    ("/map", Icon::Map),
    ("/me", Icon::Me),
];

/// Bottom navigation on phones; a bar under the header on wide screens (see `style/main.css`).
#[component]
pub fn TabBar() -> impl IntoView {
    let t = use_texts();
    let inbox_version = RwSignal::new(0usize);
    provide_context(InboxVersion(inbox_version));
    let pathname = use_location().pathname;
    // Asked again on every navigation and whenever the inbox changes in this browser.
    let unread = Resource::new(
        move || (pathname.get(), inbox_version.get()),
        |_| get_unread_count(),
    );
    view! {
        <nav class="tab-bar" aria-label=move || t().shell.main_nav>
            <ul class="tab-bar__list">
                {TABS
                    .into_iter()
                    .enumerate()
                    .map(|(i, (href, icon))| {
                        view! {
                            <li>
                                <A href=href attr:class="tab-bar__tab">
                                    {icon.view()}
                                    <span class="tab-bar__label">{move || t().shell.tabs[i]}</span>
                                    {(href == "/me").then(|| view! { <UnreadBadge unread/> })}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The number of unread notifications on the 我的 tab; nothing when there are none.
#[component]
fn UnreadBadge(unread: Resource<Result<i64, crate::error::AppError>>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let count = unread.await.unwrap_or(0);
                (count > 0).then(|| {
                    let shown = if count > 99 { "99+".to_string() } else { count.to_string() };
                    view! {
                        <span class="tab-bar__badge" data-testid="unread-count" aria-hidden="true">{shown}</span>
                        <span class="visually-hidden">
                            {move || t().notifications.unread_count.replace("{n}", &count.to_string())}
                        </span>
                    }
                })
            })}
        </Transition>
    }
}
