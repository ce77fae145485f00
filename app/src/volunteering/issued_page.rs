//! `/orgs/{id}/certificates`: the certificates an organisation issued, and withdrawing one with a
//! reason (a second tap confirms; a plain form, so it works without JavaScript).

use super::certificate::{IssuedCertificate, REVOKE_REASON_MAX};
use super::issued_api::{org_certificates, IssuedByOrg, WithdrawCertificate};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date;
use crate::i18n::{use_lang, use_texts};
use crate::numbers::format_hours;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn OrgCertificatesPage() -> impl IntoView {
    param_page("id", org_certificates, |issued| {
        view! { <IssuedList issued/> }.into_any()
    })
}

#[component]
fn IssuedList(issued: IssuedByOrg) -> impl IntoView {
    let t = use_texts();
    let done = use_query_map().with_untracked(|q| q.get("done").unwrap_or_default());
    let done = move || match done.as_str() {
        "withdrawn" => Some(t().volunteering.done_withdrawn),
        "already" => Some(t().volunteering.done_already_withdrawn),
        _ => None,
    };
    let org_id = issued.org_id;
    let empty = issued.certificates.is_empty();
    view! {
        <PageTitle text=t().volunteering.issued_title/>
        <div class="page-head">
            <h1>{move || t().volunteering.issued_title}</h1>
            <p class="page-head__lead"><A href=format!("/orgs/{org_id}")>{issued.org_name.clone()}</A></p>
        </div>
        {move || done().map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <section class="card" data-testid="issued-certificates">
            <p class="hint">{move || t().volunteering.issued_hint}</p>
            {empty.then(|| view! { <p class="hint">{move || t().volunteering.issued_none}</p> })}
            <ul class="roster">
                {issued.certificates.into_iter()
                    .map(|issued| view! { <IssuedRow org_id issued/> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn IssuedRow(org_id: i64, issued: IssuedCertificate) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang().get_untracked();
    let withdraw = ServerAction::<WithdrawCertificate>::new();
    let c = issued.certificate;
    let facts = {
        let c = c.clone();
        move || {
            t().volunteering
                .issued_facts
                .replace("{from}", &c.period_from)
                .replace("{to}", &c.period_to)
                .replace("{n}", &c.events.to_string())
                .replace("{h}", &format_hours(c.minutes))
                .replace("{issued}", &format_date(c.issued_at, lang))
        }
    };
    let revoked = issued.revoked_at.map(|at| {
        let line = move || {
            let v = &t().volunteering;
            let at = format_date(at, lang);
            if issued.revoke_reason.is_empty() {
                return v.issued_replaced.replace("{at}", &at);
            }
            let who = match issued.revoked_by.as_str() {
                "" => "—",
                name => name,
            };
            v.issued_withdrawn
                .replace("{at}", &at)
                .replace("{who}", who)
                .replace("{reason}", &issued.revoke_reason)
        };
        view! { <span class="hint" data-testid="revoked-note">{line}</span> }
    });
    let valid = !c.revoked;
    let serial = c.serial.clone();
    view! {
        <li class="roster__entry" data-testid="issued-entry">
            <span class="roster__name">{if c.holder_deleted {
                crate::locales::accounts::deleted_account(lang).to_string()
            } else {
                c.holder_name.clone()
            }}</span>
            <code class="serial">{c.serial.clone()}</code>
            <span class="chip" data-testid="certificate-status">{move || if valid {
                t().volunteering.status_valid
            } else {
                t().volunteering.status_revoked
            }}</span>
            <span class="hint">{facts}</span>
            {revoked}
            <FormErrorMessage result=withdraw.value()/>
            {valid.then(|| view! {
                <details class="confirm-step">
                    <summary class="button button--secondary">{move || t().volunteering.withdraw}</summary>
                    <ActionForm action=withdraw attr:class="form">
                        <input type="hidden" name="id" value=org_id/>
                        <input type="hidden" name="serial" value=serial.clone()/>
                        <label for=format!("reason-{serial}")>{move || t().volunteering.withdraw_reason}</label>
                        <textarea id=format!("reason-{serial}") name="reason" rows="2"
                            maxlength=REVOKE_REASON_MAX required></textarea>
                        <button type="submit" class="button button--danger" data-testid="confirm-withdraw">
                            {move || t().volunteering.withdraw_confirm}
                        </button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}
