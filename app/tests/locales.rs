//! The locale files (`app/locales`): every text in them is shown somewhere. The build already
//! refuses a key that exists in one language only, or that code names but no file holds; this
//! finds the other way round, a text nobody shows any more. Refusals are checked against their
//! enums in `refusals.rs`.
use std::path::{Path, PathBuf};

fn texts(value: &serde_json::Value, path: &mut Vec<String>, into: &mut Vec<Vec<String>>) {
    let object = value.as_object().unwrap();
    for (name, child) in object {
        // A plural's forms (`x_one` beside `x_other`) are the one text `x`.
        let base = name
            .strip_suffix("_one")
            .or_else(|| name.strip_suffix("_other"));
        let name = match base {
            Some(base)
                if object.contains_key(&format!("{base}_one"))
                    && object.contains_key(&format!("{base}_other")) =>
            {
                base
            }
            _ => name,
        };
        path.push(name.to_string());
        if child.is_object() {
            texts(child, path, into);
        } else if !into.contains(path) {
            into.push(path.clone());
        }
        path.pop();
    }
}

/// Every source file's text, with the paths it reaches texts by written out in full: a group
/// imported (`use crate::locales::events::categories;` then `categories::elderly(lang)`), and a
/// choice's labels (`choice! { pub enum ItemCategory labels in items::categories { Food = food } }`).
fn rust_sources(dir: &Path, into: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            into.push_str(&spelled_out(&source));
            into.push_str(&source);
        }
    }
}

fn spelled_out(source: &str) -> String {
    let mut out = String::new();
    for (at, _) in source.match_indices("labels in ") {
        let rest = &source[at + "labels in ".len()..];
        let (group, body) = rest.split_once('{').unwrap();
        let body = body.split('}').next().unwrap();
        for value in body.split('=').skip(1) {
            let value = value.trim().trim_end_matches(',').trim();
            out.push_str(&format!("{}::{value}\n", group.trim()));
        }
    }
    for line in source.lines() {
        let Some(tree) = line.trim().strip_prefix("use crate::locales::") else {
            continue;
        };
        for path in use_paths(tree.trim_end_matches(';')) {
            let group = path.rsplit("::").next().unwrap();
            for (at, _) in source.match_indices(&format!("{group}::")) {
                // A key, or a subgroup's key (`boards::events::name`).
                let key: String = source[at + group.len() + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                out.push_str(&format!("{path}::{}\n", key.trim_end_matches(':')));
            }
        }
    }
    out
}

/// The paths a `use` tree names: `events::{weekdays, weeks_of_month}` is `events::weekdays` and
/// `events::weeks_of_month` (one level of braces, as written in this code).
fn use_paths(tree: &str) -> Vec<String> {
    match tree.split_once('{') {
        Some((prefix, rest)) => rest
            .trim_end_matches('}')
            .split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty() && *part != "self")
            .map(|part| format!("{prefix}{part}"))
            .collect(),
        None => vec![tree.to_string()],
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
