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
                    let InvitationForMe { id, kind, org_name, inviter_name, created_at, .. } = invitation;
                    let text = move || {
                        let template = match kind {
                            InvitationKind::Coordinator => i().coordinator_offer,
                            InvitationKind::MemberLink => i().member_link_offer,
                        };
                        template.replace("{org}", &org_name).replace("{name}", &inviter_name)
                    };
                    let what_it_means = move || match kind {
                        InvitationKind::Coordinator => i().coordinator_means,
                        InvitationKind::MemberLink => i().member_link_means,
                    };
                    view! {
                        <li class="invitations__entry">
                            <p><strong>{text}</strong></p>
                            <p class="hint">
                                {what_it_means} " "
                                <span class="invitations__date">{move || format_date(created_at, lang.get())}</span>
                            </p>
                            <div class="button-row">
                                <ActionForm action=accept attr:class="inline-form">
                                    <input type="hidden" name="id" value=id/>
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
