//! The Content Security Policy of every page: scripts run only from our own origin or with this
//! response's nonce (the hydration script carries it), so injected markup cannot run code. Images
//! may also come from the map's tile servers.

/// The image hosts every base map (`geo::tiles`) loads from; a test there keeps them in step.
pub const TILE_HOSTS: &str =
    "https://tile.openstreetmap.org https://*.is.autonavi.com https://*.tianditu.gov.cn";

/// The policy for a page whose inline scripts carry `nonce`.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob: {TILE_HOSTS}; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Where a page being rendered leaves its nonce for the security middleware, which puts the
/// policy on the response. (Set through leptos_axum's response options, the header now and then
/// went missing under load; the middleware sees every response.) The middleware puts an empty
/// slot into the request's extensions; rendering fills it.
#[derive(Clone, Debug, Default)]
pub struct PageNonceSlot(pub std::sync::Arc<std::sync::OnceLock<String>>);

/// Called in the context of every page render: hands this response's nonce to the middleware.
#[cfg(feature = "ssr")]
pub fn record_page_nonce() {
    use leptos::{nonce::use_nonce, prelude::use_context};
    let (Some(nonce), Some(request)) = (use_nonce(), use_context::<http::request::Parts>()) else {
        return;
    };
    if let Some(slot) = request.extensions.get::<PageNonceSlot>() {
        let _ = slot.0.set(nonce.to_string());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn policy_allows_only_own_and_nonced_scripts() {
        let policy = super::page_policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("img-src 'self' data: blob: https://tile.openstreetmap.org"));
    }
}
