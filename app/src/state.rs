//! What the server gives every server function: the database pool, the cookie setting, and each
//! domain's shared part (a cache, a limit, a setting).

use crate::db::Db;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    /// Mark cookies `Secure` (the site is served over https).
    pub secure_cookies: bool,
    parts: Parts,
}

/// The domains' shared parts, one per type: the areas in memory, the map index, the limits on
/// signing in and on 益享生活, the base maps. The state sits below the domains and cannot name
/// their types, so each domain asks for its own (`state.part::<AreaCache>()`); a part the
/// server did not set is its type's default, made once and then shared by every request.
#[derive(Clone, Default)]
struct Parts(Arc<RwLock<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>>);

impl std::fmt::Debug for Parts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.0.read().map_or(0, |parts| parts.len());
        write!(f, "Parts({count})")
    }
}

impl AppState {
    pub fn new(db: Db, secure_cookies: bool) -> AppState {
        AppState {
            db,
            secure_cookies,
            parts: Parts::default(),
        }
    }

    /// Sets a domain's part (a setting read from the environment, say) before serving.
    pub fn with_part<T: Send + Sync + 'static>(self, part: T) -> AppState {
        self.with_shared_part(Arc::new(part))
    }

    /// Sets a part the server also holds itself (a background task shares it with the requests).
    pub fn with_shared_part<T: Send + Sync + 'static>(self, part: Arc<T>) -> AppState {
        let mut parts = self.parts.0.write().unwrap_or_else(|e| e.into_inner());
        parts.insert(TypeId::of::<T>(), part);
        drop(parts);
        self
    }

    /// A domain's part: the one set with `with_part`, or else its default, shared from first use.
    pub fn part<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let key = TypeId::of::<T>();
        let found = self
            .parts
            .0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        let part = found.unwrap_or_else(|| {
            let mut parts = self.parts.0.write().unwrap_or_else(|e| e.into_inner());
            parts
                .entry(key)
                .or_insert_with(|| Arc::new(T::default()))
                .clone()
        });
        part.downcast()
            .expect("parts are kept under their own type")
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[derive(Default)]
    struct Counter(AtomicU32);

    #[tokio::test]
    async fn a_part_is_shared_by_every_clone_and_a_set_one_wins() {
        let test = crate::db::testing::TestDb::sqlite().await;
        let state = AppState::new(test.db.clone(), false);
        let copy = state.clone();
        state.part::<Counter>().0.fetch_add(1, Ordering::Relaxed);
        assert_eq!(copy.part::<Counter>().0.load(Ordering::Relaxed), 1);

        let set = AppState::new(test.db.clone(), false).with_part(Counter(AtomicU32::new(7)));
        assert_eq!(set.part::<Counter>().0.load(Ordering::Relaxed), 7);
        assert_eq!(
            set.part::<u8>().as_ref(),
            &0,
            "an unset part is its default"
        );
        test.finish().await;
    }
}
