//! Contacts people prove are theirs. A six-digit code goes by SMS to a mainland mobile number or
//! by e-mail to an address; typing it back proves the contact. On that rest sign-up, sign-in by
//! code, a forgotten password, and changing (or proving) one's contact. Only a proved contact
//! grants trust: invitations, member links and team places reach only accounts that proved it.

pub mod api;
mod code_sign_in_page;
#[cfg(feature = "ssr")]
pub mod codes;
#[cfg(feature = "ssr")]
pub mod db;
mod form_parts;
mod my_contact;
mod refusals;
mod reset_page;
mod sign_up_page;

pub use code_sign_in_page::CodeSignInPage;
pub use my_contact::{ContactPage, MyContactCard};
pub use refusals::ContactRefusal;
pub use reset_page::ResetPasswordPage;
pub use sign_up_page::SignUpPage;

/// Where the person types the code sent for `purpose`, naming the contact it went to.
pub fn enter_code_page(purpose_key: &str, contact: &str, next: Option<&str>) -> String {
    use crate::shell::encode_component;
    let page = match purpose_key {
        "sign_up" => "/signup",
        "sign_in" => "/signin/code",
        "reset" => "/signin/reset",
        _ => "/me/contact",
    };
    let mut to = format!("{page}?contact={}", encode_component(contact));
    if let Some(next) = next.filter(|n| !n.is_empty()) {
        to.push_str("&next=");
        to.push_str(&encode_component(next));
    }
    to
}
