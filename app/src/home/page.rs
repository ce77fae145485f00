use crate::areas::{api::get_coverage, model::Coverage};
use crate::i18n::{use_lang, use_texts};
use crate::shell::Icon;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::components::A;

/// The boards in tab order, matching `HomeTexts::boards`.
const BOARDS: [(&str, Icon); 4] = [
    ("/events", Icon::Events),
    ("/items", Icon::Items),
    ("/help", Icon::Help),
    ("/map", Icon::Map),
];

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <PageTitle text=t().home.title/>
        <section class="hero">
            <h1 class="hero__title">
                <span>{move || crate::locales::shell::app_name(lang.get())}</span>
                <small>{move || crate::locales::shell::tagline(lang.get())}</small>
            </h1>
            <p class="hero__lead">{move || t().home.lead}</p>
        </section>
        <crate::shell::InstallHint/>
        <section aria-labelledby="boards-heading">
            <h2 id="boards-heading" class="section-title">{move || t().home.boards_heading}</h2>
            <ul class="board-grid">
                {BOARDS
                    .into_iter()
                    .enumerate()
                    .map(|(i, (href, icon))| {
                        let card = move || t().home.boards[i];
                        view! {
                            <li class="board-card">
                                <A href=href attr:class="board-card__link">
                                    <span class="board-card__icon">{icon.view()}</span>
                                    <span class="board-card__name">{move || card().name}</span>
                                    <span class="board-card__text">{move || card().text}</span>
                                    <span class="board-card__action">{move || card().action} " →"</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section class="card org-teaser" aria-labelledby="orgs-heading">
            <h2 id="orgs-heading" class="card__title">{move || t().home.orgs_heading}</h2>
            <p>{move || t().home.orgs_text}</p>
            <A href="/orgs" attr:class="button button--secondary">{move || t().home.orgs_action}</A>
        </section>
        <CoverageCard/>
        <crate::dashboard::ImpactCard/>
        <section class="card" aria-labelledby="promise-heading">
            <h2 id="promise-heading" class="card__title">{move || t().home.promise_heading}</h2>
            <ul class="checklist">
                {move || t().home.promises.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The areas the platform covers, read from the database.
#[component]
fn CoverageCard() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let coverage = Resource::new(|| (), |_| get_coverage());
    view! {
        <section class="card coverage" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading" class="card__title">{move || t().home.coverage_heading}</h2>
            <Suspense fallback=move || view! { <p class="muted">{move || t().home.coverage_loading}</p> }>
                {move || Suspend::new(async move {
                    match coverage.await {
                        Ok(Coverage { subdistricts, communities }) => view! {
                            <p class="coverage__figure">
                                <span>{move || crate::locales::shell::district(lang.get())}</span>
                                <span class="coverage__label">{move || t().home.coverage_areas}</span>
                                <strong class="coverage__count" data-testid="coverage-count">
                                    {subdistricts + communities}
                                </strong>
                            </p>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <p class="form-error" role="status">{move || error.message(lang.get())}</p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
