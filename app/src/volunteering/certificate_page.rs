//! `/me/certificates/{serial}`: a certificate laid out for printing (the print stylesheet keeps
//! only the certificate), and `/verify/{serial}`: the public check its QR code opens.

use super::record_api::{my_certificate, verify_certificate, PrintableCertificate, Verification};
use crate::components::QrCode;
use crate::i18n::dates::format_date;
use crate::i18n::{use_lang, use_texts};
use crate::numbers::format_hours;
use crate::orgs::badge::TierBadge;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;

#[component]
pub fn CertificatePage() -> impl IntoView {
    param_page("serial", my_certificate, |printable| {
        view! { <CertificateView printable/> }.into_any()
    })
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    param_page("serial", verify_certificate, |verification| {
        view! { <VerifyView verification/> }.into_any()
    })
}

#[component]
fn CertificateView(printable: PrintableCertificate) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let c = printable.certificate;
    let body = {
        let c = c.clone();
        move || {
            t().volunteering
                .cert_body
                .replace("{name}", &c.holder_name)
                .replace("{from}", &c.period_from)
                .replace("{to}", &c.period_to)
                .replace("{org}", &c.org_name)
                .replace("{n}", &c.events.to_string())
                .replace("{h}", &format_hours(c.minutes))
        }
    };
    let issued = format_date(c.issued_at, lang.get_untracked());
    view! {
        <PageTitle text=t().volunteering.cert_title/>
        <p class="hint no-print">{move || t().volunteering.cert_print_hint}</p>
        {c.revoked.then(|| view! { <p class="notice-info">{move || t().volunteering.verify_revoked}</p> })}
        <article class="certificate" data-testid="certificate">
            <h1 class="certificate__title">{move || t().volunteering.cert_title}</h1>
            <p class="certificate__body">{body}</p>
            <dl class="certificate__facts">
                <dt>{move || t().volunteering.cert_serial}</dt>
                <dd data-testid="certificate-serial">{c.serial.clone()}</dd>
                <dt>{move || t().volunteering.cert_issued}</dt>
                <dd>{issued}</dd>
            </dl>
            <div class="certificate__verify">
                <QrCode svg=printable.qr_svg label=Signal::derive(move || t().volunteering.verify_title.to_string())/>
                <p class="hint">{move || t().volunteering.cert_verify_hint}<br/>
                    <a href=printable.verify_url.clone() data-testid="verify-link">{printable.verify_url.clone()}</a>
                </p>
            </div>
            <p class="certificate__issuer">{move || crate::locales::shell::app_name(lang.get())}" · "{move || crate::locales::shell::district(lang.get())}</p>
        </article>
    }
}

#[component]
fn VerifyView(verification: Verification) -> impl IntoView {
    let t = use_texts();
    let v = verification;
    let valid = v.valid;
    view! {
        <PageTitle text=t().volunteering.verify_title/>
        <div class="page-head">
            <h1>{move || t().volunteering.verify_title}</h1>
            <p class="page-head__lead">{v.serial.clone()}</p>
        </div>
        <p class=if valid { "notice-ok" } else { "form-error" } data-testid="verify-result">
            {move || match (valid, v.org_tier_at_issue.is_verified()) {
                (true, _) => t().volunteering.verify_valid,
                (false, false) => t().volunteering.verify_unverified_org,
                (false, true) => t().volunteering.verify_revoked,
            }}
        </p>
        {v.org_lost_verification.then(|| view! {
            <p class="notice-info" data-testid="verify-org-lost">{move || t().volunteering.verify_org_lost}</p>
        })}
        <dl class="card facts" data-testid="verify-facts">
            <dt>{move || t().volunteering.verify_name}</dt>
            <dd data-testid="verify-holder">{if v.holder_deleted {
                t().volunteering.verify_holder_deleted.to_string()
            } else {
                v.holder_name.clone()
            }}</dd>
            <dt>{move || t().volunteering.verify_org}</dt>
            <dd data-testid="verify-org">{v.org_name.clone()}" "<TierBadge tier=v.org_tier_at_issue/></dd>
            <dt>{move || t().volunteering.credit_hours}</dt>
            <dd>{format_hours(v.minutes)}" "{move || t().events_page.hours_unit}</dd>
            <dt>{move || t().volunteering.verify_period}</dt>
            <dd>{v.period_from.clone()}" – "{v.period_to.clone()}</dd>
        </dl>
    }
}
