//! `/me/hours`: my volunteer record — confirmed hours by organisation and year with a button to
//! issue a certificate for each, the events behind them, and my certificates. A summary card of
//! it sits on 我的.

use super::record_api::{my_record, IssueCertificate, VolunteerRecord};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date;
use crate::i18n::use_lang;
use crate::numbers::format_hours;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn VolunteerRecordPage() -> impl IntoView {
    let record = Resource::new(|| (), |_| my_record());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(record) => view! { <RecordView record/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

fn totals(record: &VolunteerRecord) -> (i64, i64) {
    record.events.iter().fold((0, 0), |(approved, pending), e| {
        (approved + e.approved_minutes, pending + e.pending_minutes)
    })
}

#[component]
fn RecordView(record: VolunteerRecord) -> impl IntoView {
    let lang = use_lang();
    let issue = ServerAction::<IssueCertificate>::new();
    let (approved, pending) = totals(&record);
    let no_years = record.years.is_empty();
    view! {
        <PageTitle text=crate::locales::volunteering::record_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::volunteering::record_title(lang.get())}</h1>
            <p class="page-head__lead" data-testid="hours-total">{move || crate::t!(lang.get(), volunteering::record_total { h: &format_hours(approved), p: &format_hours(pending) })}</p>
        </div>
        <section class="card" aria-labelledby="years-heading">
            <h2 id="years-heading" class="card__title">{move || crate::locales::volunteering::years_heading(lang.get())}</h2>
            <FormErrorMessage result=issue.value()/>
            {no_years.then(|| view! { <p class="hint">{move || crate::locales::volunteering::no_record(lang.get())}</p> })}
            <ul class="compact-list" data-testid="service-years">
                {record.years.into_iter().map(|year| view! {
                    <li class="service-year">
                        <span>
                            <strong>{year.year}" · "{year.org_name.clone()}</strong><br/>
                            {move || crate::t!(lang.get(), volunteering::year_line { h: &format_hours(year.minutes), count: year.events })}
                        </span>
                        {if year.org_tier.is_verified() {
                            view! {
                                <ActionForm action=issue>
                                    <input type="hidden" name="org" value=year.org_id/>
                                    <input type="hidden" name="year" value=year.year/>
                                    <button type="submit" class="button button--secondary" data-testid="issue-certificate">
                                        {move || crate::locales::volunteering::issue_certificate(lang.get())}
                                    </button>
                                </ActionForm>
                            }.into_any()
                        } else {
                            view! {
                                <span class="hint" data-testid="no-certificate">
                                    {move || crate::locales::volunteering::certificate_unverified_org(lang.get())}
                                </span>
                            }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {(!record.certificates.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="certs-heading">
                <h2 id="certs-heading" class="card__title">{move || crate::locales::volunteering::certificates_heading(lang.get())}</h2>
                <ul class="compact-list" data-testid="certificates">
                    {record.certificates.into_iter().map(|c| view! {
                        <li>
                            <A href=format!("/me/certificates/{}", c.serial)>{c.org_name.clone()}" · "{c.period_from.clone()}</A>
                            " "<span class="hint">{c.serial.clone()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section class="card" aria-labelledby="served-heading">
            <h2 id="served-heading" class="card__title">{move || crate::locales::volunteering::events_heading(lang.get())}</h2>
            <ul class="compact-list" data-testid="served-events">
                {record.events.into_iter().map(|e| {
                    let day = format_date(e.starts_at, lang.get_untracked());
                    view! {
                        <li>
                            <A href=format!("/events/{}", e.event_id)>{e.title.clone()}</A>
                            <span class="hint">" "{day}" · "{e.org_name.clone()}</span><br/>
                            {format_hours(e.approved_minutes)}" "{move || crate::locales::events::hours_unit(lang.get())}
                            {(e.pending_minutes > 0).then(|| view! {
                                <span class="hint">{move || crate::t!(lang.get(), volunteering::pending_part { h: &format_hours(e.pending_minutes) })}</span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// On 我的: confirmed hours in a line, and the way to the record.
#[component]
pub fn MyHoursCard() -> impl IntoView {
    let lang = use_lang();
    let record = Resource::new(|| (), |_| my_record());
    view! {
        <section class="card" aria-labelledby="my-hours-heading" data-testid="my-hours">
            <h2 id="my-hours-heading" class="card__title">{move || crate::locales::volunteering::record_title(lang.get())}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    record.await.ok().map(|record| {
                        let (approved, pending) = totals(&record);
                        view! {
                            <p>{move || crate::t!(lang.get(), volunteering::record_total { h: &format_hours(approved), p: &format_hours(pending) })}</p>
                        }
                    })
                })}
            </Suspense>
            <p><A href="/me/hours" attr:class="button button--secondary">{move || crate::locales::volunteering::view_record(lang.get())}</A></p>
        </section>
    }
}
