//! The card on 我的 and in the inbox with the invitations waiting for my answer; nothing when
//! there are none. Both buttons are plain forms, so it works without JavaScript.

use super::api::{get_my_invitations, AcceptInvitation, DeclineInvitation};
use super::model::{InvitationForMe, InvitationKind};
use crate::components::FormErrorMessage;
use crate::i18n::{format_date, use_lang, use_texts};
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
    let t = use_texts();
    let lang = use_lang();
    let i = move || &t().invitations;
    view! {
        <section class="card invitations" id="invitations" aria-labelledby="invitations-heading"
            data-testid="invitations">
            <h2 id="invitations-heading" class="card__title">{move || i().heading}</h2>
            <FormErrorMessage result=accept.value()/>
            <FormErrorMessage result=decline.value()/>
            <ul class="invitations__list">
                {list.into_iter().map(|invitation| {
                    let InvitationForMe { id, kind, from, created_at } = invitation;
                    let text = move || match &from {
                        Some(from) => i()
                            .coordinator_offer
                            .replace("{org}", &from.org_name)
                            .replace("{name}", &from.inviter_name),
                        None => i().member_link_offer.to_string(),
                    };
                    let what_it_means = move || match kind {
                        InvitationKind::Coordinator => i().coordinator_means,
                        InvitationKind::MemberLink => i().member_link_means,
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
                                        <label for=code_id.clone()>{move || i().code_label}</label>
                                        <input id=code_id.clone() name="code" type="text" inputmode="numeric"
                                            pattern="[0-9]{6}" maxlength="6" autocomplete="off" required/>
                                    })}
                                    <button type="submit" class="button">{move || i().accept}</button>
                                </ActionForm>
                                <ActionForm action=decline attr:class="inline-form">
                                    <input type="hidden" name="id" value=id/>
                                    <button type="submit" class="button button--secondary">{move || i().decline}</button>
                                </ActionForm>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
