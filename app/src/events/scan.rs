//! "Scan the code" on the check-in page: where the browser can read QR codes itself (the
//! `BarcodeDetector` of Chrome on Android, ChromeOS and macOS) and may use the camera, the page
//! opens the back camera, reads the organisers' QR code, fills in the code and sends the form.
//! Elsewhere — and without JavaScript — the button stays hidden: the phone's own camera app (or
//! WeChat's scanner) opens the check-in page with the code already filled in, or it is typed.

use crate::i18n::{provide_i18n, use_lang};
use leptos::prelude::*;

/// What went wrong, to say under the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanProblem {
    /// No camera, or the person did not allow it.
    NoCamera,
    /// A QR code was read, but it carries no check-in code.
    NotACheckinCode,
    /// The browser has a detector, but it cannot read QR codes.
    CannotReadQr,
}

/// The six digits a scanned QR code carries: the check-in address (`…/checkin?code=123456`) the
/// organisers' screen shows, or the bare code.
pub fn code_in(scanned: &str) -> Option<String> {
    let six_digits = |text: &str| {
        let digits: String = text.chars().filter(|c| *c != ' ').collect();
        (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
    };
    if let Some(code) = six_digits(scanned.trim()) {
        return Some(code);
    }
    let (_, query) = scanned.split_once('?')?;
    let query = query.split('#').next().unwrap_or_default();
    form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == "code")
        .and_then(|(_, value)| six_digits(&value))
}

#[island]
pub fn ScanCheckinCode() -> impl IntoView {
    provide_i18n();
    let lang = use_lang();
    let supported = RwSignal::new(false);
    let scanning = RwSignal::new(false);
    let problem = RwSignal::new(None::<ScanProblem>);
    let button = NodeRef::<leptos::html::Button>::new();
    let video = NodeRef::<leptos::html::Video>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| supported.set(browser::can_scan()));
    let on_click = move |_| {
        if scanning.get_untracked() {
            scanning.set(false);
            return;
        }
        problem.set(None);
        scanning.set(true);
        #[cfg(feature = "hydrate")]
        if let (Some(button), Some(video)) = (button.get_untracked(), video.get_untracked()) {
            browser::scan(button, video, scanning, problem);
        }
    };
    let problem_text = move || {
        problem.get().map(|p| match p {
            ScanProblem::NoCamera => crate::locales::volunteering::scan::no_camera(lang.get()),
            ScanProblem::NotACheckinCode => {
                crate::locales::volunteering::scan::not_a_code(lang.get())
            }
            ScanProblem::CannotReadQr => {
                crate::locales::volunteering::scan::unsupported(lang.get())
            }
        })
    };
    view! {
        <div class="scan" hidden=move || !supported.get()>
            <button type="button" class="button button--secondary" node_ref=button
                data-testid="scan-code" on:click=on_click>
                {move || if scanning.get() { crate::locales::volunteering::scan::stop(lang.get()) } else { crate::locales::volunteering::scan::start(lang.get()) }}
            </button>
            // The problem first: it stays in sight while the camera picture fills the screen.
            <p class="form-error" role="alert" hidden=move || problem.get().is_none()>{problem_text}</p>
            <video class="scan__video" node_ref=video hidden=move || !scanning.get()
                muted=true playsinline=true aria-label=move || crate::locales::volunteering::scan::start(lang.get())></video>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{code_in, ScanProblem};
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        HtmlButtonElement, HtmlInputElement, HtmlVideoElement, MediaStream, MediaStreamConstraints,
        MediaStreamTrack,
    };

    /// How often a video frame is searched for a QR code.
    const FRAME_MS: i32 = 250;

    fn detector_class() -> Option<Function> {
        let window = web_sys::window()?;
        Reflect::get(&window, &"BarcodeDetector".into())
            .ok()?
            .dyn_into()
            .ok()
    }

    /// Whether this browser reads QR codes and has a camera interface.
    pub fn can_scan() -> bool {
        let has_camera_api = web_sys::window()
            .and_then(|w| w.navigator().media_devices().ok())
            .is_some();
        has_camera_api && detector_class().is_some()
    }

    /// Opens the back camera into `video` and reads frames until a check-in code is found (then
    /// fills it in and sends the form) or `scanning` is switched off.
    pub fn scan(
        button: HtmlButtonElement,
        video: HtmlVideoElement,
        scanning: RwSignal<bool>,
        problem: RwSignal<Option<ScanProblem>>,
    ) {
        spawn_local(async move {
            let stop_with = |what: ScanProblem| {
                problem.set(Some(what));
                scanning.set(false);
            };
            // Before the camera: a detector that cannot read QR codes is no use.
            let Some(detector) = new_detector() else {
                return stop_with(ScanProblem::CannotReadQr);
            };
            let Some(stream) = open_camera().await else {
                return stop_with(ScanProblem::NoCamera);
            };
            video.set_src_object(Some(&stream));
            if let Ok(playing) = video.play() {
                let _ = JsFuture::from(playing).await;
            }
            let found = read_until_found(&detector, &video, scanning, problem).await;
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                    track.stop();
                }
            }
            video.set_src_object(None);
            scanning.set(false);
            if let Some(code) = found {
                submit_code(&button, &code);
            }
        });
    }

    async fn open_camera() -> Option<MediaStream> {
        let devices = web_sys::window()?.navigator().media_devices().ok()?;
        let constraints = MediaStreamConstraints::new();
        let video = Object::new();
        let facing = Object::new();
        Reflect::set(&facing, &"ideal".into(), &"environment".into()).ok()?;
        Reflect::set(&video, &"facingMode".into(), &facing).ok()?;
        constraints.set_video(&video);
        let asked = devices.get_user_media_with_constraints(&constraints).ok()?;
        JsFuture::from(asked).await.ok()?.dyn_into().ok()
    }

    fn new_detector() -> Option<JsValue> {
        let options = Object::new();
        Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
        Reflect::construct(&detector_class()?, &Array::of1(&options)).ok()
    }

    async fn read_until_found(
        detector: &JsValue,
        video: &HtmlVideoElement,
        scanning: RwSignal<bool>,
        problem: RwSignal<Option<ScanProblem>>,
    ) -> Option<String> {
        let detect: Function = Reflect::get(detector, &"detect".into())
            .ok()?
            .dyn_into()
            .ok()?;
        while scanning.get_untracked() {
            pause(FRAME_MS).await;
            // HAVE_CURRENT_DATA: there is a frame to look at.
            if video.ready_state() < 2 {
                continue;
            }
            let Ok(pending) = detect.call1(detector, video) else {
                return None;
            };
            let Ok(codes) = JsFuture::from(Promise::resolve(&pending)).await else {
                continue;
            };
            for code in Array::from(&codes).iter() {
                let raw = Reflect::get(&code, &"rawValue".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                match code_in(&raw) {
                    Some(found) => return Some(found),
                    None => problem.set(Some(ScanProblem::NotACheckinCode)),
                }
            }
        }
        None
    }

    async fn pause(ms: i32) {
        let wait = Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = JsFuture::from(wait).await;
    }

    fn submit_code(button: &HtmlButtonElement, code: &str) {
        let Some(form) = button.form() else { return };
        if let Some(input) = form
            .query_selector("input[name=code]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            input.set_value(code);
            let _ = form.request_submit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::code_in;

    #[test]
    fn codes_come_from_the_check_in_address_or_the_digits() {
        assert_eq!(
            code_in("https://yunyixiang.example/events/7/checkin?code=123456").as_deref(),
            Some("123456")
        );
        assert_eq!(
            code_in("http://127.0.0.1:3000/events/7/checkin?x=1&code=004200#top").as_deref(),
            Some("004200")
        );
        assert_eq!(code_in(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(code_in("https://example.com/?code=12345"), None);
        assert_eq!(code_in("https://example.com/?code=abcdef"), None);
        assert_eq!(code_in("https://example.com/events/7"), None);
        assert_eq!(code_in("1234567"), None);
        assert_eq!(code_in(""), None);
    }
}
