//! `/admin/orgs`: the platform admins' verification queue, and the review form it shares with the
//! profile page.

use super::badge::OrgName;
use super::model::PendingOrg;
use super::review_api::{review_queue, ReviewOrg};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let lang = use_lang();
    let review = ServerAction::<ReviewOrg>::new();
    let queue = Resource::new(move || review.version().get(), |_| review_queue());
    view! {
        <PageTitle text=crate::locales::orgs::review_title(lang.get())/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(queue) => view! {
                        <div class="page-head">
                            <h1>{move || crate::locales::orgs::review_title(lang.get())}</h1>
                            <p class="page-head__lead">{move || crate::locales::orgs::review_lead(lang.get())}</p>
                        </div>
                        <FormErrorMessage result=review.value()/>
                        {if queue.is_empty() {
                            view! { <p class="empty-note">{move || crate::locales::orgs::review_empty(lang.get())}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="review-list" data-testid="review-queue">
                                    {queue.into_iter().map(|entry| view! { <QueueEntry entry review/> })
                                        .collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QueueEntry(entry: PendingOrg, review: ServerAction<ReviewOrg>) -> impl IntoView {
    let kind = entry.org.kind;
    let lang = crate::i18n::use_lang();
    let registered_at = entry.registered_at;
    view! {
        <li class="card review-entry">
            <p class="org-card__name">
                <OrgName id=entry.org.id name=entry.org.name tier=entry.org.tier/>
            </p>
            <dl class="facts facts--compact">
                <dt>{move || crate::locales::orgs::kind_label(lang.get())}</dt>
                <dd>{move || kind.label(lang.get())}</dd>
                <dt>{move || crate::locales::orgs::credit_code_label(lang.get())}</dt>
                <dd>{entry.credit_code.unwrap_or_else(|| crate::locales::orgs::not_given(lang.get()).to_string())}</dd>
                <dt>{move || crate::locales::orgs::registered_by(lang.get())}</dt>
                <dd>{entry.registered_by.unwrap_or_else(|| "-".to_string())}</dd>
                <dt>{move || crate::locales::orgs::registered_on(lang.get())}</dt>
                <dd>{move || crate::i18n::format_date(registered_at, lang.get())}</dd>
            </dl>
            <ReviewForm action=review org_id=entry.org.id version=entry.version/>
        </li>
    }
}

/// Verify, mark as partner, or reject with a reason: one form, the pressed button decides.
#[component]
pub fn ReviewForm(action: ServerAction<ReviewOrg>, org_id: i64, version: i64) -> impl IntoView {
    let lang = use_lang();
    let reason_id = format!("reason-{org_id}");
    view! {
        <ActionForm action attr:class="form review-form">
            <input type="hidden" name="org_id" value=org_id/>
            <input type="hidden" name="version" value=version/>
            <label for=reason_id.clone()>{move || crate::locales::orgs::reason_label(lang.get())}</label>
            <textarea id=reason_id name="reason" rows="2" maxlength="500"></textarea>
            <p class="button-row">
                <button type="submit" name="decision" value="verify" class="button">
                    {move || crate::locales::orgs::verify(lang.get())}
                </button>
                <button type="submit" name="decision" value="partner" class="button button--secondary">
                    {move || crate::locales::orgs::mark_partner(lang.get())}
                </button>
                <button type="submit" name="decision" value="reject" class="button button--danger">
                    {move || crate::locales::orgs::reject(lang.get())}
                </button>
            </p>
        </ActionForm>
    }
}
