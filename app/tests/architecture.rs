//! Which top-level module of `app/src` may import which. Modules sit in layers (`LAYERS`, lowest
//! first) and import only from layers below them, so that no two import each other, directly or
//! round a longer cycle; `shell::routes`, which must know every page, is the top. Leaves import
//! nothing but other leaves. Imports that still point up are listed in `KNOWN_UPWARD`, each
//! with what is to become of it: the list only shrinks. Read from the source text: every
//! `crate::` path (in `use` trees, `crate::{a, b}` groups included, and inline) and every `super::`
//! that climbs out of its module. Paths relative to a module (`use routes::App` in `shell/mod.rs`)
//! stay inside their top-level module and are not read. docs/architecture.md draws the layers.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The first `LEAF_COUNT` layers are leaves: building blocks that import no domain (only other
/// leaves).
const LEAF_COUNT: usize = 9;

fn leaves() -> &'static [&'static str] {
    &LAYERS[..LEAF_COUNT]
}

/// The top-level modules, lowest first: each may import those before it.
const LAYERS: &[&str] = &[
    // Leaves (`LEAF_COUNT` of them).
    "china_time",
    "cookies",
    "locales",
    "numbers",
    "paging",
    "secrets",
    "error",
    "fields",
    "i18n",
    // Building blocks.
    "db",
    "choice",
    "vocabulary",
    "shell",
    "components",
    "photos",
    "state",
    "sms",
    // Domains, each on those it needs.
    "areas",
    "geo",
    "accounts",
    "notifications",
    "outbox",
    "contacts",
    "invitations",
    "orgs",
    "resources",
    "events",
    "volunteering",
    "dashboard",
    "items",
    "help",
    "map",
    "home",
    "me",
    "demo",
    "testing",
    // Every page.
    "shell::routes",
];

/// Imports that point up today, and what is to become of each (issue 36). Empty: keep it so.
const KNOWN_UPWARD: &[(&str, &str)] = &[];

/// Module paths of each source file: `events/api.rs` → ["events", "api"], `events/mod.rs` →
/// ["events"], `error.rs` → ["error"].
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The node a module path belongs to: its top-level module, with `shell::routes` apart.
fn node_of(path: &[String]) -> Option<String> {
    match path {
        [] => None,
        [first, ..] if first == "lib" || first == "main" => None,
        [first, second, ..] if first == "shell" && second == "routes" => {
            Some("shell::routes".into())
        }
        [first, ..] => Some(first.clone()),
    }
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The source with comments, string and char literals blanked out, so that a path in a doc comment
/// or a message is not taken for an import.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && (!ident_char(prev(&chars, i))
                || (prev(&chars, i) == 'b' && !ident_char(prev(&chars, i - 1))))
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i = after_quoted(&chars, i, '"');
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&chars, i) {
            i = after_quoted(&chars, i, '\'');
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Where a string or character literal opening with `quote` at `i` ends (past the closing quote,
/// escapes skipped).
fn after_quoted(chars: &[char], mut i: usize, quote: char) -> usize {
    i += 1;
    while i < chars.len() && chars[i] != quote {
        if chars[i] == '\\' {
            i += 1;
        }
        i += 1;
    }
    i + 1
}

fn prev(chars: &[char], i: usize) -> char {
    if i == 0 {
        ' '
    } else {
        chars[i - 1]
    }
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte before a path: part of a longer name (`my_crate::`), not the path's start. Paths
/// are ASCII; a byte of a multi-byte character never is.
fn ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// `'a'`, `'\n'`, `'\u{1F600}'` — not a lifetime such as `'a` or `'static`.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i + 1), chars.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// The first identifier of each path at the start of `rest`, with the text after it: `x::…` gives
/// x, `{a, b::c}` gives a and b.
fn first_names(rest: &str) -> Vec<(String, &str)> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut names = Vec::new();
        let mut depth = 0;
        let mut item_start = true;
        let mut chars = group.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => item_start = true,
                c if item_start && ident_char(c) => {
                    let name: String = group[at..].chars().take_while(|c| ident_char(*c)).collect();
                    for _ in 1..name.chars().count() {
                        chars.next();
                    }
                    let after = &group[at + name.len()..];
                    names.push((name, after));
                    item_start = false;
                }
                c if c.is_whitespace() => {}
                _ => item_start = false,
            }
        }
        names
    } else {
        let name: String = rest.chars().take_while(|c| ident_char(*c)).collect();
        if name.is_empty() {
            vec![]
        } else {
            let after = &rest[name.len()..];
            vec![(name, after)]
        }
    }
}

/// Every top-level module (as a node) the file at `module` names.
fn imports(code: &str, module: &[String], tops: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while let Some(pos) = code[at..].find("crate::").map(|p| p + at) {
        at = pos + "crate::".len();
        if pos > 0 && (ident_byte(bytes[pos - 1]) || bytes[pos - 1] == b'$') {
            continue;
        }
        for (name, after) in first_names(&code[at..]) {
            add(&mut found, &name, after, tops);
        }
    }
    // `super::` climbs from the file's module; count only climbs that leave the top-level module.
    let inline_modules = inline_modules(code);
    let mut at = 0;
    while let Some(pos) = code[at..].find("super::").map(|p| p + at) {
        let start = pos;
        if start > 0 && ident_byte(bytes[start - 1]) {
            at = pos + 7;
            continue;
        }
        let mut levels = 0;
        let mut rest = &code[start..];
        while let Some(r) = rest.strip_prefix("super::") {
            levels += 1;
            rest = r.trim_start();
        }
        at = code.len() - rest.len();
        // Inline `mod tests { … }` blocks around the path are modules too.
        let depth = module.len() + inline_modules.iter().filter(|m| m.contains(&pos)).count();
        if levels >= depth {
            // Climbed to the crate root: the next name is a top-level module.
            for (name, after) in first_names(rest) {
                add(&mut found, &name, after, tops);
            }
        }
    }
    found
}

/// Records the top-level module `name`, or `shell::routes` when the path goes on into it
/// (`shell::routes::…` or `shell::{routes::…}`).
fn add(found: &mut BTreeSet<String>, name: &str, after: &str, tops: &BTreeSet<String>) {
    if !tops.contains(name) {
        return;
    }
    let children = match after.trim_start().strip_prefix("::") {
        Some(next) => first_names(next.trim_start()),
        None => Vec::new(),
    };
    if name == "shell" && children.iter().any(|(child, _)| child == "routes") {
        found.insert("shell::routes".into());
        if children.iter().all(|(child, _)| child == "routes") {
            return;
        }
    }
    found.insert(name.to_string());
}

/// Where each inline `mod name { … }` block of the code starts and ends (byte offsets).
fn inline_modules(code: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(pos) = code[at..].find("mod ").map(|p| p + at) {
        at = pos + 4;
        if pos > 0 && ident_byte(bytes[pos - 1]) {
            continue;
        }
        let rest = code[at..].trim_start();
        let name_len = rest.chars().take_while(|c| ident_char(*c)).count();
        if name_len == 0 || !rest[name_len..].trim_start().starts_with('{') {
            continue; // `mod name;`: a file of its own
        }
        let open = at + (code[at..].len() - rest.len()) + name_len;
        let open = open + code[open..].find('{').unwrap_or(0);
        let mut depth = 0;
        for (i, b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        found.push(open..i + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// Node → the nodes it imports, with one file that does, for the message.
fn dependencies() -> BTreeMap<String, BTreeMap<String, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let tops: BTreeSet<String> = files
        .iter()
        .filter_map(|f| node_of(&module_path(&src, f)))
        .map(|n| n.split("::").next().unwrap().to_string())
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in &files {
        let module = module_path(&src, file);
        let Some(node) = node_of(&module) else {
            continue;
        };
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        let entry = graph.entry(node.clone()).or_default();
        for target in imports(&code, &module, &tops) {
            if target != node && !(node == "shell::routes" && target == "shell") {
                let shown = file.strip_prefix(&src).unwrap().display().to_string();
                entry.entry(target).or_insert(shown);
            }
        }
    }
    graph
}

#[test]
fn leaves_import_no_domain() {
    let graph = dependencies();
    let mut wrong = Vec::new();
    for leaf in leaves() {
        for (target, file) in graph.get(*leaf).into_iter().flatten() {
            if !leaves().contains(&target.as_str()) {
                wrong.push(format!("{leaf} imports {target} (in {file})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a leaf imports a domain:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let graph = dependencies();
    let rank = |node: &str| LAYERS.iter().position(|n| *n == node);
    let unplaced: Vec<&String> = graph.keys().filter(|n| rank(n).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "place each top-level module in LAYERS (app/tests/architecture.rs): {unplaced:?}"
    );
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        for (to, file) in targets {
            let known = KNOWN_UPWARD.contains(&(from.as_str(), to.as_str()));
            if rank(to) >= rank(from) && !known {
                wrong.push(format!("{from} → {to} (in {file})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "these imports point up or sideways in LAYERS, which makes import cycles possible; \
         move what is shared down into a lower module (or a leaf) instead:\n  {}",
        wrong.join("\n  ")
    );
    let gone: Vec<String> = KNOWN_UPWARD
        .iter()
        .filter(|(from, to)| !graph.get(*from).is_some_and(|t| t.contains_key(*to)))
        .map(|(from, to)| format!("{from} → {to}"))
        .collect();
    assert!(
        gone.is_empty(),
        "no longer imported: take these out of KNOWN_UPWARD:\n  {}",
        gone.join("\n  ")
    );
}

#[test]
fn the_reader_finds_paths_in_groups_and_climbs() {
    let tops: BTreeSet<String> = ["events", "shell", "db", "i18n"]
        .into_iter()
        .map(String::from)
        .collect();
    let module = vec!["items".to_string(), "api".to_string()];
    let code = code_only(
        "use crate::{events::model::Event, db};\n\
         // crate::i18n in a comment\n\
         let s = \"crate::i18n in a string\";\n\
         use super::super::shell::routes::AppRoutes;\n\
         mod tests { use super::super::i18n::Lang; }\n\
         use crate::shell::{routes::Other, Icon};\n\
         let raw = br#\"crate::i18n \"#;\n\
         fn f<'a>(x: &'a str) -> char { 'x' }\n",
    );
    let found = imports(&code, &module, &tops);
    // Not i18n: `super::super` in the inline module is `items`, not the crate root.
    let expected: BTreeSet<String> = ["events", "db", "shell", "shell::routes"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}
