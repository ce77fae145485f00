//! Forms are plain HTML posts: a refused one comes back as a fresh page (`?__err=…`) with the
//! reason shown. So that nobody types everything again, the browser remembers what was typed when a
//! form is sent (for this tab only, never passwords or files) and puts it back when the same page
//! returns with an error. Without JavaScript the reason is still shown.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{self, js_sys::Reflect};

/// Fields never kept: secrets, files, and what the server fills in itself.
const SKIPPED_TYPES: [&str; 5] = ["password", "file", "hidden", "submit", "button"];

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn get(target: &JsValue, key: &str) -> String {
    Reflect::get(target, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The fields of a form that are worth keeping.
fn fields(form: &web_sys::Element) -> Vec<JsValue> {
    let Ok(elements) = Reflect::get(form, &"elements".into()) else {
        return Vec::new();
    };
    let count = Reflect::get(&elements, &"length".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    (0..count)
        .filter_map(|i| Reflect::get(&elements, &i.into()).ok())
        .filter(|field| !get(field, "name").is_empty())
        .filter(|field| !SKIPPED_TYPES.contains(&get(field, "type").as_str()))
        .collect()
}

/// One key per page and form, so two forms on a page keep their own values.
fn key(form: &web_sys::Element) -> String {
    let path = window().location().pathname().unwrap_or_default();
    let action = form.get_attribute("action").unwrap_or_default();
    format!("form-memory:{path}:{action}")
}

fn is_checkable(field: &JsValue) -> bool {
    matches!(get(field, "type").as_str(), "checkbox" | "radio")
}

fn remember(form: &web_sys::Element) {
    let mut kept = form_urlencoded::Serializer::new(String::new());
    for field in fields(form) {
        let checked = Reflect::get(&field, &"checked".into())
            .ok()
            .and_then(|v| v.as_bool());
        if is_checkable(&field) && checked != Some(true) {
            continue;
        }
        kept.append_pair(&get(&field, "name"), &get(&field, "value"));
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(&key(form), &kept.finish());
    }
}

fn restore(form: &web_sys::Element, kept: &str) {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(kept.as_bytes())
        .into_owned()
        .collect();
    for field in fields(form) {
        let name = get(&field, "name");
        if is_checkable(&field) {
            let value = get(&field, "value");
            let on = pairs.iter().any(|(n, v)| *n == name && *v == value);
            let _ = Reflect::set(&field, &"checked".into(), &on.into());
        } else if let Some((_, value)) = pairs.iter().find(|(n, _)| *n == name) {
            let _ = Reflect::set(&field, &"value".into(), &value.into());
        }
    }
}

/// Puts kept values back when this page came back with an error, forgets them otherwise, and keeps
/// what every form holds when it is sent.
pub fn keep_typed_values() {
    let refused = window()
        .location()
        .search()
        .is_ok_and(|query| query.contains("__err="));
    if let (Some(storage), Ok(forms)) = (storage(), document().query_selector_all("form")) {
        for i in 0..forms.length() {
            let Some(form) = forms
                .item(i)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let form_key = key(&form);
            if refused {
                if let Ok(Some(kept)) = storage.get_item(&form_key) {
                    restore(&form, &kept);
                }
            }
            let _ = storage.remove_item(&form_key);
        }
    }
    let listener = window_event_listener_untyped("submit", |event| {
        if let Some(form) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            remember(&form);
        }
    });
    // The page lives as long as the document: the listener stays.
    std::mem::forget(listener);
}
