//! `/help/bookings/{id}`: one booking or offer of help, for the resident who asked and for the
//! member's side (the member, or a coordinator answering for them): where it stands, and the next
//! step each side may take.

use super::booking_api::{
    get_booking, AnswerBooking, BookingSide, BookingView, CancelBooking, ThankForBooking,
    THANKS_MAX,
};
use super::model::{format_price, BookingKind, BookingStatus};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date_time;
use crate::i18n::use_lang;
use crate::locales::Text;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Clone, Copy)]
struct BookingActions {
    answer: ServerAction<AnswerBooking>,
    cancel: ServerAction<CancelBooking>,
    thank: ServerAction<ThankForBooking>,
}

#[component]
pub fn BookingPage() -> impl IntoView {
    param_page("id", get_booking, |view| {
        view! { <BookingDetails view/> }.into_any()
    })
}

/// The notice for `?done=` after a step.
fn done_notice(done: &str) -> Option<Text> {
    Some(match done {
        "booked" => crate::locales::help::desk::booked_notice,
        "accepted" => crate::locales::help::desk::accepted_notice,
        "declined" => crate::locales::help::desk::declined_notice,
        "done" => crate::locales::help::desk::done_notice,
        "cancelled" => crate::locales::help::desk::cancelled_notice,
        "thanked" => crate::locales::help::desk::thanked_notice,
        _ => return None,
    })
}

#[component]
fn BookingDetails(view: BookingView) -> impl IntoView {
    let actions = BookingActions {
        answer: ServerAction::new(),
        cancel: ServerAction::new(),
        thank: ServerAction::new(),
    };
    let lang = use_lang();
    let b = view.booking.clone();
    let (status, kind) = (b.status, b.kind);
    let done = use_query_map()
        .read_untracked()
        .get("done")
        .and_then(|done| done_notice(&done));
    let member_name = view.member_name.clone();
    let price = b.price_fen;
    view! {
        <PageTitle text=b.title.clone()/>
        <div class="page-head">
            <p class="org-head__kind">
                <span class="chip chip--plain">{move || kind.label(lang.get())}</span>
                " "
                <span class="chip" data-testid="booking-status">{move || status.label(lang.get())}</span>
            </p>
            <h1>{b.title.clone()}</h1>
        </div>
        {done.map(|notice| view! { <p class="notice-ok" role="status">{move || notice(lang.get())}</p> })}
        <dl class="card facts">
            <dt>{move || crate::locales::help::desk::member_label(lang.get())}</dt>
            <dd>
                <a href=format!("/help/{}", b.member_id)>
                    {move || member_name.clone().unwrap_or_else(|| crate::locales::help::board::anonymous(lang.get()).to_string())}
                </a>
            </dd>
            {(kind == BookingKind::Service).then(|| view! {
                <dt>{move || crate::locales::help::desk::price_label(lang.get())}</dt>
                <dd data-testid="booking-price">{move || format_price(price, crate::locales::help::board::free(lang.get()))}</dd>
            })}
            {b.resident_id.map(|_| {
                let name = b.resident_name.clone();
                view! {
                    <dt>{move || crate::locales::help::desk::asked_by_label(lang.get())}</dt>
                    <dd data-testid="booking-resident">
                        {name.unwrap_or_else(|| crate::locales::accounts::deleted_account(lang.get()).to_string())}
                    </dd>
                }
            })}
            <dt>{move || crate::locales::help::desk::asked_at_label(lang.get())}</dt>
            <dd>{move || format_date_time(b.created_at, lang.get(), None)}</dd>
            {(!b.time_preference.is_empty()).then(|| view! {
                <dt>{move || crate::locales::help::desk::time_label(lang.get())}</dt>
                <dd>{b.time_preference.clone()}</dd>
            })}
            {(!b.message.is_empty()).then(|| view! {
                <dt>{move || crate::locales::help::desk::message_label(lang.get())}</dt>
                <dd class="prose">{b.message.clone()}</dd>
            })}
        </dl>
        <NextStep view=view.clone() actions/>
        {b.thanks.clone().map(|thanks| view! {
            <section class="card" aria-labelledby="thanks-heading" data-testid="booking-thanks">
                <h2 id="thanks-heading" class="card__title">{move || crate::locales::help::desk::thanks_heading(lang.get())}</h2>
                <p class="prose">{thanks}</p>
            </section>
        })}
        <p class="page-foot">
            <a href=format!("/help/{}", b.member_id) class="button button--secondary">{move || crate::locales::help::desk::back_to_member(lang.get())}</a>
        </p>
    }
}

/// The step the reader may take now, by side and state.
#[component]
fn NextStep(view: BookingView, actions: BookingActions) -> impl IntoView {
    let lang = use_lang();
    let b = view.booking;
    let id = b.id;
    let member_side = view.side != BookingSide::Resident;
    let answer_button = move |to: BookingStatus, label: Text, class: &'static str| {
        view! {
            <ActionForm action=actions.answer attr:class="form form--inline">
                <input type="hidden" name="booking" value=id/>
                <input type="hidden" name="to" value=to.as_str()/>
                <button type="submit" class=class data-testid=format!("answer-{}", to.as_str())>
                    {move || label(lang.get())}
                </button>
            </ActionForm>
        }
    };
    let body = match (member_side, b.status) {
        (true, BookingStatus::Requested) => view! {
            <p class="button-row">
                {answer_button(BookingStatus::Accepted, crate::locales::help::desk::accept_button, "button")}
                {answer_button(BookingStatus::Declined, crate::locales::help::desk::decline_button, "button button--secondary")}
            </p>
        }
        .into_any(),
        (true, BookingStatus::Accepted) => view! {
            <p>{move || crate::locales::help::desk::accepted_member_hint(lang.get())}</p>
            {answer_button(BookingStatus::Done, crate::locales::help::desk::done_button, "button")}
        }
        .into_any(),
        (false, BookingStatus::Requested | BookingStatus::Accepted) => view! {
            <p>{move || if b.status == BookingStatus::Requested { crate::locales::help::desk::waiting_member(lang.get()) } else { crate::locales::help::desk::accepted_resident_hint(lang.get()) }}</p>
            <ActionForm action=actions.cancel attr:class="form">
                <input type="hidden" name="booking" value=id/>
                <button type="submit" class="button button--danger">{move || crate::locales::help::desk::cancel_button(lang.get())}</button>
            </ActionForm>
        }
        .into_any(),
        (false, BookingStatus::Done) if b.thanks.is_none() => view! {
            <ActionForm action=actions.thank attr:class="form" attr:data-testid="thanks-form">
                <input type="hidden" name="booking" value=id/>
                <label for="thanks-text">{move || crate::locales::help::desk::thanks_label(lang.get())}</label>
                <textarea id="thanks-text" name="text" rows="3" maxlength=THANKS_MAX required></textarea>
                <button type="submit" class="button">{move || crate::locales::help::desk::thanks_button(lang.get())}</button>
            </ActionForm>
        }
        .into_any(),
        _ => return ().into_any(),
    };
    view! {
        <section class="card" aria-labelledby="step-heading" data-testid="booking-step">
            <h2 id="step-heading" class="card__title">{move || crate::locales::help::desk::next_step_heading(lang.get())}</h2>
            {(view.side == BookingSide::Coordinator).then(|| view! {
                <p class="hint" data-testid="acting-for-member">{move || crate::locales::help::desk::acting_hint(lang.get())}</p>
            })}
            <FormErrorMessage result=actions.answer.value()/>
            <FormErrorMessage result=actions.cancel.value()/>
            <FormErrorMessage result=actions.thank.value()/>
            {body}
        </section>
    }
    .into_any()
}
