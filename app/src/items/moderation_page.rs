//! `/admin/items`: the admins' queue of reported listings — hidden ones first — with the reports
//! and the decision: restore or remove, with an optional warning to the poster.

use super::model::ReportedItem;
use super::moderation_api::{moderation_queue, ModerateItem};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date;
use crate::i18n::use_lang;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ModerationQueuePage() -> impl IntoView {
    let lang = use_lang();
    let moderate = ServerAction::<ModerateItem>::new();
    let queue = Resource::new(move || moderate.version().get(), |_| moderation_queue());
    let decided = use_query_map().read_untracked().get("done").as_deref() == Some("moderated");
    view! {
        <PageTitle text=crate::locales::items::board::queue_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::items::board::queue_title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::items::board::queue_lead(lang.get())}</p>
        </div>
        {decided.then(|| view! { <p class="notice-ok" role="status">{move || crate::locales::items::board::moderated_notice(lang.get())}</p> })}
        <FormErrorMessage result=moderate.value()/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(queue) if queue.is_empty() => {
                        view! { <p class="empty-note">{move || crate::locales::items::board::queue_empty(lang.get())}</p> }.into_any()
                    }
                    Ok(queue) => view! {
                        <ul class="review-list" data-testid="moderation-queue">
                            {queue.into_iter().map(|entry| view! { <QueueEntry entry moderate/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QueueEntry(entry: ReportedItem, moderate: ServerAction<ModerateItem>) -> impl IntoView {
    let lang = use_lang();
    let warning_id = format!("warning-{}", entry.item_id);
    let hidden = entry.hidden;
    view! {
        <li class="card review-entry" data-testid="reported-item">
            <p class="org-card__name">
                <a href=format!("/items/{}", entry.item_id)>{entry.title.clone()}</a>
            </p>
            <p>
                <span class=if hidden { "chip" } else { "chip chip--plain" } data-testid="moderation-state">
                    {move || if hidden { crate::locales::items::board::queue_hidden(lang.get()) } else { crate::locales::items::board::queue_visible(lang.get()) }}
                </span>
                " "{move || crate::locales::items::board::posted_by(lang.get())}" "{entry.owner_name.clone()}
            </p>
            <ul class="request-list">
                {entry.reports.into_iter().map(|report| {
                    let reason = report.reason;
                    view! {
                        <li class="request-entry">
                            <p class="request-entry__head">
                                <strong>{move || reason.label(lang.get())}</strong>
                                <span class="hint">{move || format_date(report.created_at, lang.get())}</span>
                            </p>
                            {(!report.details.is_empty()).then(|| view! { <p class="prose">{report.details.clone()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=moderate attr:class="form">
                <input type="hidden" name="id" value=entry.item_id/>
                <label for=warning_id.clone()>{move || crate::locales::items::board::warning_label(lang.get())}</label>
                <textarea id=warning_id name="warning" rows="2" maxlength="500"></textarea>
                <p class="button-row">
                    <button type="submit" name="decision" value="restore" class="button">{move || crate::locales::items::board::restore_button(lang.get())}</button>
                    <button type="submit" name="decision" value="remove" class="button button--danger">{move || crate::locales::items::board::remove_button(lang.get())}</button>
                </p>
            </ActionForm>
        </li>
    }
}
