//! The district's areas, kept in memory. Every list page needs them (to read its "near" filter
//! and to offer the choice), and they change only when demo data is loaded: reading them from the
//! database on every page was one query in three on the signed-in events list.
//!
//! A copy is used for a minute at most, so areas that `seed-demo` adds from another process (or
//! another server sharing PostgreSQL) appear within a minute without a restart.

use super::model::Area;
use sqlx::AnyPool;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a copy is used before the database is read again.
const FRESH_FOR: Duration = Duration::from_secs(60);

#[derive(Clone, Debug, Default)]
pub struct AreaCache(Arc<RwLock<Option<Kept>>>);

#[derive(Debug)]
struct Kept {
    read_at: Instant,
    areas: Arc<[Area]>,
}

/// The district's areas, from the server's shared copy (see `AreaCache::list`).
pub async fn areas(state: &crate::state::AppState) -> Result<Arc<[Area]>, sqlx::Error> {
    state.part::<AreaCache>().list(state.db.pool()).await
}

impl AreaCache {
    /// Every area, sub-districts first, then by code (as `db::list`).
    pub async fn list(&self, pool: &AnyPool) -> Result<Arc<[Area]>, sqlx::Error> {
        if let Some(areas) = self.fresh() {
            return Ok(areas);
        }
        let areas: Arc<[Area]> = super::db::list(pool).await?.into();
        // A poisoned lock only means another request panicked while holding it: the copy in it is
        // whole (it is replaced in one assignment), so it is still safe to use.
        let mut kept = self
            .0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *kept = Some(Kept {
            read_at: Instant::now(),
            areas: areas.clone(),
        });
        Ok(areas)
    }

    fn fresh(&self) -> Option<Arc<[Area]>> {
        let kept = self
            .0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.as_ref()
            .filter(|kept| kept.read_at.elapsed() < FRESH_FOR)
            .map(|kept| kept.areas.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::model::AreaKind;

    fn area(code: &str) -> Area {
        Area {
            code: code.into(),
            kind: AreaKind::Community,
            parent_code: None,
            name_zh: "社区".into(),
            name_en: "Community".into(),
            lat: 26.58,
            lng: 106.71,
        }
    }

    fn keep(cache: &AreaCache, read_at: Instant) {
        *cache.0.write().unwrap() = Some(Kept {
            read_at,
            areas: vec![area("a")].into(),
        });
    }

    #[test]
    fn a_copy_is_used_for_a_minute_then_read_again() {
        let cache = AreaCache::default();
        assert!(cache.fresh().is_none(), "nothing read yet");
        keep(&cache, Instant::now());
        assert_eq!(cache.fresh().map(|a| a.len()), Some(1));
        keep(&cache, Instant::now() - FRESH_FOR - Duration::from_secs(1));
        assert!(cache.fresh().is_none(), "a copy older than a minute");
    }
}
