//! Every domain's refusals against the locale files: each key is a text in both languages (the
//! compiler checks that too), no two refusals share a key, each is a client error, and no text
//! under `refusals` is left without a refusal to show it.
use app::error::{FormRefusal, Refusal};
use std::collections::BTreeSet;

fn every_refusal() -> Vec<Refusal> {
    fn all<R: Copy + Into<Refusal>>(list: &[R]) -> impl Iterator<Item = Refusal> + '_ {
        list.iter().map(|r| (*r).into())
    }
    all(FormRefusal::ALL)
        .chain(all(app::accounts::AccountRefusal::ALL))
        .chain(all(app::contacts::ContactRefusal::ALL))
        .chain(all(app::orgs::OrgRefusal::ALL))
        .chain(all(app::invitations::InvitationRefusal::ALL))
        .chain(all(app::resources::ResourceRefusal::ALL))
        .chain(all(app::events::EventRefusal::ALL))
        .chain(all(app::volunteering::VolunteeringRefusal::ALL))
        .chain(all(app::items::ItemRefusal::ALL))
        .chain(all(app::help::HelpRefusal::ALL))
        .chain(all(app::dashboard::PeriodRefusal::ALL))
        .chain(all(app::photos::PhotoRefusal::ALL))
        .collect()
}

/// The keys under `refusals` in one language's locale files.
fn refusal_keys_in_files(language: &str) -> BTreeSet<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(language);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let namespace = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if let Some(refusals) = file.get("refusals").and_then(|r| r.as_object()) {
            keys.extend(
                refusals
                    .keys()
                    .map(|key| format!("{namespace}.refusals.{key}")),
            );
        }
    }
    keys
}

#[test]
fn every_refusal_has_its_own_text_and_every_text_its_refusal() {
    let refusals = every_refusal();
    let keys: BTreeSet<String> = refusals.iter().map(|r| r.key().to_owned()).collect();
    assert_eq!(keys.len(), refusals.len(), "two refusals share a key");
    for refusal in &refusals {
        assert!(refusal.status().is_client_error(), "{}", refusal.key());
        for lang in app::i18n::Lang::ALL {
            let text = app::locales::refusal_text(lang, refusal.key());
            assert!(
                text.is_some_and(|t| !t.trim().is_empty()),
                "{}",
                refusal.key()
            );
        }
    }
    for language in ["zh", "en"] {
        assert_eq!(refusal_keys_in_files(language), keys, "{language}");
    }
}
