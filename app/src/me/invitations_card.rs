//! The card on 我的 and in the inbox with the invitations waiting for my answer; nothing when
//! there are none. Both buttons are plain forms, so it works without JavaScript.

use super::invitations_api::{get_my_invitations, AcceptInvitation, DeclineInvitation};
use crate::components::FormErrorMessage;
use crate::i18n::{format_date, use_lang};
use crate::invitations::model::{InvitationForMe, InvitationKind};
use leptos::prelude::*;

#[component]
pub fn InvitationsCard() -> impl IntoView {
    let accept = ServerAction::<AcceptInvitation>::new();
    let decline = ServerAction::<DeclineInvitation>::new();
    let invitations = Resource::new(
        move || (accept.version().get(), decline.version().get()),
        |_| get_my_invitations(),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = invitations.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! { <Invitations list accept decline/> })
            })}
        </Suspense>
    }
}

#[component]
fn Invitations(
    list: Vec<InvitationForMe>,
    accept: ServerAction<AcceptInvitation>,
    decline: ServerAction<DeclineInvitation>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card invitations" id="invitations" aria-labelledby="invitations-heading"
            data-testid="invitations">
            <h2 id="invitations-heading" class="card__title">{move || crate::locales::invitations::heading(lang.get())}</h2>
            <FormErrorMessage result=accept.value()/>
            <FormErrorMessage result=decline.value()/>
            <ul class="invitations__list">
                {list.into_iter().map(|invitation| {
                    let InvitationForMe { id, kind, from, created_at } = invitation;
                    let text = move || match &from {
                        Some(from) => crate::t!(lang.get(), invitations::coordinator_offer { org: &from.org_name, name: &from.inviter_name }),
                        None => crate::locales::invitations::member_link_offer(lang.get()).to_string(),
                    };
                    let what_it_means = move || match kind {
                        InvitationKind::Coordinator => crate::locales::invitations::coordinator_means(lang.get()),
                        InvitationKind::MemberLink => crate::locales::invitations::member_link_means(lang.get()),
                    };
                    let code_id = format!("invitation-code-{id}");
                    view! {
                        <li class="invitations__entry">
                            <p><strong>{text}</strong></p>
                            <p class="hint">
                                {what_it_means} " "
                                <span class="invitations__date">{move || format_date(created_at, lang.get())}</span>
                            </p>
                            <div class="button-row">
                                <ActionForm action=accept attr:class="inline-form invitations__accept">
                                    <input type="hidden" name="id" value=id/>
                                    {(kind == InvitationKind::MemberLink).then(|| view! {
                                        <label for=code_id.clone()>{move || crate::locales::invitations::code_label(lang.get())}</label>
                                        <input id=code_id.clone() name="code" type="text" inputmode="numeric"
                                            pattern="[0-9]{6}" maxlength="6" autocomplete="off" required/>
                                    })}
                                    <button type="submit" class="button">{move || crate::locales::invitations::accept(lang.get())}</button>
                                </ActionForm>
                                <ActionForm action=decline attr:class="inline-form">
                                    <input type="hidden" name="id" value=id/>
                                    <button type="submit" class="button button--secondary">{move || crate::locales::invitations::decline(lang.get())}</button>
                                </ActionForm>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
