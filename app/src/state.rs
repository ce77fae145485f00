//! What the server gives every server function: the database pool and configuration.

use crate::accounts::rate_limit::AuthLimits;
use crate::db::Db;
use crate::geo::tiles::TileChoice;
use crate::map::index::MapIndex;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    /// Mark cookies `Secure` (the site is served over https).
    pub secure_cookies: bool,
    /// Shared by every request: attempts at signing in or up, per address and per account.
    pub auth_limits: Arc<AuthLimits>,
    /// The district's areas, in memory (they change only when demo data is loaded).
    pub areas: crate::areas::cache::AreaCache,
    /// Everything on the map, in memory; reloads itself when the database changes.
    pub map: MapIndex,
    /// The base maps offered on the map, the configured one first.
    pub tiles: TileChoice,
    /// How much one person may ask for and receive on 益享生活.
    pub item_limits: crate::items::model::ItemLimits,
}

impl AppState {
    pub fn new(db: Db, secure_cookies: bool) -> AppState {
        AppState {
            db,
            secure_cookies,
            auth_limits: Arc::new(AuthLimits::default()),
            areas: Default::default(),
            map: MapIndex::default(),
            tiles: TileChoice::default(),
            item_limits: Default::default(),
        }
    }

    pub fn with_tiles(self, tiles: TileChoice) -> AppState {
        AppState { tiles, ..self }
    }

    pub fn with_item_limits(self, item_limits: crate::items::model::ItemLimits) -> AppState {
        AppState {
            item_limits,
            ..self
        }
    }

    pub fn with_auth_limits(self, limits: AuthLimits) -> AppState {
        AppState {
            auth_limits: Arc::new(limits),
            ..self
        }
    }
}

/// The app state inside a server function. Missing state is a wiring bug, reported as internal.
pub fn use_app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState was not provided to the server function");
        crate::error::AppError::Internal
    })
}

impl AppState {
    /// An absolute address on this site, for links that leave it (a calendar file, a link to
    /// share): the host the request came to, when it looks like a host name.
    pub fn public_url(&self, headers: &http::HeaderMap, path: &str) -> String {
        let scheme = if self.secure_cookies { "https" } else { "http" };
        let host = headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                !h.is_empty()
                    && h.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')
                    })
            })
            .unwrap_or("localhost");
        format!("{scheme}://{host}{path}")
    }
}
