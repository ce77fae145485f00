//! Events as lists elsewhere: "my events" on 我的, and an organisation's events on its page.

use super::model::Event;
use super::parts::{EventWhen, SeatsLine};
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

/// An event I hold a place at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyEvent {
    pub event: Event,
    /// On the waitlist rather than in a seat.
    pub waiting: bool,
    pub ended: bool,
}

#[server(endpoint = "events/mine")]
pub async fn my_events() -> Result<Vec<MyEvent>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let now = crate::db::now_unix();
    Ok(super::db::held_by(state.db.pool(), user.id, now)
        .await?
        .into_iter()
        .map(|(event, waiting)| MyEvent {
            ended: event.has_ended(now),
            event,
            waiting,
        })
        .collect())
}

/// An organisation's events: upcoming published ones for everyone; every event, drafts and past
/// ones too, for the people who run it.
#[server(endpoint = "events/of_org")]
pub async fn org_events(org_id: i64) -> Result<(Vec<Event>, bool), AppError> {
    let state = crate::state::use_app_state()?;
    let pool = state.db.pool();
    let insider = match crate::accounts::auth::current_user(&state).await? {
        Some(user) => {
            user.is_admin
                || crate::accounts::auth::role_in_org(pool, org_id, user.id)
                    .await?
                    .is_some()
        }
        None => false,
    };
    let events = if insider {
        super::db::of_org(pool, org_id, 100).await?
    } else {
        super::db::upcoming_of_org(pool, org_id, crate::db::now_unix()).await?
    };
    Ok((events, insider))
}

#[component]
pub fn MyEventsCard() -> impl IntoView {
    let lang = use_lang();
    let events = Resource::new(|| (), |_| my_events());
    view! {
        <section class="card" aria-labelledby="my-events-heading" data-testid="my-events">
            <h2 id="my-events-heading" class="card__title">{move || crate::locales::events::my_events(lang.get())}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="hint">{move || crate::locales::events::no_events_yet(lang.get())}</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="compact-list">
                                {list.into_iter().map(|mine| {
                                    let note = match (mine.ended, mine.waiting) {
                                        (true, _) => crate::locales::events::mine_past(lang.get()),
                                        (false, true) => crate::locales::events::mine_waiting(lang.get()),
                                        (false, false) => crate::locales::events::mine_going(lang.get()),
                                    };
                                    view! { <EventLine event=mine.event note/> }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => page_error(error),
                    }
                })}
            </Suspense>
            <p><A href="/events" attr:class="button button--secondary">{move || crate::locales::events::find_events(lang.get())}</A></p>
        </section>
    }
}

/// On an organisation's page: what it holds next (everything, for its own people), and for them
/// the way to add an event.
#[component]
pub fn OrgEventsSection(org_id: i64) -> impl IntoView {
    let lang = use_lang();
    let events = Resource::new(move || org_id, org_events);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let (list, insider) = match events.await {
                    Ok(found) => found,
                    Err(error) => return page_error(error),
                };
                if list.is_empty() && !insider {
                    return ().into_any();
                }
                view! {
                    <section class="card" aria-labelledby="org-events-heading" data-testid="org-events">
                        <h2 id="org-events-heading" class="card__title">
                            {move || if insider { crate::locales::events::org_all_events(lang.get()) } else { crate::locales::events::org_upcoming(lang.get()) }}
                        </h2>
                        <ul class="compact-list">
                            {list.into_iter().map(|event| {
                                let note = if insider { event.status.label(lang.get()) } else { "" };
                                view! { <EventLine event note/> }
                            }).collect_view()}
                        </ul>
                        <p class="button-row">
                            {insider.then(|| view! {
                                <A href=format!("/events/new?org={org_id}") attr:class="button">{move || crate::locales::events::add(lang.get())}</A>
                            })}
                            <a href=format!("/orgs/{org_id}/calendar.ics") class="button button--secondary" data-testid="org-calendar">
                                {move || crate::locales::events::org_feed(lang.get())}
                            </a>
                        </p>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// One event in a short list: when, the title as a link, places, and a note.
#[component]
fn EventLine(event: Event, note: &'static str) -> impl IntoView {
    let (href, title) = (format!("/events/{}", event.id), event.title.clone());
    view! {
        <li class="compact-list__item">
            <span class="compact-list__when"><EventWhen starts_at=event.starts_at ends_at=event.ends_at/></span>
            <A href=href attr:class="compact-list__title">{title}</A>
            <span class="compact-list__meta">
                {(!note.is_empty()).then(|| view! { <span class="chip">{note}</span> })}
                <SeatsLine seats=event.seats()/>
            </span>
        </li>
    }
}
