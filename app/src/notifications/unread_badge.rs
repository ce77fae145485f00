use super::{api::get_unread_count, InboxVersion};
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The number of unread notifications, on the 我的 tab; nothing when there are none.
#[component]
pub fn UnreadBadge() -> impl IntoView {
    let lang = use_lang();
    let inbox_version = RwSignal::new(0usize);
    provide_context(InboxVersion(inbox_version));
    let pathname = use_location().pathname;
    // Asked again on every navigation and whenever the inbox changes in this browser.
    let unread = Resource::new(
        move || (pathname.get(), inbox_version.get()),
        |_| get_unread_count(),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let count = unread.await.unwrap_or(0);
                (count > 0).then(|| {
                    let shown = if count > 99 { "99+".to_string() } else { count.to_string() };
                    view! {
                        <span class="tab-bar__badge" data-testid="unread-count" aria-hidden="true">{shown}</span>
                        <span class="visually-hidden">
                            {move || crate::t!(lang.get(), notifications::unread_count { count })}
                        </span>
                    }
                })
            })}
        </Transition>
    }
}
