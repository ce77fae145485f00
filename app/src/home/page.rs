use crate::areas::{api::get_coverage, model::Coverage};
use crate::i18n::use_lang;
use crate::locales::{home::boards, home::promises, Text};
use crate::shell::Icon;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::components::A;

/// A board's card: where it leads, its icon, and its name, text and action.
struct BoardCard(&'static str, Icon, [Text; 3]);

/// The boards in tab order.
const BOARDS: [BoardCard; 4] = [
    BoardCard(
        "/events",
        Icon::Events,
        [
            boards::events::name,
            boards::events::text,
            boards::events::action,
        ],
    ),
    BoardCard(
        "/items",
        Icon::Items,
        [
            boards::items::name,
            boards::items::text,
            boards::items::action,
        ],
    ),
    BoardCard(
        "/help",
        Icon::Help,
        [boards::help::name, boards::help::text, boards::help::action],
    ),
    BoardCard(
        "/map",
        Icon::Map,
        [boards::map::name, boards::map::text, boards::map::action],
    ),
];

const PROMISES: [Text; 3] = [promises::fast, promises::private, promises::languages];

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=crate::locales::home::title(lang.get())/>
        <section class="hero">
            <h1 class="hero__title">
                <span>{move || crate::locales::shell::app_name(lang.get())}</span>
                <small>{move || crate::locales::shell::tagline(lang.get())}</small>
            </h1>
            <p class="hero__lead">{move || crate::locales::home::lead(lang.get())}</p>
        </section>
        <crate::shell::InstallHint/>
        <section aria-labelledby="boards-heading">
            <h2 id="boards-heading" class="section-title">{move || crate::locales::home::boards_heading(lang.get())}</h2>
            <ul class="board-grid">
                {BOARDS
                    .into_iter()
                    .map(|BoardCard(href, icon, [name, text, action])| {
                        view! {
                            <li class="board-card">
                                <A href=href attr:class="board-card__link">
                                    <span class="board-card__icon">{icon.view()}</span>
                                    <span class="board-card__name">{move || name(lang.get())}</span>
                                    <span class="board-card__text">{move || text(lang.get())}</span>
                                    <span class="board-card__action">{move || action(lang.get())} " →"</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section class="card org-teaser" aria-labelledby="orgs-heading">
            <h2 id="orgs-heading" class="card__title">{move || crate::locales::home::orgs_heading(lang.get())}</h2>
            <p>{move || crate::locales::home::orgs_text(lang.get())}</p>
            <A href="/orgs" attr:class="button button--secondary">{move || crate::locales::home::orgs_action(lang.get())}</A>
        </section>
        <CoverageCard/>
        <crate::dashboard::ImpactCard/>
        <section class="card" aria-labelledby="promise-heading">
            <h2 id="promise-heading" class="card__title">{move || crate::locales::home::promise_heading(lang.get())}</h2>
            <ul class="checklist">
                {PROMISES.map(|promise| view! { <li>{move || promise(lang.get())}</li> })}
            </ul>
        </section>
    }
}

/// The areas the platform covers, read from the database.
#[component]
fn CoverageCard() -> impl IntoView {
    let lang = use_lang();
    let coverage = Resource::new(|| (), |_| get_coverage());
    view! {
        <section class="card coverage" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading" class="card__title">{move || crate::locales::home::coverage_heading(lang.get())}</h2>
            <Suspense fallback=move || view! { <p class="muted">{move || crate::locales::home::coverage_loading(lang.get())}</p> }>
                {move || Suspend::new(async move {
                    match coverage.await {
                        Ok(Coverage { subdistricts, communities }) => view! {
                            <p class="coverage__figure">
                                <span>{move || crate::locales::shell::district(lang.get())}</span>
                                <span class="coverage__label">{move || crate::locales::home::coverage_areas(lang.get())}</span>
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
