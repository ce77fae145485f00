//! `/me/hours`: my volunteer record — confirmed hours by organisation and year with a button to
//! issue a certificate for each, the events behind them, and my certificates. A summary card of
//! it sits on 我的.

use super::record_api::{my_record, IssueCertificate, VolunteerRecord};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date;
use crate::i18n::{use_lang, use_texts};
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
    let t = use_texts();
    let lang = use_lang();
    let issue = ServerAction::<IssueCertificate>::new();
    let (approved, pending) = totals(&record);
    let no_years = record.years.is_empty();
    view! {
        <PageTitle text=t().volunteering.record_title/>
        <div class="page-head">
            <h1>{move || t().volunteering.record_title}</h1>
            <p class="page-head__lead" data-testid="hours-total">{move || t().volunteering.record_total
                .replace("{h}", &format_hours(approved))
                .replace("{p}", &format_hours(pending))}</p>
        </div>
        <section class="card" aria-labelledby="years-heading">
            <h2 id="years-heading" class="card__title">{move || t().volunteering.years_heading}</h2>
            <FormErrorMessage result=issue.value()/>
            {no_years.then(|| view! { <p class="hint">{move || t().volunteering.no_record}</p> })}
            <ul class="compact-list" data-testid="service-years">
                {record.years.into_iter().map(|year| view! {
                    <li class="service-year">
                        <span>
                            <strong>{year.year}" · "{year.org_name.clone()}</strong><br/>
                            {move || t().volunteering.year_line
                                .replace("{h}", &format_hours(year.minutes))
                                .replace("{n}", &year.events.to_string())}
                        </span>
                        {if year.org_tier.is_verified() {
                            view! {
                                <ActionForm action=issue>
                                    <input type="hidden" name="org" value=year.org_id/>
                                    <input type="hidden" name="year" value=year.year/>
                                    <button type="submit" class="button button--secondary" data-testid="issue-certificate">
                                        {move || t().volunteering.issue_certificate}
                                    </button>
                                </ActionForm>
                            }.into_any()
                        } else {
                            view! {
                                <span class="hint" data-testid="no-certificate">
                                    {move || t().volunteering.certificate_unverified_org}
                                </span>
                            }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {(!record.certificates.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="certs-heading">
                <h2 id="certs-heading" class="card__title">{move || t().volunteering.certificates_heading}</h2>
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
            <h2 id="served-heading" class="card__title">{move || t().volunteering.events_heading}</h2>
            <ul class="compact-list" data-testid="served-events">
                {record.events.into_iter().map(|e| {
                    let day = format_date(e.starts_at, lang.get_untracked());
                    view! {
                        <li>
                            <A href=format!("/events/{}", e.event_id)>{e.title.clone()}</A>
                            <span class="hint">" "{day}" · "{e.org_name.clone()}</span><br/>
                            {format_hours(e.approved_minutes)}" "{move || t().events_page.hours_unit}
                            {(e.pending_minutes > 0).then(|| view! {
                                <span class="hint">{move || t().volunteering.pending_part
                                    .replace("{h}", &format_hours(e.pending_minutes))}</span>
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
    let t = use_texts();
    let record = Resource::new(|| (), |_| my_record());
    view! {
        <section class="card" aria-labelledby="my-hours-heading" data-testid="my-hours">
            <h2 id="my-hours-heading" class="card__title">{move || t().volunteering.record_title}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    record.await.ok().map(|record| {
                        let (approved, pending) = totals(&record);
                        view! {
                            <p>{move || t().volunteering.record_total
                                .replace("{h}", &format_hours(approved))
                                .replace("{p}", &format_hours(pending))}</p>
                        }
                    })
                })}
            </Suspense>
            <p><A href="/me/hours" attr:class="button button--secondary">{move || t().volunteering.view_record}</A></p>
        </section>
    }
}
