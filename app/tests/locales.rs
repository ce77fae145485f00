//! The locale files (`app/locales`): every text in them is shown somewhere. The build already
//! refuses a key that exists in one language only, or that code names but no file holds; this
//! finds the other way round, a text nobody shows any more. Refusals are checked against their
//! enums in `refusals.rs`.
use std::path::{Path, PathBuf};

fn texts(value: &serde_json::Value, path: &mut Vec<String>, into: &mut Vec<Vec<String>>) {
    for (name, child) in value.as_object().unwrap() {
        // A plural's forms (`x_one`, `x_other`) are the one text `x`.
        let name = name
            .strip_suffix("_one")
            .or_else(|| name.strip_suffix("_other"))
            .unwrap_or(name);
        path.push(name.to_string());
        if child.is_object() {
            texts(child, path, into);
        } else if !into.contains(path) {
            into.push(path.clone());
        }
        path.pop();
    }
}

fn rust_sources(dir: &Path, into: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_text_in_the_locale_files_is_shown_somewhere() {
    let app = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    rust_sources(&app.join("src"), &mut code);
    rust_sources(&app.join("../server/src"), &mut code);
    let mut unused = Vec::new();
    for entry in std::fs::read_dir(app.join("locales/zh")).unwrap() {
        let path = entry.unwrap().path();
        let namespace = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut found = Vec::new();
        texts(&file, &mut vec![namespace], &mut found);
        for text in found {
            if text.get(1).is_some_and(|group| group == "refusals") {
                continue;
            }
            if !code.contains(&text.join("::")) {
                unused.push(text.join("."));
            }
        }
    }
    assert!(unused.is_empty(), "texts nobody shows: {unused:?}");
}
