//! `/orgs/{id}/certificates`: the certificates an organisation issued, and withdrawing one with a
//! reason (a second tap confirms; a plain form, so it works without JavaScript).

use super::certificate::{IssuedCertificate, REVOKE_REASON_MAX};
use super::issued_api::{org_certificates, IssuedByOrg, WithdrawCertificate};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date;
use crate::i18n::use_lang;
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
    let lang = use_lang();
    let done = use_query_map().with_untracked(|q| q.get("done").unwrap_or_default());
    let done = move || match done.as_str() {
        "withdrawn" => Some(crate::locales::volunteering::done_withdrawn(lang.get())),
        "already" => Some(crate::locales::volunteering::done_already_withdrawn(
            lang.get(),
        )),
        _ => None,
    };
    let org_id = issued.org_id;
    let empty = issued.certificates.is_empty();
    view! {
        <PageTitle text=crate::locales::volunteering::issued_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::volunteering::issued_title(lang.get())}</h1>
            <p class="page-head__lead"><A href=format!("/orgs/{org_id}")>{issued.org_name.clone()}</A></p>
        </div>
        {move || done().map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <section class="card" data-testid="issued-certificates">
            <p class="hint">{move || crate::locales::volunteering::issued_hint(lang.get())}</p>
            {empty.then(|| view! { <p class="hint">{move || crate::locales::volunteering::issued_none(lang.get())}</p> })}
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
    let lang = use_lang();
    let withdraw = ServerAction::<WithdrawCertificate>::new();
    let c = issued.certificate;
    let facts = {
        let c = c.clone();
        move || {
            crate::t!(
                lang.get(),
                volunteering::issued_facts {
                    from: &c.period_from,
                    to: &c.period_to,
                    count: c.events,
                    h: &format_hours(c.minutes),
                    issued: &format_date(c.issued_at, lang.get())
                }
            )
        }
    };
    let revoked = issued.revoked_at.map(|at| {
        let line = move || {
            let at = format_date(at, lang.get());
            if issued.revoke_reason.is_empty() {
                return crate::t!(lang.get(), volunteering::issued_replaced { at });
            }
            let who = match issued.revoked_by.as_str() {
                "" => "—",
                name => name,
            };
            crate::t!(
                lang.get(),
                volunteering::issued_withdrawn {
                    at,
                    who,
                    reason: &issued.revoke_reason
                }
            )
        };
        view! { <span class="hint" data-testid="revoked-note">{line}</span> }
    });
    let valid = !c.revoked;
    let serial = c.serial.clone();
    view! {
        <li class="roster__entry" data-testid="issued-entry">
            <span class="roster__name">{move || if c.holder_deleted {
                crate::locales::accounts::deleted_account(lang.get()).to_string()
            } else {
                c.holder_name.clone()
            }}</span>
            <code class="serial">{c.serial.clone()}</code>
            <span class="chip" data-testid="certificate-status">{move || if valid {
                crate::locales::volunteering::status_valid(lang.get())
            } else {
                crate::locales::volunteering::status_revoked(lang.get())
            }}</span>
            <span class="hint">{facts}</span>
            {revoked}
            <FormErrorMessage result=withdraw.value()/>
            {valid.then(|| view! {
                <details class="confirm-step">
                    <summary class="button button--secondary">{move || crate::locales::volunteering::withdraw(lang.get())}</summary>
                    <ActionForm action=withdraw attr:class="form">
                        <input type="hidden" name="id" value=org_id/>
                        <input type="hidden" name="serial" value=serial.clone()/>
                        <label for=format!("reason-{serial}")>{move || crate::locales::volunteering::withdraw_reason(lang.get())}</label>
                        <textarea id=format!("reason-{serial}") name="reason" rows="2"
                            maxlength=REVOKE_REASON_MAX required></textarea>
                        <button type="submit" class="button button--danger" data-testid="confirm-withdraw">
                            {move || crate::locales::volunteering::withdraw_confirm(lang.get())}
                        </button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}
