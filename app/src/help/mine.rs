//! On 我的: the reader's own bookings of neighbours' services and offers of help, newest first.

use super::booking_api::my_bookings;
use crate::i18n::dates::format_date_time;
use crate::i18n::use_lang;
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MyBookingsCard() -> impl IntoView {
    let lang = use_lang();
    let bookings = Resource::new(|| (), |_| my_bookings());
    view! {
        <section class="card" aria-labelledby="my-bookings-heading" data-testid="my-bookings">
            <h2 id="my-bookings-heading" class="card__title">{move || crate::locales::help::desk::my_bookings_heading(lang.get())}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match bookings.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="hint">{move || crate::locales::help::desk::no_my_bookings(lang.get())}</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="compact-list">
                                {list.into_iter().map(|b| {
                                    let (status, kind, at) = (b.status, b.kind, b.created_at);
                                    view! {
                                        <li class="compact-list__item">
                                            <span class="compact-list__when">{move || format_date_time(at, lang.get(), None)}</span>
                                            <A href=format!("/help/bookings/{}", b.id) attr:class="compact-list__title">{b.title}</A>
                                            <span class="compact-list__meta">
                                                <span class="chip chip--plain">{move || kind.label(lang.get())}</span>
                                                <span class="chip">{move || status.label(lang.get())}</span>
                                            </span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => page_error(error),
                    }
                })}
            </Suspense>
            <p><A href="/help" attr:class="button button--secondary">{move || crate::locales::help::desk::find_neighbours(lang.get())}</A></p>
        </section>
    }
}
