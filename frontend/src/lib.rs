//! The browser entry point. Pages are rendered on the server and stay plain HTML; only the islands
//! (`#[island]` components in `app`) come alive in the browser, so the WASM a phone downloads holds
//! just them.

// Links `app`, whose islands export themselves to JavaScript; nothing here calls it by name.
#[allow(unused_imports)]
use app::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
