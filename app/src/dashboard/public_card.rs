//! The public figures of the last year — on the home page for the platform, on an organisation's
//! page for it: aggregates only, and a figure about people only when enough people are behind it.

use super::api::public_figures;
use super::columns::Unit;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn ImpactCard(#[prop(optional)] org: Option<i64>) -> impl IntoView {
    let lang = use_lang();
    let figures = Resource::new(move || org, public_figures);
    view! {
        <section class="card impact" aria-labelledby="impact-heading" data-testid="impact">
            <h2 id="impact-heading" class="card__title">{move || crate::locales::dashboard::impact_heading(lang.get())}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(f) = figures.await else {
                        return ().into_any();
                    };
                    let lang = lang.get_untracked();
                    let count = |n| Unit::Count.headline(n, lang);
                    let tiles = [
                        Some((crate::locales::dashboard::impact_events(lang), count(f.events_held), "events")),
                        f.attended.map(|n| (crate::locales::dashboard::impact_attended(lang), count(n), "attended")),
                        f.volunteer_minutes.map(|m| (crate::locales::dashboard::impact_hours(lang), Unit::Minutes.headline(m, lang), "hours")),
                        f.services_done.map(|n| (crate::locales::dashboard::impact_services(lang), count(n), "services")),
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
                        <p class="hint">{crate::locales::dashboard::impact_note(lang)}</p>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}
