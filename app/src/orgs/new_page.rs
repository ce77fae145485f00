//! `/orgs/new`: any signed-in person registers an organisation (and becomes its owner).

use super::api::RegisterOrg;
use super::form::OrgFormFields;
use super::input::OrgFields;
use crate::accounts::api::get_current_user;
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use crate::shell::PageTitle;
use crate::shell::{page_error, SignInRedirect};
use leptos::prelude::*;

#[component]
pub fn RegisterOrgPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<RegisterOrg>::new();
    let user = Resource::new(|| (), |_| get_current_user());
    view! {
        <PageTitle text=crate::locales::orgs::register(lang.get())/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(_)) => view! {
                        <div class="page-head">
                            <h1>{move || crate::locales::orgs::register(lang.get())}</h1>
                            <p class="page-head__lead">{move || crate::locales::orgs::register_lead(lang.get())}</p>
                        </div>
                        <ActionForm action attr:class="card form form--wide">
                            <FormErrorMessage result=action.value()/>
                            <OrgFormFields values=OrgFields { kind: "ngo".into(), ..OrgFields::default() }/>
                            <button type="submit" class="button">{move || crate::locales::orgs::register(lang.get())}</button>
                        </ActionForm>
                    }
                    .into_any(),
                    Ok(None) => view! { <SignInRedirect/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}
