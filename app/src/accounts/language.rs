//! The language switch in the header: a real form posting to a server function, so it works without JavaScript
//! (the server sets the cookie and sends the browser back to the page it came from) and, with
//! JavaScript, turns the page to the other language in place.

use crate::error::AppError;
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;

#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<Lang, AppError> {
    use crate::i18n::LANG_COOKIE;
    use http::{header::SET_COOKIE, HeaderValue};

    let Some(lang) = Lang::from_code(&lang) else {
        return Err(AppError::InvalidInput("lang".into()));
    };
    // A year is long enough to feel permanent; the value is one of two fixed tags.
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
    // A signed-in person's choice is also kept with the account, for what is sent by email.
    let state = crate::state::use_app_state()?;
    if let Some(user) = super::auth::current_user(&state).await? {
        let mut tx = state.db.begin_write().await?;
        super::db::set_lang(&mut tx, user.id, lang).await?;
        tx.commit().await?;
    }
    Ok(lang)
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetLanguage>::new();
    Effect::new(move |_| {
        if let Some(Ok(chosen)) = action.value().get() {
            lang.set(chosen);
        }
    });
    let other = move || lang.get().other();

    view! {
        <ActionForm action=action attr:class="lang-switch">
            <input type="hidden" name="lang" value=move || other().code()/>
            <button
                type="submit"
                class="lang-switch__button"
                title=move || crate::locales::shell::switch_language(lang.get())
                aria-label=move || crate::locales::shell::switch_language(lang.get())
            >
                <span aria-hidden="true" class="lang-switch__icon">"文/A"</span>
                <span lang=move || other().code()>{move || other().own_name()}</span>
            </button>
        </ActionForm>
    }
}
