//! `/items/{id}`: one listing — its photos, what it is, how it is passed on, roughly where — readable
//! without JavaScript.

use super::api::{get_item, ItemView};
use super::model::ReportReason;
use super::model::{ItemKind, ItemMode, ItemRequest, ItemStatus, RequestStatus};
use super::moderation_api::{ReportItem, REPORT_DETAILS_MAX};
use super::request_api::{
    AskForItem, PromiseItem, RepostItem, WithdrawItem, WithdrawRequest, REQUEST_MESSAGE_MAX,
};
use super::request_page::shown;
use crate::components::{ChoiceSelect, FormErrorMessage};
use crate::error::AppError;
use crate::geo::pin_map::{configured_tiles, LeafletAssets, PlaceMap};
use crate::i18n::dates::format_date;
use crate::i18n::use_lang;
use crate::orgs::{use_org_id, Fact};
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn ItemPage() -> impl IntoView {
    // The same `{id}` rule as other pages: a number, or a page that does not exist.
    let id = use_org_id();
    let actions = ItemActions {
        ask: ServerAction::new(),
        withdraw: ServerAction::new(),
        promise: ServerAction::new(),
        report: ServerAction::new(),
        take_down: ServerAction::new(),
        repost: ServerAction::new(),
    };
    let item = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_item(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match item.await {
                    Ok(view) => view! { <ItemDetails view actions/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

/// The forms of the page, made by the routed page so that a refused one shows its reason (also
/// without JavaScript).
#[derive(Clone, Copy)]
struct ItemActions {
    ask: ServerAction<AskForItem>,
    withdraw: ServerAction<WithdrawRequest>,
    promise: ServerAction<PromiseItem>,
    report: ServerAction<ReportItem>,
    take_down: ServerAction<WithdrawItem>,
    repost: ServerAction<RepostItem>,
}

#[component]
fn ItemDetails(view: ItemView, actions: ItemActions) -> impl IntoView {
    let lang = use_lang();
    let item = view.item;
    let (kind, category, mode, status) = (item.kind, item.category, item.mode, item.status);
    let condition = item.condition;
    let at_handout = item.handout.is_some();
    let done = use_query_map()
        .read_untracked()
        .get("done")
        .unwrap_or_default();
    let done_notice: Option<crate::locales::Text> = match done.as_str() {
        "posted" => Some(crate::locales::items::board::posted_notice),
        "asked" => Some(crate::locales::items::board::asked_notice),
        "withdrawn" => Some(crate::locales::items::board::withdrawn_notice),
        "backed_out" => Some(crate::locales::items::board::backed_out_notice),
        "taken_down" => Some(crate::locales::items::board::taken_down_notice),
        "reposted" => Some(crate::locales::items::board::reposted_notice),
        _ => None,
    };
    let (item_id, item_open) = (item.id, view.open);
    let available = item.status == ItemStatus::Available;
    let photo_count = item.photos.len();
    view! {
        <PageTitle text=item.title.clone()/>
        <div class="page-head">
            <p class="org-head__kind">
                <span class=if kind == ItemKind::Wanted { "chip chip--wanted" } else { "chip" }>{move || kind.label(lang.get())}</span>
                " "
                <span class="chip chip--plain" data-testid="item-status">{move || status.label(lang.get())}</span>
            </p>
            <h1>{item.title.clone()}</h1>
        </div>
        {done_notice.map(|notice| view! { <p class="notice-ok" role="status">{move || notice(lang.get())}</p> })}
        {item.hidden.then(|| view! { <p class="form-error" role="status">{move || crate::locales::items::board::hidden_note(lang.get())}</p> })}
        {(!view.open && !item.hidden).then(|| view! { <p class="empty-note">{move || crate::locales::items::board::closed_note(lang.get())}</p> })}
        {(photo_count > 0).then(|| view! {
            <ul class="item-photos" data-testid="item-photos">
                {item.photos.iter().enumerate().map(|(n, photo)| view! {
                    <li>
                        <a href=photo.display_url()>
                            <img src=photo.display_url() width=photo.width height=photo.height
                                loading=if n == 0 { "eager" } else { "lazy" }
                                alt=move || format!("{} {}/{}", crate::locales::items::board::photo_alt(lang.get()), n + 1, photo_count)/>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {(!item.description.is_empty()).then(|| view! {
            <section class="card"><p class="prose">{item.description.clone()}</p></section>
        })}
        <dl class="card facts">
            <dt>{move || crate::locales::items::board::category_label(lang.get())}</dt>
            <dd>{move || category.label(lang.get())}</dd>
            <dt>{move || crate::locales::items::board::mode_label(lang.get())}</dt>
            <dd>{move || mode.label(lang.get())}</dd>
            {condition.map(|c| view! {
                <dt>{move || crate::locales::items::board::condition_label(lang.get())}</dt>
                <dd>{move || c.label(lang.get())}</dd>
            })}
            <Fact label=crate::locales::items::board::pickup_label value=item.pickup_notes.clone()/>
            {item.handout.clone().map(|h| view! {
                <dt>{move || crate::locales::items::board::handout_label(lang.get())}</dt>
                <dd data-testid="item-handout">
                    <a href=format!("/resources/{}", h.resource_id)>{h.resource_name}</a>
                    {h.org_name.map(|org| format!(" · {org}"))}
                </dd>
            })}
            {view.near.map(|area| view! {
                <dt>{move || crate::locales::items::board::near_label(lang.get())}</dt>
                <dd data-testid="item-near">{move || area.name(lang.get()).to_string()}</dd>
            })}
            <dt>{move || crate::locales::items::board::posted_by(lang.get())}</dt>
            <dd>{item.owner_name.clone()}</dd>
            <dt>{move || crate::locales::items::board::posted_on(lang.get())}</dt>
            <dd>{move || format_date(item.created_at, lang.get())}</dd>
            <dt>{move || crate::locales::items::board::expires_on(lang.get())}</dt>
            <dd>{move || format_date(item.expires_at, lang.get())}</dd>
        </dl>
        {view.is_owner.then(|| {
            let can_take_down = matches!(status, ItemStatus::Available | ItemStatus::Expired);
            let can_repost = !item.hidden
                && (matches!(status, ItemStatus::Expired | ItemStatus::Withdrawn)
                    || (status == ItemStatus::Available && !item_open));
            view! {
                <FormErrorMessage result=actions.take_down.value()/>
                <FormErrorMessage result=actions.repost.value()/>
                <div class="button-row owner-actions">
                    {can_repost.then(|| view! {
                        <ActionForm action=actions.repost>
                            <input type="hidden" name="id" value=item_id/>
                            <button type="submit" class="button">{move || crate::locales::items::board::repost_button(lang.get())}</button>
                        </ActionForm>
                    })}
                    {can_take_down.then(|| view! {
                        <ActionForm action=actions.take_down>
                            <input type="hidden" name="id" value=item_id/>
                            <button type="submit" class="button button--secondary">{move || crate::locales::items::board::withdraw_item_button(lang.get())}</button>
                        </ActionForm>
                    })}
                </div>
            }
        })}
        {if view.is_owner {
            view! { <OwnerRequests requests=view.requests mode available action=actions.promise/> }.into_any()
        } else if let Some(mine) = view.mine {
            view! { <MyRequest request=mine action=actions.withdraw/> }.into_any()
        } else if item_open {
            view! { <AskForm item_id signed_in=view.signed_in action=actions.ask/> }.into_any()
        } else {
            ().into_any()
        }}
        <p class="hint" data-testid="item-place-hint">{move || if at_handout { crate::locales::items::board::handout_place(lang.get()) } else { crate::locales::items::board::approx_place(lang.get()) }}</p>
        {(view.signed_in && !view.is_owner).then(|| view! { <ReportForm item_id action=actions.report/> })}
        <LeafletAssets/>
        <PlaceMap lat=item.cell_lat lng=item.cell_lng name=item.title.clone() tiles=configured_tiles()/>
        <p class="page-foot">
            <A href="/items" attr:class="button button--secondary">{move || crate::locales::items::board::back_to_list(lang.get())}</A>
        </p>
    }
}

#[component]
fn AskForm(item_id: i64, signed_in: bool, action: ServerAction<AskForItem>) -> impl IntoView {
    let lang = use_lang();
    if !signed_in {
        let next = format!("/signin?next=%2Fitems%2F{item_id}");
        return view! {
            <p><a href=next class="button" data-testid="sign-in-to-ask">{move || crate::locales::items::board::sign_in_to_ask(lang.get())}</a></p>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby="ask-heading">
            <h2 id="ask-heading" class="card__title">{move || crate::locales::items::board::ask_heading(lang.get())}</h2>
            <ActionForm action attr:class="form" attr:data-testid="ask-form">
                <FormErrorMessage result=action.value()/>
                <input type="hidden" name="id" value=item_id/>
                <label for="ask-message">{move || crate::locales::items::board::ask_label(lang.get())}</label>
                <textarea id="ask-message" name="message" rows="3" required maxlength=REQUEST_MESSAGE_MAX
                    aria-describedby="ask-hint"></textarea>
                <p id="ask-hint" class="hint">{move || crate::locales::items::board::ask_hint(lang.get())}</p>
                <button type="submit" class="button">{move || crate::locales::items::board::ask_button(lang.get())}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The reader's own request: where it is, the way to the thread, and withdrawing while it waits.
#[component]
fn MyRequest(request: ItemRequest, action: ServerAction<WithdrawRequest>) -> impl IntoView {
    let lang = use_lang();
    let status = request.status;
    view! {
        <section class="card" aria-labelledby="my-request-heading" data-testid="my-request">
            <h2 id="my-request-heading" class="card__title">{move || crate::locales::items::board::your_request(lang.get())}</h2>
            <p><span class="chip" data-testid="request-status">{move || status.label(lang.get())}</span></p>
            <p class="prose">{request.message.clone()}</p>
            <p class="button-row">
                <a href=format!("/items/requests/{}", request.id) class="button button--secondary">{move || crate::locales::items::board::open_thread(lang.get())}</a>
            </p>
            {(status == RequestStatus::Open).then(|| view! { <WithdrawRequestForm request_id=request.id action/> })}
        </section>
    }
}

/// The owner's list of requests, with "promise" on each one still waiting while the item is
/// available (lending asks for the day it is due back).
#[component]
fn OwnerRequests(
    requests: Vec<ItemRequest>,
    mode: ItemMode,
    available: bool,
    action: ServerAction<PromiseItem>,
) -> impl IntoView {
    let lang = use_lang();
    let count = requests.len();
    view! {
        <section class="card" aria-labelledby="requests-heading" data-testid="owner-requests">
            <h2 id="requests-heading" class="card__title">{move || crate::locales::items::board::requests_heading(lang.get())}" ("{count}")"</h2>
            <FormErrorMessage result=action.value()/>
            {(count == 0).then(|| view! { <p class="empty-note">{move || crate::locales::items::board::no_requests(lang.get())}</p> })}
            <ul class="request-list">
                {requests.into_iter().map(|r| {
                    let status = r.status;
                    view! {
                        <li class="request-entry" data-testid="request-entry">
                            <p class="request-entry__head">
                                <strong>{shown(r.requester_deleted, &r.requester_name, crate::locales::accounts::deleted_account(lang.get()))}</strong>
                                <span class="chip chip--plain" data-testid="request-status">{move || status.label(lang.get())}</span>
                                <span class="hint">{move || format_date(r.created_at, lang.get())}</span>
                            </p>
                            <p class="prose">{shown(r.requester_deleted, &r.message, crate::locales::accounts::deleted_text(lang.get()))}</p>
                            <p class="button-row">
                                <a href=format!("/items/requests/{}", r.id) class="button button--secondary">{move || crate::locales::items::board::open_thread(lang.get())}</a>
                            </p>
                            {(available && status == RequestStatus::Open).then(|| view! {
                                <PromiseForm request_id=r.id mode action/>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The owner promises the listing to one asker; lending asks for the day it is due back.
#[component]
pub(super) fn PromiseForm(
    request_id: i64,
    mode: ItemMode,
    action: ServerAction<PromiseItem>,
) -> impl IntoView {
    let lang = use_lang();
    let due_id = format!("due-{request_id}");
    view! {
        <ActionForm action attr:class="form" attr:data-testid="promise-form">
            <input type="hidden" name="request" value=request_id/>
            {(mode == ItemMode::Lend).then(|| view! {
                <label for=due_id.clone()>{move || crate::locales::items::board::due_label(lang.get())}</label>
                <input id=due_id.clone() type="date" name="due" required/>
            })}
            <button type="submit" class="button">{move || crate::locales::items::board::promise_button(lang.get())}</button>
        </ActionForm>
    }
}

/// The asker takes back a request the owner has not acted on yet.
#[component]
pub(super) fn WithdrawRequestForm(
    request_id: i64,
    action: ServerAction<WithdrawRequest>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ActionForm action attr:class="form">
            <FormErrorMessage result=action.value()/>
            <input type="hidden" name="request" value=request_id/>
            <button type="submit" class="button button--secondary">{move || crate::locales::items::board::withdraw_button(lang.get())}</button>
        </ActionForm>
    }
}

/// "Report this listing": a second tap opens the reasons (works without JavaScript).
#[component]
fn ReportForm(item_id: i64, action: ServerAction<ReportItem>) -> impl IntoView {
    let lang = use_lang();
    let failed = Signal::derive(move || action.value().with(|v| matches!(v, Some(Err(_)))));
    view! {
        <details class="confirm-step report-step" open=failed>
            <summary class="button button--secondary">{move || crate::locales::items::board::report_summary(lang.get())}</summary>
            <ActionForm action attr:class="form" attr:data-testid="report-form">
                <FormErrorMessage result=action.value()/>
                <input type="hidden" name="id" value=item_id/>
                <label for="report-reason">{move || crate::locales::items::board::report_reason_label(lang.get())}</label>
                <ChoiceSelect<ReportReason> id="report-reason" name="reason" current=String::new()
                    any=|_| "—" required=true/>
                <label for="report-details">{move || crate::locales::items::board::report_details_label(lang.get())}</label>
                <textarea id="report-details" name="details" rows="2" maxlength=REPORT_DETAILS_MAX></textarea>
                <button type="submit" class="button button--danger">{move || crate::locales::items::board::report_button(lang.get())}</button>
            </ActionForm>
        </details>
    }
}
