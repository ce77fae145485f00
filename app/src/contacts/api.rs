//! Server functions that prove a contact by a code: asking for a code, and the four things a
//! code opens (sign-up, sign-in, a new password, a new contact). The endpoints keep the names
//! of the accounts they act on.

use crate::error::AppError;
use leptos::prelude::*;

/// Sends a code to `contact` for `purpose` (`sign_up`, `sign_in`, `reset`, `change`), then goes on
/// to the page that asks for it. Whether an account holds the contact is never told (apart from
/// sign-up, which says a proved contact is taken, as it always has).
#[server(endpoint = "accounts/send_code")]
pub async fn send_code(
    contact: String,
    purpose: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use super::codes::{issue, CodeKey, CodeLimits, CodePurpose, CodeRequest, Issued};
    use super::{codes::CODE_VALID_SECS, db, ContactRefusal};
    use crate::accounts::{contact::Contact, AccountRefusal};
    use crate::outbox::queue::{enqueue, Window};
    use crate::outbox::{Channel, Outbox, Outgoing};

    let state = crate::state::use_app_state()?;
    let purpose =
        CodePurpose::parse(&purpose).ok_or_else(|| AppError::InvalidInput("purpose".into()))?;
    let contact = Contact::parse(&contact).ok_or(crate::error::FormRefusal::ContactInvalid)?;
    // Limited by the counts in the database (per contact, per address, per day), not by the
    // password-guessing limits: asking for a code guesses nothing.
    let client = crate::accounts::rate_limit::client_ip().map(address_key);
    let user_id = match purpose {
        CodePurpose::Change => Some(
            crate::accounts::auth::authorize(&state, crate::accounts::auth::Rule::SignedIn)
                .await?
                .id,
        ),
        _ => None,
    };
    let outbox = state.part::<Outbox>();
    let channel = match contact {
        Contact::Mobile(_) => Channel::Sms,
        Contact::Email(_) => Channel::Mail,
    };
    if !outbox.reaches(channel) {
        return Err(match channel {
            Channel::Sms => ContactRefusal::NoSms.into(),
            Channel::Mail => ContactRefusal::NoMail.into(),
        });
    }
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    let holder = db::holder(&mut tx, contact.as_str()).await?;
    let proved_by_another = holder.is_some_and(|h| h.verified && Some(h.user_id) != user_id);
    let for_new_contact = matches!(purpose, CodePurpose::SignUp | CodePurpose::Change);
    let taken = proved_by_another && for_new_contact;
    // Signing in or resetting for a contact no account holds: the code is made and counted like
    // any other (so the answer and the limits look the same), but goes nowhere. So does one for a
    // contact another account proved, refused only once the limits have counted it: asking costs
    // the same whatever the answer.
    let goes_somewhere = !taken && (holder.is_some() || for_new_contact);
    let request = CodeRequest {
        contact: contact.as_str(),
        purpose,
        user_id,
        client: client.as_deref(),
        paid: goes_somewhere,
    };
    let seal = crate::secrets::new_seal();
    let issued = issue(
        &mut tx,
        &state.part::<CodeKey>(),
        &state.part::<CodeLimits>(),
        request,
        &seal,
        now,
    )
    .await?;
    if let (Issued::Code(_), true) = (&issued, goes_somewhere) {
        // Queued as its seal (the outbox holds no code), sent in the background: the answer
        // takes as long whether the code goes somewhere or nowhere.
        let message = Outgoing::Code {
            to: contact.as_str().to_string(),
            seal,
            lang: request_lang(),
        };
        let window = Window::from_now(now, now + CODE_VALID_SECS);
        enqueue(&mut tx, &message, now, window).await?;
    }
    tx.commit().await?;
    match issued {
        Issued::Code(_) => {}
        Issued::WaitAMinute => return Err(ContactRefusal::WaitAMinute.into()),
        Issued::ContactOverLimit => return Err(ContactRefusal::ContactOverLimit.into()),
        Issued::Busy => return Err(ContactRefusal::Busy.into()),
    }
    if taken {
        return Err(AccountRefusal::ContactTaken.into());
    }
    outbox.ring();
    leptos_axum::redirect(&super::enter_code_page(
        purpose.as_str(),
        contact.as_str(),
        next.as_deref(),
    ));
    Ok(())
}

/// Signs up with a proved contact. A contact held by an account that never proved it moves to
/// the new one.
#[server(endpoint = "accounts/sign_up")]
pub async fn sign_up(
    contact: String,
    code: String,
    display_name: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use super::codes::CodePurpose;
    use crate::accounts::{contact::Contact, db, display_name::parse_display_name, AccountRefusal};
    use crate::error::FormRefusal;

    let state = crate::state::use_app_state()?;
    let contact = Contact::parse(&contact).ok_or(FormRefusal::ContactInvalid)?;
    let name = parse_display_name(&display_name).ok_or(FormRefusal::DisplayNameInvalid)?;
    crate::accounts::api::new_password_rules(&password)?;
    state
        .part::<crate::accounts::rate_limit::AuthLimits>()
        .check(crate::accounts::rate_limit::client_ip(), contact.as_str())?;
    let now = crate::db::now_unix();
    code_waiting(&state, &contact, CodePurpose::SignUp, None, &code, now).await?;
    let hash = crate::accounts::password::hash_password(password).await?;
    let mut tx = prove(&state, &contact, CodePurpose::SignUp, None, &code, now).await?;
    match super::db::holder(&mut tx, contact.as_str()).await? {
        Some(holder) if holder.verified => {
            // The code is used up all the same.
            tx.commit().await?;
            return Err(AccountRefusal::ContactTaken.into());
        }
        Some(squatter) => super::db::take_back(&mut tx, squatter.user_id, now).await?,
        None => {}
    }
    let db::CreateUser::Created(user_id) =
        db::create_user(&mut tx, &contact, &name, &hash, now).await?
    else {
        return Err(AccountRefusal::ContactTaken.into());
    };
    super::db::set_verified_contact(&mut tx, user_id, &contact, now).await?;
    db::set_lang(&mut tx, user_id, request_lang()).await?;
    tx.commit().await?;
    crate::accounts::auth::sign_in_as(&state, user_id).await?;
    leptos_axum::redirect(&crate::accounts::auth::safe_next(next.as_deref()));
    Ok(())
}

/// Signs in with a code instead of the password.
#[server(endpoint = "accounts/sign_in_by_code")]
pub async fn sign_in_by_code(
    contact: String,
    code: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use super::codes::CodePurpose;
    use crate::accounts::contact::Contact;

    let state = crate::state::use_app_state()?;
    let contact = Contact::parse(&contact).ok_or(crate::error::FormRefusal::ContactInvalid)?;
    let now = crate::db::now_unix();
    let mut tx = prove(&state, &contact, CodePurpose::SignIn, None, &code, now).await?;
    let user_id = proved_holder(&mut tx, &contact, now).await?;
    tx.commit().await?;
    crate::accounts::auth::sign_in_as(&state, user_id).await?;
    leptos_axum::redirect(&crate::accounts::auth::safe_next(next.as_deref()));
    Ok(())
}

/// Sets a new password with a code; every session of the account ends, and this browser is
/// signed in afresh.
#[server(endpoint = "accounts/reset_password")]
pub async fn reset_password(
    contact: String,
    code: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::codes::CodePurpose;
    use crate::accounts::contact::Contact;

    let state = crate::state::use_app_state()?;
    let contact = Contact::parse(&contact).ok_or(crate::error::FormRefusal::ContactInvalid)?;
    crate::accounts::api::new_password_rules(&new_password)?;
    state
        .part::<crate::accounts::rate_limit::AuthLimits>()
        .check(crate::accounts::rate_limit::client_ip(), contact.as_str())?;
    let now = crate::db::now_unix();
    code_waiting(&state, &contact, CodePurpose::Reset, None, &code, now).await?;
    let hash = crate::accounts::password::hash_password(new_password).await?;
    let mut tx = prove(&state, &contact, CodePurpose::Reset, None, &code, now).await?;
    let user_id = proved_holder(&mut tx, &contact, now).await?;
    crate::accounts::db::set_password_hash(&mut tx, user_id, &hash).await?;
    crate::accounts::session::end_all_sessions(&mut tx, user_id).await?;
    tx.commit().await?;
    crate::accounts::auth::sign_in_as(&state, user_id).await?;
    leptos_axum::redirect("/me?changed=password");
    Ok(())
}

/// Gives the signed-in account a contact proved by a code: the one it holds, or a new one. A new
/// one also needs the password (a borrowed phone or a stolen session must not be enough to move
/// the account to another number), and every other session ends.
#[server(endpoint = "accounts/change_contact")]
pub async fn change_contact(
    contact: String,
    code: String,
    password: Option<String>,
) -> Result<(), AppError> {
    use super::codes::CodePurpose;
    use crate::accounts::{contact::Contact, AccountRefusal};

    let state = crate::state::use_app_state()?;
    let user =
        crate::accounts::auth::authorize(&state, crate::accounts::auth::Rule::SignedIn).await?;
    let contact = Contact::parse(&contact).ok_or(crate::error::FormRefusal::ContactInvalid)?;
    let mut conn = state.db.pool().acquire().await?;
    let current = super::db::own_contact(&mut conn, user.id).await?;
    drop(conn);
    let is_new = current
        .as_ref()
        .is_none_or(|(held, _)| held != contact.as_str());
    if is_new {
        // An account whose password was cleared (its number proved by code) sets one first.
        if crate::accounts::db::password_hash(state.db.pool(), user.id)
            .await?
            .is_none()
        {
            return Err(super::ContactRefusal::PasswordFirst.into());
        }
        crate::accounts::api::confirm_password(&state, password.unwrap_or_default()).await?;
    }
    let now = crate::db::now_unix();
    let mut tx = prove(
        &state,
        &contact,
        CodePurpose::Change,
        Some(user.id),
        &code,
        now,
    )
    .await?;
    match super::db::holder(&mut tx, contact.as_str()).await? {
        Some(holder) if holder.user_id == user.id => {}
        Some(holder) if holder.verified => {
            tx.commit().await?;
            return Err(AccountRefusal::ContactTaken.into());
        }
        Some(squatter) => super::db::take_back(&mut tx, squatter.user_id, now).await?,
        None => {}
    }
    super::db::set_verified_contact(&mut tx, user.id, &contact, now).await?;
    if is_new {
        crate::accounts::session::end_all_sessions(&mut tx, user.id).await?;
    }
    tx.commit().await?;
    if is_new {
        crate::accounts::auth::sign_in_as(&state, user.id).await?;
    }
    leptos_axum::redirect("/me?changed=contact");
    Ok(())
}

/// Checks a typed code in a new write transaction, returned open when the code is right. A wrong
/// code's counted try is committed before the refusal goes back.
#[cfg(feature = "ssr")]
async fn prove(
    state: &crate::state::AppState,
    contact: &crate::accounts::contact::Contact,
    purpose: super::codes::CodePurpose,
    user_id: Option<i64>,
    typed: &str,
    now: i64,
) -> Result<crate::db::DbTx, AppError> {
    use super::codes::{check, looks_like_code, Checked, CodeKey, CodeRequest};
    use super::ContactRefusal;
    if !looks_like_code(typed) {
        return Err(ContactRefusal::CodeMalformed.into());
    }
    let request = CodeRequest::to_check(contact.as_str(), purpose, user_id);
    let mut tx = state.db.begin_write().await?;
    let checked = check(&mut tx, &state.part::<CodeKey>(), request, typed, now).await?;
    if checked == Checked::Right {
        return Ok(tx);
    }
    tx.commit().await?;
    Err(match checked {
        Checked::Wrong { .. } => ContactRefusal::CodeWrong.into(),
        _ => ContactRefusal::CodeDead.into(),
    })
}

/// The account holding a contact just proved by a code. An account that had not proved its
/// contact is proved now, and every other session of it ends: whoever typed the number in before
/// may not have been its owner.
#[cfg(feature = "ssr")]
async fn proved_holder(
    tx: &mut crate::db::DbTx,
    contact: &crate::accounts::contact::Contact,
    now: i64,
) -> Result<i64, AppError> {
    // No account holds it: no code was sent, so a right one was a guess at nothing.
    let holder = super::db::holder(tx, contact.as_str())
        .await?
        .ok_or(super::ContactRefusal::CodeWrong)?;
    if !holder.verified {
        crate::accounts::db::mark_contact_verified(tx, holder.user_id, now).await?;
        crate::accounts::session::end_all_sessions(tx, holder.user_id).await?;
        // Whoever typed the number in chose the password; the owner sets their own (reset).
        crate::accounts::db::clear_password(tx, holder.user_id).await?;
    }
    Ok(holder.user_id)
}

/// Refuses a code that cannot be right (not six digits, or none waiting) before the costly parts
/// of a form run; `prove` then checks it for real.
#[cfg(feature = "ssr")]
async fn code_waiting(
    state: &crate::state::AppState,
    contact: &crate::accounts::contact::Contact,
    purpose: super::codes::CodePurpose,
    user_id: Option<i64>,
    typed: &str,
    now: i64,
) -> Result<(), AppError> {
    use super::codes::{is_live, looks_like_code, CodeKey, CodeRequest};
    use super::ContactRefusal;
    if !looks_like_code(typed) {
        return Err(ContactRefusal::CodeMalformed.into());
    }
    let request = CodeRequest::to_check(contact.as_str(), purpose, user_id);
    let mut conn = state.db.pool().acquire().await?;
    if is_live(&mut conn, &state.part::<CodeKey>(), request, now).await? {
        Ok(())
    } else {
        Err(ContactRefusal::CodeDead.into())
    }
}

/// What the limit per client address counts: the address, or for IPv6 its /64 (one household or
/// phone holds a whole /64, and could otherwise step through it).
#[cfg(feature = "ssr")]
fn address_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        other => other.to_canonical().to_string(),
    }
}

/// The language of the request (for the words of a code's message and a new account).
#[cfg(feature = "ssr")]
fn request_lang() -> crate::i18n::Lang {
    use_context::<http::request::Parts>()
        .map(|parts| crate::i18n::lang_from_headers(&parts.headers))
        .unwrap_or_default()
}
