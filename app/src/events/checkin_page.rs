//! `/events/{id}/checkin`: a participant checks in, and later out, with the code shown at the
//! event (typed, or filled in by scanning the QR code with the phone's camera, which opens this
//! page with `?code=`, or read by the page itself where the browser can: see `scan`). `/events/{id}/checkin/code`: the organisers' screen showing that code.

use super::checkin_api::{get_checkin_screen, get_my_checkin, CheckIn, CheckinScreen, MyCheckin};
use super::model::Place;
use crate::components::{FormErrorMessage, QrCode};
use crate::i18n::dates::format_date_time;
use crate::i18n::use_lang;
use crate::locales::{Lang, Text};
use crate::numbers::format_hours;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn CheckinPage() -> impl IntoView {
    param_page("id", get_my_checkin, |mine| {
        view! { <CheckinView mine/> }.into_any()
    })
}

#[component]
pub fn CheckinCodePage() -> impl IntoView {
    param_page("id", get_checkin_screen, |screen| {
        view! { <CodeScreen screen/> }.into_any()
    })
}

fn done_text(done: &str, minutes: &str, lang: Lang) -> Option<String> {
    Some(match done {
        "in" => crate::locales::volunteering::done_checked_in(lang).to_string(),
        "out" => {
            let minutes = minutes.parse().unwrap_or(0);
            crate::t!(
                lang,
                volunteering::done_checked_out {
                    h: &format_hours(minutes)
                }
            )
        }
        "already" => crate::locales::volunteering::done_already(lang).to_string(),
        _ => return None,
    })
}

#[component]
fn CheckinView(mine: MyCheckin) -> impl IntoView {
    let lang = use_lang();
    let check_in = ServerAction::<CheckIn>::new();
    let (done, minutes, code) = use_query_map().with_untracked(|q| {
        (
            q.get("done").unwrap_or_default(),
            q.get("m").unwrap_or_default(),
            q.get("code").unwrap_or_default(),
        )
    });
    let id = mine.event.id;
    let seated = mine.place == Some(Place::Going);
    let finished = mine.checked_in_at.is_some() && mine.checked_out_at.is_some();
    let may_try = mine.window_open && !finished && (seated || mine.walk_ins);
    let time = move |at: Option<i64>| at.map(|at| format_date_time(at, lang.get_untracked(), None));
    let (checked_in, checked_out) = (time(mine.checked_in_at), time(mine.checked_out_at));
    let button: Text = if mine.checked_in_at.is_some() {
        crate::locales::volunteering::check_out
    } else {
        crate::locales::volunteering::check_in
    };
    view! {
        <PageTitle text=crate::locales::volunteering::checkin_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::volunteering::checkin_title(lang.get())}</h1>
            <p class="page-head__lead"><A href=format!("/events/{id}")>{mine.event.title.clone()}</A></p>
        </div>
        {move || done_text(&done, &minutes, lang.get()).map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <section class="card" data-testid="my-checkin">
            {(!seated && !mine.walk_ins).then(|| view! {
                <p class="notice-info">{move || super::EventRefusal::CheckinNotJoined.message(lang.get())}</p>
            })}
            <dl class="facts">
                <dt>{move || crate::locales::volunteering::checked_in_at(lang.get())}</dt>
                <dd data-testid="checked-in-at">{checked_in.unwrap_or_else(|| "—".into())}</dd>
                <dt>{move || crate::locales::volunteering::checked_out_at(lang.get())}</dt>
                <dd data-testid="checked-out-at">{checked_out.unwrap_or_else(|| "—".into())}</dd>
                {mine.credit.map(|(minutes, status)| view! {
                    <dt>{move || crate::locales::volunteering::credit_hours(lang.get())}</dt>
                    <dd data-testid="credit-hours">
                        {format_hours(minutes)}" "{move || crate::locales::events::hours_unit(lang.get())}
                        " · "{move || status.label(lang.get())}
                    </dd>
                })}
            </dl>
            {(!mine.window_open && !finished).then(|| view! {
                <p class="hint">{move || super::EventRefusal::CheckinClosed.message(lang.get())}</p>
            })}
            {may_try.then(|| view! {
                <ActionForm action=check_in attr:class="form checkin-form">
                    <FormErrorMessage result=check_in.value()/>
                    <input type="hidden" name="id" value=id/>
                    <label for="checkin-code">{move || crate::locales::volunteering::code_label(lang.get())}</label>
                    <input id="checkin-code" name="code" type="text" inputmode="numeric"
                        autocomplete="one-time-code" maxlength="7" pattern="[0-9 ]{6,7}" required
                        class="checkin-form__code" value=code.clone()/>
                    <p class="hint">{move || crate::locales::volunteering::code_hint(lang.get())}</p>
                    <button type="submit" class="button" data-testid="check-in">{move || button(lang.get())}</button>
                    <super::scan::ScanCheckinCode/>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn CodeScreen(screen: CheckinScreen) -> impl IntoView {
    let lang = use_lang();
    let id = screen.event.id;
    let window = crate::t!(
        lang.get(),
        volunteering::code_window {
            from: &format_date_time(screen.opens_at, lang.get_untracked(), None),
            to: &format_date_time(screen.closes_at, lang.get_untracked(), None)
        }
    );
    let counts = move || {
        crate::t!(
            lang.get(),
            volunteering::code_counts {
                checked_in: &screen.checked_in,
                seated: &screen.seated
            }
        )
    };
    let shown = screen.code.map(|code| {
        // Read in two halves, like a phone number.
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        let next = screen.next_code_in;
        view! {
            // A new code every half-minute: the page reloads itself when this one expires, with
            // or without JavaScript.
            <Meta http_equiv="refresh" content=next.to_string()/>
            <p class="checkin-code" data-testid="checkin-code" aria-live="polite">{spaced}</p>
            <QrCode svg=screen.qr_svg label=Signal::derive(move || crate::locales::volunteering::qr_label(lang.get()).to_string())/>
            <p class="hint">{move || crate::t!(lang.get(), volunteering::code_rotates { n: next })}</p>
        }
    });
    let has_code = shown.is_some();
    view! {
        <PageTitle text=crate::locales::volunteering::code_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::volunteering::code_title(lang.get())}</h1>
            <p class="page-head__lead"><A href=format!("/events/{id}")>{screen.event.title.clone()}</A></p>
        </div>
        <section class="card checkin-screen" data-testid="checkin-screen">
            {shown}
            {(!has_code).then(|| view! { <p class="notice-info">{window.clone()}</p> })}
            <p class="checkin-screen__url">{move || crate::locales::volunteering::code_url(lang.get())}" "<span>{screen.checkin_url.clone()}</span></p>
            <p data-testid="checkin-counts">{counts}</p>
        </section>
        <p class="page-foot">
            <A href=format!("/events/{id}/roster") attr:class="button button--secondary">{move || crate::locales::events::roster(lang.get())}</A>
        </p>
    }
}
