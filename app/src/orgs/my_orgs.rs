//! The "my organisations" card on 我的: what the person runs, and the way to register or review.

use super::api::my_orgs;
use super::badge::OrgName;
use crate::i18n::use_lang;
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MyOrgsCard(is_admin: bool) -> impl IntoView {
    let lang = use_lang();
    let orgs = Resource::new(|| (), |_| my_orgs());
    view! {
        <section class="card" aria-labelledby="my-orgs-heading" data-testid="my-orgs">
            <h2 id="my-orgs-heading" class="card__title">{move || crate::locales::orgs::my_orgs_heading(lang.get())}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match orgs.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="hint">{move || crate::locales::orgs::no_orgs(lang.get())}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ul class="team-list">
                                {list.into_iter().map(|mine| {
                                    let role = mine.role;
                                    view! {
                                        <li>
                                            <OrgName id=mine.org.id name=mine.org.name tier=mine.org.tier/>
                                            <span class="badge">{move || role.label(lang.get())}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => page_error(error),
                    }
                })}
            </Suspense>
            <p class="button-row">
                <A href="/orgs/new" attr:class="button button--secondary">{move || crate::locales::orgs::register(lang.get())}</A>
                {is_admin.then(|| view! {
                    <A href="/admin/orgs" attr:class="button">{move || crate::locales::orgs::review_link(lang.get())}</A>
                    <A href="/admin/items" attr:class="button">{move || crate::locales::items::board::queue_link(lang.get())}</A>
                    <A href="/admin/dashboard" attr:class="button" attr:data-testid="platform-dashboard-link">
                        {move || crate::locales::dashboard::platform_link(lang.get())}
                    </A>
                })}
            </p>
        </section>
    }
}
