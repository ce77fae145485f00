//! Calendar subscriptions: each organisation's public events (`/orgs/{id}/calendar.ics`), and a
//! person's own events at a private address with a secret in it
//! (`/me/calendar/{token}/events.ics`). The person turns the address on, renews it (the old one
//! stops working at once) or turns it off, on 我的.

use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// The private feed's address, when it is on.
#[server(endpoint = "events/calendar_feed")]
pub async fn calendar_feed() -> Result<Option<String>, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let token = db::token_of(state.db.pool(), user.id).await?;
    let headers = use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    Ok(token.map(|token| state.public_url(&headers, &feed_path(&token))))
}

/// Turns the private feed on with a new secret address (`renew`), or off.
#[server(endpoint = "events/set_calendar_feed")]
pub async fn set_calendar_feed(on: bool) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let token = on.then(db::new_token);
    let mut tx = state.db.begin_write().await?;
    db::set_token(&mut tx, user.id, token.as_deref()).await?;
    tx.commit().await?;
    leptos_axum::redirect("/me#calendar");
    Ok(())
}

pub fn feed_path(token: &str) -> String {
    format!("/me/calendar/{token}/events.ics")
}

#[cfg(feature = "ssr")]
pub mod db {
    use sqlx::{AnyConnection, AnyPool};

    /// 32 random bytes, as hex.
    pub fn new_token() -> String {
        use rand::RngCore as _;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn looks_like_token(text: &str) -> bool {
        text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
    }

    pub async fn token_of(pool: &AnyPool, user_id: i64) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT calendar_token FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(pool)
            .await
            .map(Option::flatten)
    }

    pub async fn set_token(
        conn: &mut AnyConnection,
        user_id: i64,
        token: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE users SET calendar_token = $1 WHERE id = $2")
            .bind(token)
            .bind(user_id)
            .execute(conn)
            .await?;
        Ok(())
    }

    /// Whose feed the token opens.
    pub async fn owner_of(pool: &AnyPool, token: &str) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar("SELECT id FROM users WHERE calendar_token = $1 AND deleted_at IS NULL")
            .bind(token)
            .fetch_optional(pool)
            .await
    }
}

/// On 我的: the private calendar address, with buttons to turn it on, renew it or turn it off.
#[component]
pub fn CalendarFeedCard() -> impl IntoView {
    let t = use_texts();
    let feed = Resource::new(|| (), |_| calendar_feed());
    let set = ServerAction::<SetCalendarFeed>::new();
    let button = move |on: bool,
                       label: fn(&'static crate::i18n::Texts) -> &'static str,
                       class: &'static str| {
        view! {
            <ActionForm action=set>
                <input type="hidden" name="on" value=on.to_string()/>
                <button type="submit" class=class>{move || label(t())}</button>
            </ActionForm>
        }
    };
    view! {
        <section id="calendar" class="card share-card" aria-labelledby="calendar-heading" data-testid="calendar-feed">
            <h2 id="calendar-heading" class="card__title">{move || t().events_page.feed_title}</h2>
            <p class="hint">{move || t().events_page.feed_hint}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match feed.await.ok().flatten() {
                        Some(url) => view! {
                            <label for="feed-url">{move || t().events_page.feed_label}</label>
                            <input id="feed-url" type="url" readonly value=url data-testid="feed-url"/>
                            <div class="button-row">
                                {button(true, |t| t.events_page.feed_renew, "button button--secondary")}
                                {button(false, |t| t.events_page.feed_off, "button button--secondary")}
                            </div>
                        }.into_any(),
                        None => button(true, |t| t.events_page.feed_on, "button").into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
