//! `/items/requests/{id}`: one request, for the listing's owner and the asker only — where it
//! stands, the handover (the giver's code and QR, the taker's code entry, or a tap each), the
//! return of a lent item, backing out, and the message thread where the pickup address is shared.

use super::detail_page::{PromiseForm, WithdrawRequestForm};
use super::model::{ItemMode, ItemStatus, RequestStatus};
use super::request_api::{
    get_request, BackOutOfPromise, ConfirmHandover, ConfirmReturn, PromiseItem, RequestView,
    SendItemMessage, WithdrawRequest,
};
use crate::components::{FormErrorMessage, QrCode};
use crate::error::AppError;
use crate::i18n::dates::{format_date, format_date_time};
use crate::i18n::use_lang;
use crate::orgs::use_org_id;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Clone, Copy)]
struct RequestActions {
    promise: ServerAction<PromiseItem>,
    withdraw: ServerAction<WithdrawRequest>,
    handover: ServerAction<ConfirmHandover>,
    back_out: ServerAction<BackOutOfPromise>,
    returned: ServerAction<ConfirmReturn>,
    message: ServerAction<SendItemMessage>,
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let id = use_org_id();
    let actions = RequestActions {
        promise: ServerAction::new(),
        withdraw: ServerAction::new(),
        handover: ServerAction::new(),
        back_out: ServerAction::new(),
        returned: ServerAction::new(),
        message: ServerAction::new(),
    };
    let request = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_request(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match request.await {
                    Ok(view) => view! { <RequestDetails view actions/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RequestDetails(view: RequestView, actions: RequestActions) -> impl IntoView {
    let lang = use_lang();
    let r = view.request.clone();
    let status = r.status;
    let query = use_query_map().read_untracked().clone();
    let done_notice: Option<crate::locales::Text> = match query.get("done").as_deref() {
        Some("promised") => Some(crate::locales::items::board::promised_notice),
        Some("confirmed") => Some(crate::locales::items::board::confirmed_notice),
        Some("returned") => Some(crate::locales::items::board::returned_notice),
        _ => None,
    };
    view! {
        <PageTitle text=r.item_title.clone()/>
        <div class="page-head">
            <p class="org-head__kind">
                <span class="chip" data-testid="request-status">{move || status.label(lang.get())}</span>
            </p>
            <h1>{r.item_title.clone()}</h1>
            <p class="page-head__lead">
                {move || crate::locales::items::board::request_from(lang.get())}{shown(r.requester_deleted, &r.requester_name, crate::locales::accounts::deleted_account(lang.get()))}
            </p>
        </div>
        {done_notice.map(|notice| view! { <p class="notice-ok" role="status">{move || notice(lang.get())}</p> })}
        <section class="card">
            <p class="prose">{shown(r.requester_deleted, &r.message, crate::locales::accounts::deleted_text(lang.get()))}</p>
            {r.due_at.map(|due| view! {
                <p data-testid="due-date">{move || crate::locales::items::board::due_note(lang.get())}{move || format_date(due, lang.get())}</p>
            })}
        </section>
        <Handover view=view.clone() actions code_typed=query.get("code").unwrap_or_default()/>
        <Thread view actions/>
        <p class="page-foot">
            <a href=format!("/items/{}", r.item_id) class="button button--secondary">{move || crate::locales::items::board::back_to_item(lang.get())}</a>
        </p>
    }
}

/// What each side does at the handover, by the request's state.
#[component]
fn Handover(view: RequestView, actions: RequestActions, code_typed: String) -> impl IntoView {
    let lang = use_lang();
    let r = view.request;
    let id = r.id;
    let mine_confirmed = if view.is_owner {
        r.giver_confirmed
    } else {
        r.taker_confirmed
    };
    let body = match r.status {
        // Still waiting: the owner may promise it here too, the asker may take it back.
        RequestStatus::Open if view.is_owner && view.item_status == ItemStatus::Available => {
            view! {
                <FormErrorMessage result=actions.promise.value()/>
                <PromiseForm request_id=id mode=view.item_mode action=actions.promise/>
            }
            .into_any()
        }
        RequestStatus::Open if !view.is_owner => view! {
            <p>{move || crate::locales::items::board::waiting_for_owner(lang.get())}</p>
            <WithdrawRequestForm request_id=id action=actions.withdraw/>
        }
        .into_any(),
        RequestStatus::Promised => {
            let code_panel = match (view.is_owner, view.handover_code) {
                (true, Some(code)) => {
                    let spaced = format!("{} {}", &code[..3], &code[3..]);
                    view! {
                        <p>{move || crate::locales::items::board::code_for_taker(lang.get())}</p>
                        <p class="checkin-code" data-testid="handover-code">{spaced}</p>
                        {view.qr_svg.map(|svg| view! {
                            <QrCode svg label=Signal::derive(move || crate::locales::items::board::code_label(lang.get()).to_string())/>
                        })}
                    }
                    .into_any()
                }
                (false, _) => view! {
                    <ActionForm action=actions.handover attr:class="form" attr:data-testid="code-form">
                        <input type="hidden" name="request" value=id/>
                        <label for="handover-code">{move || crate::locales::items::board::code_label(lang.get())}</label>
                        <input id="handover-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                            pattern="[0-9]{6}" maxlength="6" required value=code_typed aria-describedby="handover-code-hint"/>
                        <p id="handover-code-hint" class="hint">{move || crate::locales::items::board::code_hint(lang.get())}</p>
                        <button type="submit" class="button">{move || crate::locales::items::board::confirm_with_code(lang.get())}</button>
                    </ActionForm>
                }
                .into_any(),
                _ => ().into_any(),
            };
            view! {
                {code_panel}
                {if mine_confirmed {
                    view! { <p class="notice-ok" role="status">{move || crate::locales::items::board::waiting_for_others(lang.get())}</p> }.into_any()
                } else {
                    view! {
                        <ActionForm action=actions.handover attr:class="form">
                            <input type="hidden" name="request" value=id/>
                            <button type="submit" class="button button--secondary" data-testid="confirm-tap">
                                {move || if view.is_owner { crate::locales::items::board::giver_confirm(lang.get()) } else { crate::locales::items::board::taker_confirm(lang.get()) }}
                            </button>
                        </ActionForm>
                    }.into_any()
                }}
                <ActionForm action=actions.back_out attr:class="form">
                    <input type="hidden" name="request" value=id/>
                    <button type="submit" class="button button--danger">{move || crate::locales::items::board::back_out_button(lang.get())}</button>
                </ActionForm>
            }
            .into_any()
        }
        RequestStatus::HandedOver => view! {
            <p class="notice-ok" data-testid="handed-over">{move || crate::locales::items::board::handed_over_note(lang.get())}</p>
            {(view.is_owner && view.item_mode == ItemMode::Lend).then(|| view! {
                <ActionForm action=actions.returned attr:class="form">
                    <input type="hidden" name="request" value=id/>
                    <button type="submit" class="button">{move || crate::locales::items::board::return_button(lang.get())}</button>
                </ActionForm>
            })}
        }
        .into_any(),
        RequestStatus::Returned => {
            view! { <p class="notice-ok">{move || crate::locales::items::board::returned_note(lang.get())}</p> }.into_any()
        }
        _ => return ().into_any(),
    };
    view! {
        <section class="card" aria-labelledby="handover-heading" data-testid="handover">
            <h2 id="handover-heading" class="card__title">{move || crate::locales::items::board::handover_heading(lang.get())}</h2>
            <FormErrorMessage result=actions.handover.value()/>
            <FormErrorMessage result=actions.back_out.value()/>
            <FormErrorMessage result=actions.returned.value()/>
            {body}
        </section>
    }
    .into_any()
}

/// The thread: both sides' messages, oldest first, and a box to write.
#[component]
fn Thread(view: RequestView, actions: RequestActions) -> impl IntoView {
    let lang = use_lang();
    let id = view.request.id;
    let empty = view.messages.is_empty();
    view! {
        <section class="card" id="thread" aria-labelledby="thread-heading">
            <h2 id="thread-heading" class="card__title">{move || crate::locales::items::board::thread_heading(lang.get())}</h2>
            <p class="hint">{move || crate::locales::items::board::thread_hint(lang.get())}</p>
            {empty.then(|| view! { <p class="empty-note">{move || crate::locales::items::board::no_messages(lang.get())}</p> })}
            <ol class="thread" data-testid="thread">
                {view.messages.into_iter().map(|m| view! {
                    <li class="thread__message">
                        <p class="thread__meta">
                            <strong>{shown(m.author_deleted, &m.author_name, crate::locales::accounts::deleted_account(lang.get()))}</strong>" · "
                            {move || format_date_time(m.created_at, lang.get(), None)}
                        </p>
                        <p class="prose">{shown(m.author_deleted, &m.body, crate::locales::accounts::deleted_text(lang.get()))}</p>
                    </li>
                }).collect_view()}
            </ol>
            <ActionForm action=actions.message attr:class="form">
                <FormErrorMessage result=actions.message.value()/>
                <input type="hidden" name="request" value=id/>
                <label for="thread-message">{move || crate::locales::items::board::message_label(lang.get())}</label>
                <textarea id="thread-message" name="body" rows="3" required maxlength="1000"></textarea>
                <button type="submit" class="button">{move || crate::locales::items::board::send_button(lang.get())}</button>
            </ActionForm>
        </section>
    }
}

/// What someone wrote (or their name), or `instead` once they have deleted their account.
pub(super) fn shown(deleted: bool, text: &str, instead: &'static str) -> String {
    if deleted { instead } else { text }.to_string()
}
