//! `/me/notifications`: the inbox, newest first, and the email and SMS choices per kind.

use super::api::{
    get_email_settings, get_inbox, get_sms_settings, MarkAllRead, OpenNotification, SetEmail,
    SetSms,
};
use super::model::{EmailSettings, InboxEntry};
use super::sms_card::SmsCard;
use super::InboxVersion;
use crate::i18n::{format_date, use_lang};
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;

/// `children`: what waits for an answer, above the inbox (the invitations, from `shell::routes`).
#[component]
pub fn InboxPage(children: Children) -> impl IntoView {
    let lang = use_lang();
    let open = ServerAction::<OpenNotification>::new();
    let mark_all = ServerAction::<MarkAllRead>::new();
    let set_email = ServerAction::<SetEmail>::new();
    let set_sms = ServerAction::<SetSms>::new();
    // The unread count on the tab follows what happens here.
    if let Some(InboxVersion(version)) = use_context::<InboxVersion>() {
        Effect::new(move |_| version.set(open.version().get() + mark_all.version().get()));
    }
    let inbox = Resource::new(
        move || (open.version().get(), mark_all.version().get()),
        |_| get_inbox(),
    );
    let settings = Resource::new(move || set_email.version().get(), |_| get_email_settings());
    let sms_settings = Resource::new(move || set_sms.version().get(), |_| get_sms_settings());
    view! {
        <PageTitle text=crate::locales::notifications::title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::notifications::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::notifications::lead(lang.get())}</p>
        </div>
        {children()}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(entries) => view! { <Entries entries open mark_all/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                settings.await.ok().map(|settings| view! { <EmailCard settings action=set_email/> })
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                sms_settings.await.ok().map(|settings| view! { <SmsCard settings action=set_sms/> })
            })}
        </Suspense>
    }
}

#[component]
fn Entries(
    entries: Vec<InboxEntry>,
    open: ServerAction<OpenNotification>,
    mark_all: ServerAction<MarkAllRead>,
) -> impl IntoView {
    let lang = use_lang();
    if entries.is_empty() {
        return view! { <p class="empty-note">{move || crate::locales::notifications::empty(lang.get())}</p> }.into_any();
    }
    let any_unread = entries.iter().any(|e| !e.read);
    view! {
        {any_unread.then(|| view! {
            <ActionForm action=mark_all attr:class="inline-form inbox-actions">
                <button type="submit" class="button button--secondary button--small">
                    {move || crate::locales::notifications::mark_all_read(lang.get())}
                </button>
            </ActionForm>
        })}
        <ul class="inbox" data-testid="inbox">
            {entries.into_iter().map(|entry| {
                let notice = entry.notice.clone();
                let detail = entry.notice.detail().map(str::to_string);
                let created_at = entry.created_at;
                view! {
                    <li class="inbox__entry" class:inbox__entry--unread=!entry.read>
                        <ActionForm action=open attr:class="inline-form">
                            <input type="hidden" name="id" value=entry.id/>
                            <button type="submit" class="inbox__open">
                                {(!entry.read).then(|| view! {
                                    <span class="inbox__dot" aria-hidden="true"></span>
                                    <span class="visually-hidden">{move || crate::locales::notifications::unread(lang.get())}</span>
                                })}
                                <span class="inbox__text">{move || notice.text(lang.get())}</span>
                                <span class="inbox__date">{move || format_date(created_at, lang.get())}</span>
                            </button>
                        </ActionForm>
                        {detail.map(|d| view! { <p class="inbox__detail">{d}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn EmailCard(settings: EmailSettings, action: ServerAction<SetEmail>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="email-heading">
            <h2 id="email-heading" class="card__title">{move || crate::locales::notifications::email_heading(lang.get())}</h2>
            {if settings.has_email_address {
                view! {
                    <p class="hint">{move || crate::locales::notifications::email_lead(lang.get())}</p>
                    <ul class="team-list">
                        {settings.choices.into_iter().map(|choice| {
                            let kind = choice.kind;
                            let on = choice.email;
                            view! {
                                <li>
                                    <span>
                                        {move || kind.label(lang.get())} " "
                                        <span class="badge">
                                            {move || if on { crate::locales::notifications::email_on(lang.get()) } else { crate::locales::notifications::email_off(lang.get()) }}
                                        </span>
                                    </span>
                                    <ActionForm action attr:class="inline-form">
                                        <input type="hidden" name="kind" value=kind.as_str()/>
                                        <input type="hidden" name="email" value=(!on).to_string()/>
                                        <button type="submit" class="button button--secondary button--small">
                                            {move || if on { crate::locales::notifications::turn_off(lang.get()) } else { crate::locales::notifications::turn_on(lang.get()) }}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! { <p class="hint">{move || crate::locales::notifications::no_email_address(lang.get())}</p> }.into_any()
            }}
        </section>
    }
}
