//! What every page does once its code runs in the browser: install the service worker and mark the
//! page as live. An island with no view of its own, rendered once in the layout.

use leptos::prelude::*;

/// Installs the service worker (`/sw.js`): the app shell and the offline page keep working when
/// the network drops (browsers without service workers go on without). Then marks
/// `<body data-hydrated="true">`, so tests (and curious people) can tell live islands from plain
/// server-rendered HTML. Also keeps what is typed into forms across a refused post
/// (`form_memory`).
#[island]
pub fn BrowserHooks() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        let _ = window().navigator().service_worker().register("/sw.js");
        super::form_memory::keep_typed_values();
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
