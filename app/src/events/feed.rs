//! Calendar subscriptions: each organisation's public events (`/orgs/{id}/calendar.ics`), and a
//! person's own events at a private address with a secret in it
//! (`/me/calendar/{token}/events.ics`). The person turns the address on, renews it (the old one
//! stops working at once) or turns it off, on 我的.

#[cfg(feature = "ssr")]
use crate::cookies::{new_feed_cookie, NEW_FEED_COOKIE};
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// The private feed: whether it is on, and its address while it can still be shown. Only a hash
/// of the address's secret is stored, so the address is shown once, in the ten minutes after it
/// was made (held in an HttpOnly cookie of this browser); later only renewing shows one again.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CalendarFeedState {
    pub on: bool,
    pub new_address: Option<String>,
}

#[server(endpoint = "events/calendar_feed")]
pub async fn calendar_feed() -> Result<CalendarFeedState, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let stored = db::hash_of(state.db.pool(), user.id).await?;
    let headers = use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    let new_address = crate::cookies::cookie_value(&headers, NEW_FEED_COOKIE)
        .filter(|token| db::looks_like_token(token))
        .filter(|token| stored.as_deref() == Some(db::hash(token).as_str()))
        .map(|token| state.public_url(&headers, &feed_path(token)));
    Ok(CalendarFeedState {
        on: stored.is_some(),
        new_address,
    })
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
    let cookie = new_feed_cookie(token.as_deref(), state.secure_cookies);
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
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

    /// What is stored of a token.
    pub fn hash(token: &str) -> String {
        crate::secrets::token_hash(token)
    }

    /// The stored hash of the person's token, when the feed is on.
    pub async fn hash_of(pool: &AnyPool, user_id: i64) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT calendar_token_hash FROM users WHERE id = $1")
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
        sqlx::query(
            "UPDATE users SET calendar_token_hash = $1, calendar_token = NULL WHERE id = $2",
        )
        .bind(token.map(hash))
        .bind(user_id)
        .execute(conn)
        .await?;
        Ok(())
    }

    /// Whose feed the token opens.
    pub async fn owner_of(pool: &AnyPool, token: &str) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT id FROM users WHERE calendar_token_hash = $1 AND deleted_at IS NULL",
        )
        .bind(hash(token))
        .fetch_optional(pool)
        .await
    }
}

/// On 我的: the private calendar address, with buttons to turn it on, renew it or turn it off.
#[component]
pub fn CalendarFeedCard() -> impl IntoView {
    let lang = use_lang();
    let feed = Resource::new(|| (), |_| calendar_feed());
    let set = ServerAction::<SetCalendarFeed>::new();
    let button = move |on: bool, label: crate::locales::Text, class: &'static str| {
        view! {
            <ActionForm action=set>
                <input type="hidden" name="on" value=on.to_string()/>
                <button type="submit" class=class>{move || label(lang.get())}</button>
            </ActionForm>
        }
    };
    view! {
        <section id="calendar" class="card share-card" aria-labelledby="calendar-heading" data-testid="calendar-feed">
            <h2 id="calendar-heading" class="card__title">{move || crate::locales::events::feed_title(lang.get())}</h2>
            <p class="hint">{move || crate::locales::events::feed_hint(lang.get())}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let feed = feed.await.ok();
                    match feed.as_ref().map(|f| (f.on, f.new_address.clone())) {
                        Some((true, Some(url))) => view! {
                            <label for="feed-url">{move || crate::locales::events::feed_label(lang.get())}</label>
                            <input id="feed-url" type="url" readonly value=url data-testid="feed-url"/>
                            <p class="hint">{move || crate::locales::events::feed_copy_now(lang.get())}</p>
                            <div class="button-row">
                                {button(true, crate::locales::events::feed_renew, "button button--secondary")}
                                {button(false, crate::locales::events::feed_off, "button button--secondary")}
                            </div>
                        }.into_any(),
                        Some((true, None)) => view! {
                            <p data-testid="feed-is-on">{move || crate::locales::events::feed_is_on(lang.get())}</p>
                            <div class="button-row">
                                {button(true, crate::locales::events::feed_renew, "button button--secondary")}
                                {button(false, crate::locales::events::feed_off, "button button--secondary")}
                            </div>
                        }.into_any(),
                        _ => button(true, crate::locales::events::feed_on, "button").into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
