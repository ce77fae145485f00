//! The SMS card on `/me/notifications`: for each kind of notice that goes by SMS, on or off; for
//! a mobile number not proved yet, the way to prove it.

use super::api::SetSms;
use super::model::SmsSettings;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn SmsCard(settings: SmsSettings, action: ServerAction<SetSms>) -> impl IntoView {
    let lang = use_lang();
    if !settings.has_mobile {
        return ().into_any();
    }
    let per_month = settings.per_month;
    let body = if settings.proved {
        view! {
            <p class="hint">{move || crate::t!(lang.get(), notifications::sms_lead { count: per_month })}</p>
            <ul class="team-list" data-testid="sms-choices">
                {settings.choices.into_iter().map(|choice| {
                    let kind = choice.kind;
                    let on = choice.sms;
                    view! {
                        <li>
                            <span>
                                {move || kind.label(lang.get())} " "
                                <span class="badge">
                                    {move || if on { crate::locales::notifications::sms_on(lang.get()) } else { crate::locales::notifications::sms_off(lang.get()) }}
                                </span>
                            </span>
                            <ActionForm action attr:class="inline-form">
                                <input type="hidden" name="kind" value=kind.as_str()/>
                                <input type="hidden" name="sms" value=(!on).to_string()/>
                                <button type="submit" class="button button--secondary button--small">
                                    {move || if on { crate::locales::notifications::sms_turn_off(lang.get()) } else { crate::locales::notifications::sms_turn_on(lang.get()) }}
                                </button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    } else {
        view! {
            <p class="hint">{move || crate::locales::notifications::sms_unproved(lang.get())}</p>
            <a class="button button--secondary button--small" href="/me/contact">
                {move || crate::locales::notifications::sms_prove(lang.get())}
            </a>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="sms-heading">
            <h2 id="sms-heading" class="card__title">{move || crate::locales::notifications::sms_heading(lang.get())}</h2>
            {body}
        </section>
    }
    .into_any()
}
