//! An organisation's name with its verification badge: the pair shown wherever the name appears.

use super::model::Tier;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn TierBadge(tier: Tier) -> impl IntoView {
    let lang = use_lang();
    let class = match tier {
        Tier::Verified => "tier tier--verified",
        Tier::Partner => "tier tier--partner",
        Tier::Unverified => "tier tier--unverified",
    };
    // A tick for verified, a star for partners; unverified has no mark, only the words. Each
    // mark is written out whole, so it is rendered as one fixed piece of HTML (lists show dozens).
    view! {
        <span class=class data-tier=tier.as_str()>
            {(tier == Tier::Verified).then(|| view! {
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.4"
                        stroke-linecap="round" stroke-linejoin="round"/>
                </svg>
            })}
            {(tier == Tier::Partner).then(|| view! {
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M12 3.5l2.6 5.6 6.1.7-4.5 4.1 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.1 6.1-.7z" fill="none"
                        stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>
                </svg>
            })}
            {move || tier.label(lang.get())}
        </span>
    }
}

/// The name (a link to the profile unless `link` is false) followed by the badge.
#[component]
pub fn OrgName(
    id: i64,
    name: String,
    tier: Tier,
    #[prop(default = true)] link: bool,
) -> impl IntoView {
    let name = if link {
        // A plain link (the router still takes the click): a list shows dozens of these, and
        // <A> would give each its own memos to mark the current page, which a name never is.
        view! { <a href=format!("/orgs/{id}") class="org-name__link">{name}</a> }.into_any()
    } else {
        view! { <span>{name}</span> }.into_any()
    };
    view! {
        <span class="org-name">{name} " " <TierBadge tier/></span>
    }
}
