//! The person's own contact on 我的: shown with whether it is proved (an unproved one is asked to
//! be), and /me/contact, where a code proves it or a new one.

use super::api::ChangeContact;
use super::form_parts::{CodeField, CodeSteps};
use crate::accounts::form_parts::AccountPageHead;
use crate::components::FormErrorMessage;
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

/// The signed-in person's own contact, as they see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnContact {
    /// None once someone proved the account's contact was theirs.
    pub contact: Option<String>,
    pub verified: bool,
}

#[server(endpoint = "contacts/mine")]
pub async fn my_contact() -> Result<OwnContact, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let mut conn = state.db.pool().acquire().await?;
    let own = super::db::own_contact(&mut conn, user.id).await?;
    Ok(OwnContact {
        verified: own.as_ref().is_some_and(|(_, verified)| *verified),
        contact: own.map(|(contact, _)| contact),
    })
}

/// On 我的: the contact and its state; a person who has not proved theirs is asked to.
#[component]
pub fn MyContactCard() -> impl IntoView {
    let lang = use_lang();
    let mine = Resource::new(|| (), |_| my_contact());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(mine) = mine.await else { return ().into_any() };
                let verified = mine.verified;
                let shown = mine.contact.clone().unwrap_or_default();
                view! {
                    <section class="card" class:card--warning=!verified aria-labelledby="contact-heading"
                        data-testid="my-contact">
                        <h2 id="contact-heading" class="card__title">
                            {move || crate::locales::contacts::my_contact_title(lang.get())}
                        </h2>
                        {mine.contact.is_some().then(|| view! {
                            <p>
                                <strong>{shown.clone()}</strong> " "
                                {if verified {
                                    view! { <span class="badge badge--ok">{move || crate::locales::contacts::verified(lang.get())}</span> }.into_any()
                                } else {
                                    view! { <span class="badge badge--warn">{move || crate::locales::contacts::unverified(lang.get())}</span> }.into_any()
                                }}
                            </p>
                        })}
                        {(!verified).then(|| view! {
                            <p>{move || crate::locales::contacts::please_verify(lang.get())}</p>
                        })}
                        <p>
                            <A href="/me/contact" attr:class=if verified { "button button--secondary" } else { "button" }>
                                {move || if verified {
                                    crate::locales::contacts::change_contact(lang.get())
                                } else {
                                    crate::locales::contacts::verify_now(lang.get())
                                }}
                            </A>
                        </p>
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// /me/contact: prove one's contact, or change it for another one (proved the same way).
#[component]
pub fn ContactPage() -> impl IntoView {
    let lang = use_lang();
    let mine = Resource::new(|| (), |_| my_contact());
    view! {
        <AccountPageHead title=crate::locales::contacts::contact_page_title lead=crate::locales::contacts::contact_page_lead/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let own = match mine.await {
                    Ok(own) => own.contact,
                    Err(error) => return crate::shell::page_error(error),
                };
                // Moving the account to another number or address needs the password too.
                let form = move |contact: String| {
                    let action = ServerAction::<ChangeContact>::new();
                    let is_new = own.as_deref() != Some(contact.as_str());
                    view! {
                        <ActionForm action=action attr:class="card form">
                            <FormErrorMessage result=action.value()/>
                            <input type="hidden" name="contact" value=contact/>
                            <CodeField/>
                            {is_new.then(|| view! {
                                <label for="password">{move || crate::locales::accounts::current_password_label(lang.get())}</label>
                                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                            })}
                            <button type="submit" class="button">{move || crate::locales::contacts::confirm_contact(lang.get())}</button>
                        </ActionForm>
                    }
                };
                view! { <CodeSteps purpose="change" back="/me/contact" form/> }.into_any()
            })}
        </Suspense>
    }
}
