//! The public figures of the last year — on the home page for the platform, on an organisation's
//! page for it: aggregates only, and a figure about people only when enough people are behind it.

use super::api::public_figures;
use super::columns::Unit;
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

#[component]
pub fn ImpactCard(#[prop(optional)] org: Option<i64>) -> impl IntoView {
    let t = use_texts();
    let d = move || &t().dashboard;
    let lang = use_lang();
    let figures = Resource::new(move || org, public_figures);
    view! {
        <section class="card impact" aria-labelledby="impact-heading" data-testid="impact">
            <h2 id="impact-heading" class="card__title">{move || d().impact_heading}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(f) = figures.await else {
                        return ().into_any();
                    };
                    let lang = lang.get_untracked();
                    let count = |n| Unit::Count.headline(n, lang);
                    let tiles = [
                        Some((d().impact_events, count(f.events_held), "events")),
                        f.attended.map(|n| (d().impact_attended, count(n), "attended")),
                        f.volunteer_minutes.map(|m| (d().impact_hours, Unit::Minutes.headline(m, lang), "hours")),
                        f.services_done.map(|n| (d().impact_services, count(n), "services")),
                    ];
                    view! {
                        <ul class="impact__tiles">
                            {tiles.into_iter().flatten().map(|(label, value, key)| view! {
                                <li class="impact__tile" data-figure=key>
                                    <strong class="impact__value">{value}</strong>
                                    <span class="impact__label">{label}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                        <p class="hint">{d().impact_note}</p>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}
