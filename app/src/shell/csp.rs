//! The Content Security Policy of every page: scripts run only from our own origin or with this
//! response's nonce (the hydration script carries it), so injected markup cannot run code. Images
//! may also come from the map's tile servers.

use crate::map::tiles::TILE_HOSTS;

/// The policy for a page whose inline scripts carry `nonce`.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob: {TILE_HOSTS}; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Adds the policy, with the nonce leptos_axum made for this response, to the page's headers.
#[cfg(feature = "ssr")]
pub fn set_page_policy() {
    use http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
    use leptos::{nonce::use_nonce, prelude::use_context};

    let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce)) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
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
