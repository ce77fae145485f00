//! "Use my location" on the events and items lists: with JavaScript and the person's permission, the list is
//! measured from where the phone is. Without JavaScript the button stays hidden and areas remain.

use crate::i18n::{provide_i18n, use_lang};
use crate::locales::map;
use leptos::prelude::*;

#[island]
pub fn UseMyLocation() -> impl IntoView {
    provide_i18n();
    let lang = use_lang();
    let ready = RwSignal::new(false);
    let failed = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let button = NodeRef::<leptos::html::Button>::new();
    let on_click = move |_| {
        failed.set(false);
        #[cfg(feature = "hydrate")]
        if let Some(button) = button.get_untracked() {
            browser::locate_and_submit(button, failed);
        }
    };
    view! {
        <button type="button" class="button button--secondary" node_ref=button hidden=move || !ready.get()
            data-testid="events-near-me" on:click=on_click>
            {move || crate::locales::events::near_me(lang.get())}
        </button>
        <p class="form-error" role="alert" hidden=move || !failed.get()>{move || map::locate_failed(lang.get())}</p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlSelectElement, Position};

    /// Asks the browser where it is, writes it into the form (`near=here&lat=..&lng=..`) and sends it.
    pub fn locate_and_submit(button: web_sys::HtmlButtonElement, failed: RwSignal<bool>) {
        let Some(form) = button.form() else { return };
        let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok())
        else {
            failed.set(true);
            return;
        };
        let found = Closure::once_into_js(move |position: JsValue| {
            // Browsers name the class GeolocationPosition now; its shape is web-sys's `Position`.
            let coords = position.unchecked_into::<Position>().coords();
            if fill(&form, coords.latitude(), coords.longitude()).is_none() {
                failed.set(true);
            }
        });
        let refused = Closure::once_into_js(move |_: JsValue| failed.set(true));
        if geolocation
            .get_current_position_with_error_callback(
                found.unchecked_ref(),
                Some(refused.unchecked_ref()),
            )
            .is_err()
        {
            failed.set(true);
        }
    }

    fn fill(form: &HtmlFormElement, lat: f64, lng: f64) -> Option<()> {
        let field =
            |selector: &str| -> Option<Element> { form.query_selector(selector).ok().flatten() };
        field("[data-near-lat]")?
            .dyn_into::<HtmlInputElement>()
            .ok()?
            .set_value(&format!("{lat:.5}"));
        field("[data-near-lng]")?
            .dyn_into::<HtmlInputElement>()
            .ok()?
            .set_value(&format!("{lng:.5}"));
        field("select[name=near]")?
            .dyn_into::<HtmlSelectElement>()
            .ok()?
            .set_value("here");
        form.request_submit().ok()
    }
}
