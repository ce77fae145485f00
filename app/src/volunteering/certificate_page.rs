//! `/me/certificates/{serial}`: a certificate laid out for printing (the print stylesheet keeps
//! only the certificate), and `/verify/{serial}`: the public check its QR code opens.

use super::record_api::{my_certificate, verify_certificate, PrintableCertificate, Verification};
use crate::components::QrCode;
use crate::i18n::dates::format_date;
use crate::i18n::use_lang;
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
    let lang = use_lang();
    let c = printable.certificate;
    let body = {
        let c = c.clone();
        move || {
            crate::t!(
                lang.get(),
                volunteering::cert_body {
                    name: &c.holder_name,
                    from: &c.period_from,
                    to: &c.period_to,
                    org: &c.org_name,
                    count: c.events,
                    h: &format_hours(c.minutes)
                }
            )
        }
    };
    let issued = format_date(c.issued_at, lang.get_untracked());
    view! {
        <PageTitle text=crate::locales::volunteering::cert_title(lang.get())/>
        <p class="hint no-print">{move || crate::locales::volunteering::cert_print_hint(lang.get())}</p>
        {c.revoked.then(|| view! { <p class="notice-info">{move || crate::locales::volunteering::verify_revoked(lang.get())}</p> })}
        <article class="certificate" data-testid="certificate">
            <h1 class="certificate__title">{move || crate::locales::volunteering::cert_title(lang.get())}</h1>
            <p class="certificate__body">{body}</p>
            <dl class="certificate__facts">
                <dt>{move || crate::locales::volunteering::cert_serial(lang.get())}</dt>
                <dd data-testid="certificate-serial">{c.serial.clone()}</dd>
                <dt>{move || crate::locales::volunteering::cert_issued(lang.get())}</dt>
                <dd>{issued}</dd>
            </dl>
            <div class="certificate__verify">
                <QrCode svg=printable.qr_svg label=Signal::derive(move || crate::locales::volunteering::verify_title(lang.get()).to_string())/>
                <p class="hint">{move || crate::locales::volunteering::cert_verify_hint(lang.get())}<br/>
                    <a href=printable.verify_url.clone() data-testid="verify-link">{printable.verify_url.clone()}</a>
                </p>
            </div>
            <p class="certificate__issuer">{move || crate::locales::shell::app_name(lang.get())}" · "{move || crate::locales::shell::district(lang.get())}</p>
        </article>
    }
}

#[component]
fn VerifyView(verification: Verification) -> impl IntoView {
    let lang = use_lang();
    let v = verification;
    let valid = v.valid;
    view! {
        <PageTitle text=crate::locales::volunteering::verify_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::volunteering::verify_title(lang.get())}</h1>
            <p class="page-head__lead">{v.serial.clone()}</p>
        </div>
        <p class=if valid { "notice-ok" } else { "form-error" } data-testid="verify-result">
            {move || match (valid, v.org_tier_at_issue.is_verified()) {
                (true, _) => crate::locales::volunteering::verify_valid(lang.get()),
                (false, false) => crate::locales::volunteering::verify_unverified_org(lang.get()),
                (false, true) => crate::locales::volunteering::verify_revoked(lang.get()),
            }}
        </p>
        {v.org_lost_verification.then(|| view! {
            <p class="notice-info" data-testid="verify-org-lost">{move || crate::locales::volunteering::verify_org_lost(lang.get())}</p>
        })}
        <dl class="card facts" data-testid="verify-facts">
            <dt>{move || crate::locales::volunteering::verify_name(lang.get())}</dt>
            <dd data-testid="verify-holder">{if v.holder_deleted {
                crate::locales::volunteering::verify_holder_deleted(lang.get()).to_string()
            } else {
                v.holder_name.clone()
            }}</dd>
            <dt>{move || crate::locales::volunteering::verify_org(lang.get())}</dt>
            <dd data-testid="verify-org">{v.org_name.clone()}" "<TierBadge tier=v.org_tier_at_issue/></dd>
            <dt>{move || crate::locales::volunteering::credit_hours(lang.get())}</dt>
            <dd>{format_hours(v.minutes)}" "{move || crate::locales::events::hours_unit(lang.get())}</dd>
            <dt>{move || crate::locales::volunteering::verify_period(lang.get())}</dt>
            <dd>{v.period_from.clone()}" – "{v.period_to.clone()}</dd>
        </dl>
    }
}
