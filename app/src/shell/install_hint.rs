//! "Put 云益享 on your home screen": offered where the browser can install the site (Chromium's
//! install prompt, or instructions on iPhone/iPad Safari), hidden for good once dismissed or
//! installed. The server renders nothing here; the browser decides after hydrating.

use crate::i18n::{provide_i18n, use_lang};
use leptos::prelude::*;

/// What this browser offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offer {
    Nothing,
    /// The browser gave us its install prompt to show when asked.
    Prompt,
    /// iOS Safari installs only through Share → Add to Home Screen.
    IosSteps,
}

/// An island: it runs in the browser, where the rest of the home page is plain HTML.
#[island]
pub fn InstallHint() -> impl IntoView {
    // Islands start without the page's context in the browser: the language comes from <html lang>.
    provide_i18n();
    let lang = use_lang();
    let offer = RwSignal::new(Offer::Nothing);
    #[cfg(feature = "hydrate")]
    let deferred = StoredValue::new_local(None);
    #[cfg(feature = "hydrate")]
    browser::watch(offer, deferred);
    let install = move |_| {
        #[cfg(feature = "hydrate")]
        browser::prompt(deferred);
        offer.set(Offer::Nothing);
    };
    let dismiss = move |_| {
        #[cfg(feature = "hydrate")]
        browser::remember_dismissed();
        offer.set(Offer::Nothing);
    };
    move || {
        let shown = offer.get();
        (shown != Offer::Nothing).then(|| {
            view! {
                <section class="card install-hint" data-testid="install-hint" aria-labelledby="install-heading">
                    <h2 id="install-heading" class="card__title">{move || crate::locales::shell::install::heading(lang.get())}</h2>
                    <p>
                        {move || if shown == Offer::IosSteps { crate::locales::shell::install::ios_steps(lang.get()) } else { crate::locales::shell::install::text(lang.get()) }}
                    </p>
                    <p class="button-row">
                        {(shown == Offer::Prompt).then(|| view! {
                            <button type="button" class="button" on:click=install>{move || crate::locales::shell::install::install(lang.get())}</button>
                        })}
                        <button type="button" class="button button--secondary" on:click=dismiss>
                            {move || crate::locales::shell::install::not_now(lang.get())}
                        </button>
                    </p>
                </section>
            }
        })
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::Offer;
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{
        self,
        js_sys::{Function, Reflect},
    };

    const DISMISSED: &str = "yunyixiang-install-hint-dismissed";

    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    fn dismissed() -> bool {
        storage()
            .and_then(|s| s.get_item(DISMISSED).ok().flatten())
            .is_some()
    }

    pub fn remember_dismissed() {
        if let Some(storage) = storage() {
            let _ = storage.set_item(DISMISSED, "1");
        }
    }

    /// Already running as the installed app (Android/desktop, or iOS's own flag).
    fn installed() -> bool {
        let standalone = window()
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());
        let ios_standalone = Reflect::get(&window().navigator(), &"standalone".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        standalone || ios_standalone
    }

    /// Safari on iPhone/iPad (other iOS browsers cannot add to the home screen themselves).
    fn ios_safari() -> bool {
        let agent = window().navigator().user_agent().unwrap_or_default();
        (agent.contains("iPhone") || agent.contains("iPad"))
            && !agent.contains("CriOS")
            && !agent.contains("FxiOS")
            && !agent.contains("MicroMessenger")
    }

    pub fn watch(
        offer: RwSignal<Offer>,
        deferred: StoredValue<Option<web_sys::Event>, LocalStorage>,
    ) {
        Effect::new(move |_| {
            if !dismissed() && !installed() && ios_safari() {
                offer.set(Offer::IosSteps);
            }
        });
        let prompt = window_event_listener_untyped("beforeinstallprompt", move |event| {
            // Our own card replaces the browser's mini bar, at a moment that suits the reader.
            event.prevent_default();
            if !dismissed() && !installed() {
                deferred.set_value(Some(event));
                offer.set(Offer::Prompt);
            }
        });
        let done = window_event_listener_untyped("appinstalled", move |_| {
            remember_dismissed();
            offer.set(Offer::Nothing);
        });
        on_cleanup(move || {
            prompt.remove();
            done.remove();
        });
    }

    /// Shows the browser's install dialog (the event can be used once).
    pub fn prompt(deferred: StoredValue<Option<web_sys::Event>, LocalStorage>) {
        let Some(event) = deferred.try_update_value(Option::take).flatten() else {
            return;
        };
        if let Ok(prompt) = Reflect::get(&event, &"prompt".into()) {
            if let Some(prompt) = prompt.dyn_ref::<Function>() {
                let _ = prompt.call0(&event);
            }
        }
    }
}
