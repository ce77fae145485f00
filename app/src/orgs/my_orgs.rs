//! The "my organisations" card on 我的: what the person runs, and the way to register or review.

use super::api::my_orgs;
use super::badge::OrgName;
use crate::i18n::use_texts;
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MyOrgsCard(is_admin: bool) -> impl IntoView {
    let t = use_texts();
    let orgs = Resource::new(|| (), |_| my_orgs());
    view! {
        <section class="card" aria-labelledby="my-orgs-heading" data-testid="my-orgs">
            <h2 id="my-orgs-heading" class="card__title">{move || t().orgs.my_orgs_heading}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match orgs.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="hint">{move || t().orgs.no_orgs}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ul class="team-list">
                                {list.into_iter().map(|mine| {
                                    let role = mine.role;
                                    view! {
                                        <li>
                                            <OrgName id=mine.org.id name=mine.org.name tier=mine.org.tier/>
                                            <span class="badge">{move || role.label(t())}</span>
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
                <A href="/orgs/new" attr:class="button button--secondary">{move || t().orgs.register}</A>
                {is_admin.then(|| view! {
                    <A href="/admin/orgs" attr:class="button">{move || t().orgs.review_link}</A>
                    <A href="/admin/items" attr:class="button">{move || t().items_board.queue_link}</A>
                    <A href="/admin/dashboard" attr:class="button" attr:data-testid="platform-dashboard-link">
                        {move || t().dashboard.platform_link}
                    </A>
                })}
            </p>
        </section>
    }
}
