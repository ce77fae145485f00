use super::api::DeleteAccount;
use crate::accounts::api::{get_current_user, ChangePassword, SignOut};
use crate::accounts::settings::ChangePasswordForm;
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// 我的: the signed-in person's card and everything of theirs, or the way to sign in.
#[component]
pub fn MePage() -> impl IntoView {
    let lang = use_lang();
    let sign_out = ServerAction::<SignOut>::new();
    let change_password = ServerAction::<ChangePassword>::new();
    let delete_account = ServerAction::<DeleteAccount>::new();
    let user = Resource::new(
        move || (sign_out.version().get(), delete_account.version().get()),
        |_| get_current_user(),
    );
    let query = use_query_map();
    let password_changed = move || query.read().get("changed").as_deref() == Some("password");
    let contact_changed = move || query.read().get("changed").as_deref() == Some("contact");
    view! {
        <PageTitle text=crate::locales::me::title(lang.get_untracked())/>
        <div class="page-head">
            <h1>{move || crate::locales::me::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::me::lead(lang.get())}</p>
        </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => view! {
                            {move || password_changed().then(|| view! {
                                <p class="notice-ok" role="status">{move || crate::locales::accounts::password_changed(lang.get())}</p>
                            })}
                            {move || contact_changed().then(|| view! {
                                <p class="notice-ok" role="status">{move || crate::locales::contacts::contact_changed(lang.get())}</p>
                            })}
                            <section class="card account-card" data-testid="account-card">
                                <p>
                                    {move || crate::locales::accounts::signed_in_as(lang.get())}
                                    <strong>{user.display_name.clone()}</strong>
                                    {user.is_admin.then(|| view! {
                                        <span class="badge">{move || crate::locales::accounts::admin_badge(lang.get())}</span>
                                    })}
                                </p>
                                <p>
                                    <A href="/me/notifications" attr:class="button button--secondary">
                                        {move || crate::locales::notifications::open_inbox(lang.get())}
                                    </A>
                                </p>
                                <ActionForm action=sign_out>
                                    <button type="submit" class="button button--secondary">
                                        {move || crate::locales::accounts::sign_out(lang.get())}
                                    </button>
                                </ActionForm>
                            </section>
                            <crate::contacts::MyContactCard/>
                            <super::InvitationsCard/>
                            <crate::events::MyEventsCard/>
                            <crate::volunteering::MyHoursCard/>
                            <crate::help::MyBookingsCard/>
                            <crate::events::CalendarFeedCard/>
                            <crate::orgs::MyOrgsCard is_admin=user.is_admin/>
                            <ChangePasswordForm action=change_password/>
                            <DeleteAccountForm action=delete_account/>
                        }
                        .into_any(),
                        _ => view! {
                            <section class="card account-card" data-testid="sign-in-card">
                                <p>{move || crate::locales::accounts::sign_up_lead(lang.get())}</p>
                                <p class="button-row">
                                    <A href="/signin?next=/me" attr:class="button">{move || crate::locales::accounts::sign_in(lang.get())}</A>
                                    <A href="/signup?next=/me" attr:class="button button--secondary">
                                        {move || crate::locales::accounts::sign_up(lang.get())}
                                    </A>
                                </p>
                            </section>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
    }
}

/// Deleting the account, confirmed with the password.
#[component]
pub fn DeleteAccountForm(action: ServerAction<DeleteAccount>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card card--danger" aria-labelledby="delete-account-heading">
            <h2 id="delete-account-heading" class="card__title">{move || crate::locales::accounts::delete_account(lang.get())}</h2>
            <p>{move || crate::locales::accounts::delete_account_text(lang.get())}</p>
            <ActionForm action=action attr:class="form">
                <FormErrorMessage result=action.value()/>
                <label for="delete_password">{move || crate::locales::accounts::delete_confirm_label(lang.get())}</label>
                <input id="delete_password" name="password" type="password"
                    autocomplete="current-password" required/>
                <button type="submit" class="button button--danger">{move || crate::locales::accounts::delete_account(lang.get())}</button>
            </ActionForm>
        </section>
    }
}
