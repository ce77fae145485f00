//! Server functions of accounts: sign in with a password, sign out, and who is signed in.
//! Signing up and everything a code opens are `crate::contacts`.

use super::model::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "accounts/me")]
pub async fn get_current_user() -> Result<Option<SessionUser>, AppError> {
    let state = crate::state::use_app_state()?;
    super::auth::current_user(&state).await
}

#[server(endpoint = "accounts/sign_in")]
pub async fn sign_in(
    contact: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use super::{contact::Contact, db, password::verify_password};
    use crate::accounts::AccountRefusal;

    let state = crate::state::use_app_state()?;
    let contact = Contact::parse(&contact).ok_or(AccountRefusal::WrongCredentials)?;
    state
        .part::<super::rate_limit::AuthLimits>()
        .check(super::rate_limit::client_ip(), contact.as_str())?;
    let account = db::find_credentials(state.db.pool(), &contact).await?;
    let (user_id, hash) = match account {
        Some(db::Credentials {
            id,
            password_hash: Some(hash),
            ..
        }) => (Some(id), hash),
        // Spend the same time on unknown accounts, so timing does not tell which numbers exist.
        _ => (None, DUMMY_HASH.to_string()),
    };
    let matches = verify_password(password, hash).await;
    let Some(user_id) = user_id.filter(|_| matches) else {
        return Err(AccountRefusal::WrongCredentials.into());
    };
    super::auth::sign_in_as(&state, user_id).await?;
    leptos_axum::redirect(&super::auth::safe_next(next.as_deref()));
    Ok(())
}

#[server(endpoint = "accounts/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let state = crate::state::use_app_state()?;
    super::auth::sign_out_here(&state).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Changes the signed-in person's password; every other browser of theirs is signed out.
#[server(endpoint = "accounts/change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::{db, password::hash_password};

    let state = crate::state::use_app_state()?;
    let user = confirm_password(&state, current_password).await?;
    new_password_rules(&new_password)?;
    let hash = hash_password(new_password).await?;
    let mut tx = state.db.begin_write().await?;
    db::set_password_hash(&mut tx, user.id, &hash).await?;
    super::session::end_all_sessions(&mut tx, user.id).await?;
    tx.commit().await?;
    super::auth::sign_in_as(&state, user.id).await?;
    leptos_axum::redirect("/me?changed=password");
    Ok(())
}

/// The signed-in person, once they have proved it again with their password (rate-limited).
#[cfg(feature = "ssr")]
pub(crate) async fn confirm_password(
    state: &crate::state::AppState,
    password: String,
) -> Result<SessionUser, AppError> {
    let user = super::auth::authorize(state, super::auth::Rule::SignedIn).await?;
    state
        .part::<super::rate_limit::AuthLimits>()
        .check(super::rate_limit::client_ip(), &format!("user:{}", user.id))?;
    let hash = super::db::password_hash(state.db.pool(), user.id)
        .await?
        .ok_or(AppError::SignInRequired)?;
    if !super::password::verify_password(password, hash).await {
        return Err(crate::accounts::AccountRefusal::WrongPassword.into());
    }
    Ok(user)
}

#[cfg(feature = "ssr")]
pub(crate) fn new_password_rules(password: &str) -> Result<(), crate::error::Refusal> {
    use super::password::{check_password_rules, PasswordProblem};
    use crate::accounts::AccountRefusal;
    check_password_rules(password).map_err(|problem| match problem {
        PasswordProblem::TooShort => AccountRefusal::PasswordTooShort.into(),
        PasswordProblem::TooLong => AccountRefusal::PasswordTooLong.into(),
    })
}

/// An argon2 hash of a random string nobody knows, checked when the account does not exist.
#[cfg(feature = "ssr")]
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$dW5rbm93bmFjY291bnQ$0pWy3Ub0S5uYIvhmsDI6d2AlwuxuN9dO0/0qGGpnsSk";
