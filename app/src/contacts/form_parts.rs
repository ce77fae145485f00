//! Pieces of the pages that ask for a code: the form that sends one, and the line that says where
//! it went with a way to send it again.

use super::api::SendCode;
use crate::accounts::form_parts::{use_next, ContactField};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use crate::locales::Text;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// The contact a code was sent to, from `?contact=`, when it reads as one (normalised).
pub fn use_sent_to() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .read()
            .get("contact")
            .and_then(|typed| crate::accounts::contact::Contact::parse(&typed))
            .map(|contact| contact.as_str().to_string())
    })
}

/// The two steps of every page that asks for a code: first the contact, with a button that sends
/// a code to it for `purpose`; once sent (`?contact=`), `form` for that contact (the code and
/// whatever else the page needs), with sending again or another contact below it.
#[component]
pub fn CodeSteps<F, V>(purpose: &'static str, back: &'static str, form: F) -> impl IntoView
where
    F: Fn(String) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let sent_to = use_sent_to();
    move || match sent_to.get() {
        None => {
            view! { <SendCodeForm purpose button=crate::locales::contacts::get_code/> }.into_any()
        }
        Some(contact) => view! {
            <SentTo contact=contact.clone()/>
            {form(contact.clone())}
            <SendAgain contact purpose back/>
        }
        .into_any(),
    }
}

/// Step one: the contact, and a button that sends a code to it for `purpose`.
#[component]
fn SendCodeForm(purpose: &'static str, button: Text) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SendCode>::new();
    let next = use_next();
    view! {
        <ActionForm action=action attr:class="card form">
            <FormErrorMessage result=action.value()/>
            <ContactField/>
            <input type="hidden" name="purpose" value=purpose/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button">{move || button(lang.get())}</button>
        </ActionForm>
    }
}

/// Step two's first line: where the code went and how long it lasts.
#[component]
fn SentTo(contact: String) -> impl IntoView {
    let lang = use_lang();
    let shown = masked(&contact);
    view! {
        <p class="notice-ok" role="status" data-testid="code-sent">
            {move || crate::t!(lang.get(), contacts::code_sent { to: shown.clone() })}
        </p>
    }
}

/// Below step two's form: sending the code again (its own small form), or another contact.
#[component]
fn SendAgain(contact: String, purpose: &'static str, back: &'static str) -> impl IntoView {
    let lang = use_lang();
    let resend = ServerAction::<SendCode>::new();
    let next = use_next();
    view! {
        <ActionForm action=resend attr:class="form button-row send-again">
            <FormErrorMessage result=resend.value()/>
            <input type="hidden" name="contact" value=contact/>
            <input type="hidden" name="purpose" value=purpose/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button button--secondary">
                {move || crate::locales::contacts::send_again(lang.get())}
            </button>
            <A href=back attr:class="button button--secondary">
                {move || crate::locales::contacts::other_contact(lang.get())}
            </A>
        </ActionForm>
    }
}

/// The code field: six digits, filled in by the phone's keyboard from the SMS where it can.
#[component]
pub fn CodeField() -> impl IntoView {
    let lang = use_lang();
    view! {
        <label for="code">{move || crate::locales::contacts::code_label(lang.get())}</label>
        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
            pattern="[0-9]{6}" maxlength="6" required aria-describedby="code-hint"/>
        <p id="code-hint" class="hint">{move || crate::locales::contacts::code_hint(lang.get())}</p>
    }
}

/// A contact as shown back on screen: 138****0001, or li***@example.cn.
pub fn masked(contact: &str) -> String {
    match contact.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(2).collect();
            format!("{first}***@{domain}")
        }
        None => crate::sms::masked(contact),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn contacts_are_masked() {
        assert_eq!(super::masked("13800000001"), "138****0001");
        assert_eq!(super::masked("li.ming@example.cn"), "li***@example.cn");
        assert_eq!(super::masked("a@b.cn"), "a***@b.cn");
    }
}
