//! `/help/{id}/edit`: everything a cooperative's coordinators keep about one member, and what they
//! do for them — the record (saved only over the version it was opened on), services and needs,
//! consents (recorded with the notice version, method and collector; withdrawn at once), the
//! linked account, bookings, who looked (access log) and what was done for them (proxy log),
//! the JSON download, and deleting the member's data. Each section is a plain form.

use super::input::{MemberFields, ENTRY_DESCRIPTION_MAX, TITLE_CHARS};
use super::list_page::ServicePrice;
use super::manage_api::{
    member_editor, AddMemberNeed, AddMemberService, DeleteMember, LinkMemberAccount,
    MarkMemberNeedMet, MemberFile, RecordMemberConsent, RemoveMemberPhoto, RemoveMemberService,
    SaveMember, WithdrawLinkInvitation, WithdrawMemberConsent,
};
use super::members_page::MemberFormFields;
use super::model::{
    Audience, Consent, ConsentMethod, FieldGroup, ProxyAction, ServiceUnit, Urgency, NOTICE_VERSION,
};
use crate::components::{ChoiceSelect, FormErrorMessage, TextArea, TextField};
use crate::i18n::dates::format_date_time;
use crate::i18n::use_lang;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Clone, Copy)]
struct EditorActions {
    save: ServerAction<SaveMember>,
    add_service: ServerAction<AddMemberService>,
    remove_service: ServerAction<RemoveMemberService>,
    add_need: ServerAction<AddMemberNeed>,
    need_met: ServerAction<MarkMemberNeedMet>,
    consent: ServerAction<RecordMemberConsent>,
    withdraw: ServerAction<WithdrawMemberConsent>,
    link: ServerAction<LinkMemberAccount>,
    withdraw_link: ServerAction<WithdrawLinkInvitation>,
    remove_photo: ServerAction<RemoveMemberPhoto>,
    delete: ServerAction<DeleteMember>,
}

#[component]
pub fn MemberEditorPage() -> impl IntoView {
    param_page("id", member_editor, |editor| {
        view! { <Editor editor/> }.into_any()
    })
}

#[component]
fn Editor(editor: MemberFile) -> impl IntoView {
    let actions = EditorActions {
        save: ServerAction::new(),
        add_service: ServerAction::new(),
        remove_service: ServerAction::new(),
        add_need: ServerAction::new(),
        need_met: ServerAction::new(),
        consent: ServerAction::new(),
        withdraw: ServerAction::new(),
        link: ServerAction::new(),
        withdraw_link: ServerAction::new(),
        remove_photo: ServerAction::new(),
        delete: ServerAction::new(),
    };
    let lang = use_lang();
    let m = editor.member.clone();
    let id = m.id;
    let done = use_query_map()
        .read_untracked()
        .get("done")
        .and_then(|done| ProxyAction::parse(&done));
    view! {
        <PageTitle text=m.display_name.clone()/>
        <div class="page-head">
            <p class="org-head__kind">
                <a href=format!("/orgs/{}/members", m.org_id)>{m.org_name.clone()}</a>
            </p>
            <h1 data-testid="editor-name">{m.display_name.clone()}</h1>
            <p class="page-head__lead">{move || crate::locales::help::desk::editor_lead(lang.get())}</p>
        </div>
        {done.map(|action| view! {
            <p class="notice-ok" role="status" data-testid="editor-done">
                {move || crate::locales::help::desk::done_prefix(lang.get())}{move || action.label(lang.get())}
            </p>
        })}
        <div class="button-row">
            <a href=format!("/help/{id}") class="button button--secondary" data-testid="public-card">
                {move || crate::locales::help::desk::see_card(lang.get())}
            </a>
            <ExportButton member=id label=crate::locales::help::desk::export_button(lang.get())/>
        </div>
        <DetailsSection editor=editor.clone() actions/>
        <PhotoSection member=m.id photo_at=m.photo_at actions/>
        <EntriesSection editor=editor.clone() actions/>
        <ConsentsSection member=id consents=editor.consents.clone() record=actions.consent
            withdraw=actions.withdraw/>
        <AccountSection editor=editor.clone() actions/>
        <BookingsSection editor=editor.clone()/>
        <LogsSection editor/>
        <section class="card" id="delete" aria-labelledby="delete-heading">
            <h2 id="delete-heading" class="card__title">{move || crate::locales::help::desk::delete_heading(lang.get())}</h2>
            <p class="hint">{move || crate::locales::help::desk::delete_hint(lang.get())}</p>
            <FormErrorMessage result=actions.delete.value()/>
            <ActionForm action=actions.delete attr:class="form">
                <input type="hidden" name="member" value=id/>
                <label class="checkbox">
                    <input type="checkbox" name="confirm" value="yes" required/>
                    {move || crate::locales::help::desk::delete_confirm(lang.get())}
                </label>
                <button type="submit" class="button button--danger" data-testid="delete-member">
                    {move || crate::locales::help::desk::delete_button(lang.get())}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DetailsSection(editor: MemberFile, actions: EditorActions) -> impl IntoView {
    let lang = use_lang();
    let m = editor.member;
    view! {
        <section class="card" id="details" aria-labelledby="details-heading">
            <h2 id="details-heading" class="card__title">{move || crate::locales::help::desk::details_heading(lang.get())}</h2>
            <ActionForm action=actions.save attr:class="form form--wide">
                <FormErrorMessage result=actions.save.value()/>
                <input type="hidden" name="id" value=m.id/>
                <input type="hidden" name="version" value=m.version/>
                <MemberFormFields areas=editor.areas values=MemberFields::from_record(&m)/>
                <button type="submit" class="button">{move || crate::locales::orgs::save(lang.get())}</button>
            </ActionForm>
        </section>
    }
}

/// The photo: shown with its removal, and a plain multipart form to upload one (or a new one). A
/// refused upload comes back as this page with the reason.
#[component]
fn PhotoSection(member: i64, photo_at: Option<i64>, actions: EditorActions) -> impl IntoView {
    use super::photo::{upload_path, MemberPhoto, RejectedPhoto};
    let lang = use_lang();
    let rejected = use_context::<RejectedPhoto>().map(|r| r.error);
    if let Some(error) = &rejected {
        crate::shell::set_status(error.status());
    }
    view! {
        <section class="card" id="photo" aria-labelledby="photo-heading">
            <h2 id="photo-heading" class="card__title">{move || crate::locales::help::desk::photo_heading(lang.get())}</h2>
            <p class="hint">{move || crate::locales::help::desk::photo_hint(lang.get())}</p>
            <FormErrorMessage result=actions.remove_photo.value()/>
            {match photo_at {
                Some(at) => view! {
                    <div class="entry__head">
                        <MemberPhoto member at large=true/>
                        <ActionForm action=actions.remove_photo attr:class="form form--inline">
                            <input type="hidden" name="member" value=member/>
                            <button type="submit" class="button button--secondary" data-testid="remove-photo">
                                {move || crate::locales::help::desk::photo_remove(lang.get())}
                            </button>
                        </ActionForm>
                    </div>
                }.into_any(),
                None => view! { <p data-testid="no-photo">{move || crate::locales::help::desk::no_photo(lang.get())}</p> }.into_any(),
            }}
            <form method="post" action=upload_path(member) enctype="multipart/form-data" class="form"
                data-testid="photo-form">
                {rejected.map(|error| view! {
                    <p class="form-error" role="alert" data-testid="photo-error">{move || error.message(lang.get())}</p>
                })}
                <label for="member-photo">{move || crate::locales::help::desk::photo_field(lang.get())}</label>
                <input id="member-photo" name="photo" type="file" required
                    accept="image/jpeg,image/png,image/webp,image/gif"/>
                <button type="submit" class="button button--secondary">{move || crate::locales::help::desk::photo_upload(lang.get())}</button>
            </form>
        </section>
    }
}

/// Services and needs: each listed with its removal (or "met"), and a form to add one.
#[component]
fn EntriesSection(editor: MemberFile, actions: EditorActions) -> impl IntoView {
    let lang = use_lang();
    let id = editor.member.id;
    view! {
        <section class="card" id="services" aria-labelledby="services-heading">
            <h2 id="services-heading" class="card__title">{move || crate::locales::help::board::services_heading(lang.get())}</h2>
            <FormErrorMessage result=actions.remove_service.value()/>
            <ul class="entry-list" data-testid="editor-services">
                {editor.services.into_iter().map(|s| {
                    view! {
                        <li class="entry">
                            <p class="entry__head">
                                <strong>{s.title}</strong>
                                <ServicePrice fen=s.price_fen unit=s.unit/>
                            </p>
                            <ActionForm action=actions.remove_service attr:class="form form--inline">
                                <input type="hidden" name="member" value=id/>
                                <input type="hidden" name="service" value=s.id/>
                                <button type="submit" class="button button--secondary">{move || crate::locales::help::desk::remove_button(lang.get())}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="entry__form">
                <summary class="button button--secondary">{move || crate::locales::help::desk::add_service(lang.get())}</summary>
                <ActionForm action=actions.add_service attr:class="form">
                    <FormErrorMessage result=actions.add_service.value()/>
                    <input type="hidden" name="member" value=id/>
                    <TextField id="service-title" name="service[title]" label=crate::locales::help::desk::title_label hint=None
                        value=String::new() max=*TITLE_CHARS.end() required=true/>
                    <TextArea id="service-description" name="service[description]" label=crate::locales::help::desk::description_label
                        hint=None value=String::new() max=ENTRY_DESCRIPTION_MAX/>
                    <TextField id="service-price" name="service[price]" label=crate::locales::help::desk::price_label
                        hint=Some(crate::locales::help::desk::price_hint) value=String::new() max=12/>
                    <label for="service-unit">{move || crate::locales::help::desk::unit_label(lang.get())}</label>
                    <ChoiceSelect<ServiceUnit> id="service-unit" name="service[unit]"
                        current=ServiceUnit::PerVisit.as_str().into() required=true/>
                    <button type="submit" class="button">{move || crate::locales::help::desk::add_service(lang.get())}</button>
                </ActionForm>
            </details>
        </section>
        <section class="card" id="needs" aria-labelledby="needs-heading">
            <h2 id="needs-heading" class="card__title">{move || crate::locales::help::board::needs_heading(lang.get())}</h2>
            <FormErrorMessage result=actions.need_met.value()/>
            <ul class="entry-list" data-testid="editor-needs">
                {editor.needs.into_iter().map(|n| {
                    let urgency = n.urgency;
                    view! {
                        <li class="entry">
                            <p class="entry__head">
                                <strong>{n.title}</strong>
                                {if n.met {
                                    view! { <span class="chip chip--plain">{move || crate::locales::help::desk::met_chip(lang.get())}</span> }.into_any()
                                } else {
                                    view! { <span class="chip chip--wanted">{move || urgency.label(lang.get())}</span> }.into_any()
                                }}
                            </p>
                            {(!n.met).then(|| view! {
                                <ActionForm action=actions.need_met attr:class="form form--inline">
                                    <input type="hidden" name="member" value=id/>
                                    <input type="hidden" name="need" value=n.id/>
                                    <button type="submit" class="button button--secondary">{move || crate::locales::help::desk::met_button(lang.get())}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="entry__form">
                <summary class="button button--secondary">{move || crate::locales::help::desk::add_need(lang.get())}</summary>
                <ActionForm action=actions.add_need attr:class="form">
                    <FormErrorMessage result=actions.add_need.value()/>
                    <input type="hidden" name="member" value=id/>
                    <TextField id="need-title" name="need[title]" label=crate::locales::help::desk::title_label hint=None
                        value=String::new() max=*TITLE_CHARS.end() required=true/>
                    <TextArea id="need-description" name="need[description]" label=crate::locales::help::desk::description_label
                        hint=None value=String::new() max=ENTRY_DESCRIPTION_MAX/>
                    <label for="need-urgency">{move || crate::locales::help::desk::urgency_label(lang.get())}</label>
                    <ChoiceSelect<Urgency> id="need-urgency" name="need[urgency]"
                        current=Urgency::Normal.as_str().into() required=true/>
                    <button type="submit" class="button">{move || crate::locales::help::desk::add_need(lang.get())}</button>
                </ActionForm>
            </details>
        </section>
    }
}

/// The consents on record, live and withdrawn, and the form to record one: on the editor for the
/// coordinators (who say how it was collected), on the member's own page for the member (`own`:
/// given in the app).
#[component]
pub(super) fn ConsentsSection(
    member: i64,
    consents: Vec<Consent>,
    record: ServerAction<RecordMemberConsent>,
    withdraw: ServerAction<WithdrawMemberConsent>,
    #[prop(optional)] own: bool,
) -> impl IntoView {
    let lang = use_lang();
    let id = member;
    view! {
        <section class="card" id="consents" aria-labelledby="consents-heading">
            <h2 id="consents-heading" class="card__title">
                {move || if own { crate::locales::help::desk::own_consents_heading(lang.get()) } else { crate::locales::help::desk::consents_heading(lang.get()) }}
            </h2>
            <p class="hint">{move || if own { crate::locales::help::desk::own_consents_hint(lang.get()) } else { crate::locales::help::desk::consents_hint(lang.get()) }}</p>
            <FormErrorMessage result=withdraw.value()/>
            {consents.is_empty().then(|| view! { <p data-testid="no-consents">{move || crate::locales::help::desk::no_consents(lang.get())}</p> })}
            <ul class="entry-list" data-testid="editor-consents">
                {consents.into_iter().map(|c| {
                    let (group, audience, method) = (c.group, c.audience, c.method);
                    let given = c.given_at;
                    let by = c.collected_by.clone().unwrap_or_default();
                    view! {
                        <li class="entry" data-live=c.is_live().to_string()>
                            <p class="entry__head">
                                <strong>{move || group.label(lang.get())}</strong>
                                <span class="chip chip--plain">{move || audience.label(lang.get())}</span>
                            </p>
                            <p class="hint">
                                {move || method.label(lang.get())}" · "{by.clone()}" · "
                                {move || format_date_time(given, lang.get(), None)}" · "
                                {move || crate::locales::help::desk::notice_version_label(lang.get())}{c.notice_version.clone()}
                            </p>
                            {match c.withdrawn_at {
                                Some(at) => view! {
                                    <p class="hint">{move || crate::locales::help::desk::withdrawn_at(lang.get())}{move || format_date_time(at, lang.get(), None)}</p>
                                }.into_any(),
                                None => view! {
                                    <ActionForm action=withdraw attr:class="form form--inline">
                                        <input type="hidden" name="member" value=id/>
                                        <input type="hidden" name="consent" value=c.id/>
                                        <button type="submit" class="button button--secondary"
                                            data-testid=format!("withdraw-{}-{}", group.as_str(), audience.as_str())>
                                            {move || crate::locales::help::desk::withdraw_button(lang.get())}
                                        </button>
                                    </ActionForm>
                                }.into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=record attr:class="form" attr:data-testid="consent-form">
                <FormErrorMessage result=record.value()/>
                <input type="hidden" name="member" value=id/>
                <h3>{move || if own { crate::locales::help::desk::give_consent_heading(lang.get()) } else { crate::locales::help::desk::record_consent(lang.get()) }}</h3>
                <div class="notice-text" data-testid="consent-notice">
                    <p class="hint">{move || crate::locales::help::desk::notice_version_label(lang.get())}{NOTICE_VERSION}</p>
                    {(!own).then(|| view! { <p class="hint">{move || crate::locales::help::desk::notice_read_out(lang.get())}</p> })}
                    <p class="prose">{move || crate::locales::help::desk::notice_text(lang.get())}</p>
                </div>
                <label for="consent-group">{move || crate::locales::help::desk::group_label(lang.get())}</label>
                <ChoiceSelect<FieldGroup> id="consent-group" name="group" current=String::new() required=true/>
                <label for="consent-audience">{move || crate::locales::help::desk::audience_label(lang.get())}</label>
                <ChoiceSelect<Audience> id="consent-audience" name="audience"
                    current=Audience::Residents.as_str().into() required=true/>
                {(!own).then(|| view! {
                    <label for="consent-method">{move || crate::locales::help::desk::method_label(lang.get())}</label>
                    <ChoiceSelect<ConsentMethod> id="consent-method" name="method"
                        current=ConsentMethod::Paper.as_str().into() required=true/>
                })}
                <button type="submit" class="button" data-testid="record-consent">
                    {move || if own { crate::locales::help::desk::give_consent(lang.get()) } else { crate::locales::help::desk::record_consent(lang.get()) }}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn AccountSection(editor: MemberFile, actions: EditorActions) -> impl IntoView {
    let lang = use_lang();
    let id = editor.member.id;
    let invite_form = move || {
        view! {
            <ActionForm action=actions.link attr:class="form">
                <input type="hidden" name="member" value=id/>
                <label for="link-contact">{move || crate::locales::help::desk::contact_label(lang.get())}</label>
                <input id="link-contact" name="contact" type="text" required maxlength="100" autocomplete="off"/>
                <button type="submit" class="button button--secondary">{move || crate::locales::invitations::member_link_button(lang.get())}</button>
            </ActionForm>
        }
    };
    let invitation = editor.link_invitation.clone();
    view! {
        <section class="card" id="account" aria-labelledby="account-heading">
            <h2 id="account-heading" class="card__title">{move || crate::locales::help::desk::account_heading(lang.get())}</h2>
            <FormErrorMessage result=actions.link.value()/>
            <FormErrorMessage result=actions.withdraw_link.value()/>
            {match (editor.linked_contact, invitation) {
                (Some(contact), _) => view! {
                    <p data-testid="linked-account">{move || crate::locales::help::desk::linked_to(lang.get())}{contact.clone()}</p>
                    <ActionForm action=actions.link attr:class="form form--inline">
                        <input type="hidden" name="member" value=id/>
                        <input type="hidden" name="contact" value=""/>
                        <button type="submit" class="button button--secondary">{move || crate::locales::help::desk::unlink_button(lang.get())}</button>
                    </ActionForm>
                }.into_any(),
                (None, Some(sent)) => view! {
                    <p data-testid="link-invitation">
                        {move || {
                            crate::t!(lang.get(), invitations::member_link_waiting { contact: &sent.contact, code: sent.code.as_deref().unwrap_or_default() })
                        }}
                    </p>
                    <ActionForm action=actions.withdraw_link attr:class="form form--inline">
                        <input type="hidden" name="member" value=id/>
                        <button type="submit" class="button button--secondary">{move || crate::locales::invitations::withdraw(lang.get())}</button>
                    </ActionForm>
                }.into_any(),
                (None, None) => view! {
                    <p class="hint">{move || crate::locales::invitations::member_link_hint(lang.get())}</p>
                    {invite_form()}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn BookingsSection(editor: MemberFile) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" id="bookings" aria-labelledby="bookings-heading">
            <h2 id="bookings-heading" class="card__title">{move || crate::locales::help::desk::bookings_heading(lang.get())}</h2>
            {editor.bookings.is_empty().then(|| view! { <p class="hint">{move || crate::locales::help::desk::no_bookings(lang.get())}</p> })}
            <ul class="entry-list" data-testid="editor-bookings">
                {editor.bookings.into_iter().map(|b| {
                    let (status, kind, at) = (b.status, b.kind, b.created_at);
                    view! {
                        <li class="entry">
                            <p class="entry__head">
                                <a href=format!("/help/bookings/{}", b.id)><strong>{b.title}</strong></a>
                                <span class="chip">{move || status.label(lang.get())}</span>
                            </p>
                            <p class="hint">
                                {move || kind.label(lang.get())}" · "
                                {b.resident_id.map(|_| match b.resident_name.clone() {
                                    Some(name) => name,
                                    None => crate::locales::accounts::deleted_account(lang.get()).to_string(),
                                })}" · "
                                {move || format_date_time(at, lang.get(), None)}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Who looked at what was not public (P3), and what coordinators did for the member.
#[component]
fn LogsSection(editor: MemberFile) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" id="access-log" aria-labelledby="access-heading">
            <h2 id="access-heading" class="card__title">{move || crate::locales::help::desk::access_log_heading(lang.get())}</h2>
            <p class="hint">{move || crate::locales::help::desk::access_log_hint(lang.get())}</p>
            <AccessLogList entries=editor.access_log/>
        </section>
        <section class="card" id="proxy-log" aria-labelledby="proxy-heading">
            <h2 id="proxy-heading" class="card__title">{move || crate::locales::help::desk::proxy_log_heading(lang.get())}</h2>
            <p class="hint">{move || crate::locales::help::desk::proxy_log_hint(lang.get())}</p>
            <ul class="entry-list" data-testid="proxy-log">
                {editor.proxy_log.into_iter().map(|e| {
                    let (action, at) = (e.action, e.acted_at);
                    view! {
                        <li class="entry">
                            <p class="entry__head">
                                <strong>{move || action.label(lang.get())}</strong>
                                {(!e.detail.is_empty()).then(|| view! { <span class="hint">{e.detail.clone()}</span> })}
                            </p>
                            <p class="hint">{e.actor_name}" · "{move || format_date_time(at, lang.get(), None)}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Who saw what of a member that is not public, newest first (for the coordinators and the member).
#[component]
pub fn AccessLogList(entries: Vec<super::records::AccessEntry>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="entry-list" data-testid="access-log">
            {entries.into_iter().map(|e| {
                let (role, via, at) = (e.viewer_role, e.via, e.viewed_at);
                let fields = e.fields.clone();
                let note = e.situation_note;
                view! {
                    <li class="entry">
                        <p class="entry__head">
                            <strong>{e.viewer_name}</strong>
                            <span class="chip chip--plain">{move || role.label(lang.get())}</span>
                        </p>
                        <p class="hint">
                            {move || format_date_time(at, lang.get(), None)}" · "{move || via.label(lang.get())}" · "
                            {move || {
                                let mut names: Vec<&str> = fields.iter().map(|f| f.label(lang.get())).collect();
                                if note {
                                    names.push(crate::locales::help::board::note_heading(lang.get()));
                                }
                                names.join(crate::locales::help::desk::list_separator(lang.get()))
                            }}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Downloads everything kept about the member (P5). A form that posts, not a link: making the
/// file is logged, and another site must not be able to set that off by sending someone here.
#[component]
pub fn ExportButton(member: i64, label: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=format!("/help/{member}/export.json") class="inline-form">
            <button type="submit" class="button button--secondary" data-testid="export-member">
                {label}
            </button>
        </form>
    }
}
