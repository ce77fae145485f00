//! The one error type of the app. It travels from server functions to the browser as JSON, carries its
//! HTTP status, and is shown to people through the translated messages, never with database details.

use crate::locales::{self, errors, Lang};
use http::StatusCode;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Declares a domain's refusals: the reasons a form that was understood cannot be accepted as
/// filled in, shown next to the form. Each has its HTTP status and a text in the domain's locale
/// file (`app/locales/<language>/<namespace>.json`, under `refusals`), checked when the crate
/// compiles. They travel to the browser as their text's key (see [`Refusal`]).
///
/// ```ignore
/// crate::refusals! {
///     /// Why an event's form was refused.
///     pub enum EventRefusal in events {
///         /// Fewer seats than people already holding one.
///         CapacityBelowTaken = capacity_below_taken, CONFLICT;
///     }
/// }
/// ```
#[macro_export]
macro_rules! refusals {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $namespace:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $key:ident, $status:ident; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )*
        }

        impl $name {
            /// Every refusal of the domain.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn status(self) -> ::http::StatusCode {
                match self {
                    $($name::$variant => ::http::StatusCode::$status,)*
                }
            }

            /// The key of its text, e.g. `events.refusals.capacity_below_taken`.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => concat!(
                        stringify!($namespace), ".refusals.", stringify!($key)
                    ),)*
                }
            }

            pub fn message(self, lang: $crate::locales::Lang) -> &'static str {
                match self {
                    $($name::$variant => $crate::locales::$namespace::refusals::$key(lang),)*
                }
            }
        }

        impl From<$name> for $crate::error::Refusal {
            fn from(refusal: $name) -> Self {
                $crate::error::Refusal::new(refusal.key(), refusal.status())
            }
        }

        impl From<$name> for $crate::error::AppError {
            fn from(refusal: $name) -> Self {
                $crate::error::AppError::Refused(refusal.into())
            }
        }

        impl PartialEq<$name> for $crate::error::Refusal {
            fn eq(&self, other: &$name) -> bool {
                self.key() == other.key()
            }
        }

        impl PartialEq<$name> for $crate::error::AppError {
            fn eq(&self, other: &$name) -> bool {
                matches!(self, $crate::error::AppError::Refused(refusal) if refusal == other)
            }
        }
    };
}

crate::refusals! {
    /// Refusals that several domains share.
    pub enum FormRefusal in forms {
        ContactInvalid = contact_invalid, BAD_REQUEST;
        DisplayNameInvalid = display_name_invalid, BAD_REQUEST;
        /// A text field is longer than its limit.
        TextTooLong = text_too_long, BAD_REQUEST;
        /// Latitude/longitude missing one half, not numbers, or out of range.
        LocationInvalid = location_invalid, BAD_REQUEST;
        /// This needs a place on the map.
        LocationRequired = location_required, BAD_REQUEST;
        /// Someone saved this record after the form was opened; nothing was overwritten.
        EditConflict = edit_conflict, CONFLICT;
        /// A message with nothing in it.
        MessageEmpty = message_empty, BAD_REQUEST;
        /// A rejection needs a reason the organisation can act on.
        ReasonRequired = reason_required, BAD_REQUEST;
        /// Too many wrong check-in or handover codes in the last minute.
        TooManyCodeTries = too_many_code_tries, TOO_MANY_REQUESTS;
        /// Volunteer hours that are not a number of hours from 0 to 24.
        CreditHoursInvalid = credit_hours_invalid, BAD_REQUEST;
    }
}

/// One domain's refusal, whichever domain: its text's key and its status. This is what travels
/// to the browser, and back in the address of a page shown again without JavaScript
/// (`?__err=…`), where anyone can write anything: a key that is not one shows the general
/// "not valid" text, and the words always come from our own locale files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    key: Cow<'static, str>,
    status: u16,
}

impl Refusal {
    pub fn new(key: &'static str, status: StatusCode) -> Self {
        Refusal {
            key: Cow::Borrowed(key),
            status: status.as_u16(),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Always a client error, whatever a hand-made address claims; 400 for a key that is not one.
    pub fn status(&self) -> StatusCode {
        let known = locales::refusal_text(Lang::Zh, &self.key).is_some();
        StatusCode::from_u16(self.status)
            .ok()
            .filter(|status| known && status.is_client_error())
            .unwrap_or(StatusCode::BAD_REQUEST)
    }

    pub fn message(&self, lang: Lang) -> &'static str {
        locales::refusal_text(lang, &self.key).unwrap_or_else(|| errors::invalid_input(lang))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// A form that was understood but cannot be accepted as filled in.
    #[error("refused: {}", .0.key())]
    Refused(Refusal),
    /// The request was malformed or a field was not acceptable; names the field when known.
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// This needs a signed-in person.
    #[error("not signed in")]
    SignInRequired,
    /// Signed in, but this person may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Too many attempts in a short time (sign-in, sign-up, password changes).
    #[error("too many requests")]
    TooManyRequests,
    /// The request body was over the size limit.
    #[error("request too large")]
    TooLarge,
    #[error("not found")]
    NotFound,
    /// The database (or another dependency) did not answer in time; worth retrying.
    #[error("temporarily unavailable")]
    Unavailable,
    /// A bug or an unexpected failure; the details are in the server log only.
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Refused(refusal) => refusal.status(),
            AppError::InvalidInput(_) => StatusCode::BAD_REQUEST,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the person is told, in their language.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            AppError::Refused(refusal) => refusal.message(lang),
            AppError::InvalidInput(_) => errors::invalid_input(lang),
            AppError::SignInRequired => errors::sign_in_required(lang),
            AppError::Forbidden => errors::forbidden(lang),
            AppError::TooManyRequests => errors::too_many_requests(lang),
            AppError::TooLarge => errors::too_large(lang),
            AppError::NotFound => errors::not_found(lang),
            AppError::Unavailable => errors::unavailable(lang),
            AppError::Internal => errors::internal(lang),
        }
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        AppError::Refused(refusal)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The arguments could not be read: the caller sent something we do not accept.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::InvalidInput(value.to_string())
            }
            // The body could not be read as the arguments (not valid UTF-8, say). One over the size
            // limit never gets here: the server refuses it before reading (`TooLarge`).
            ServerFnErrorErr::Deserialization(message) => AppError::InvalidInput(message),
            // The browser could not reach the server.
            ServerFnErrorErr::Request(_) => AppError::Unavailable,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::warn!(%error, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_errors_are_client_errors() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("bad".into()));
        assert_eq!(err.status(), StatusCode::BAD_REQUEST);
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "length limit exceeded".into(),
        ));
        assert_eq!(err.status(), StatusCode::BAD_REQUEST);
        let err = AppError::from_server_fn_error(ServerFnErrorErr::ServerError("x".into()));
        assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn a_refusal_travels_as_its_key_and_status() {
        let err = AppError::from(FormRefusal::EditConflict);
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(
            json,
            r#"{"Refused":{"key":"forms.refusals.edit_conflict","status":409}}"#
        );
        assert_eq!(AppError::de(err.ser()), err);
        assert_eq!(err, FormRefusal::EditConflict);
        assert_eq!(err.status(), StatusCode::CONFLICT);
        assert_eq!(
            err.message(Lang::En),
            FormRefusal::EditConflict.message(Lang::En)
        );
        assert_ne!(err.message(Lang::Zh), err.message(Lang::En));
    }

    #[test]
    fn a_hand_made_refusal_shows_only_our_own_words() {
        // What an address like `?__err=…` can carry: any key, any status.
        let made: AppError =
            serde_json::from_str(r#"{"Refused":{"key":"<b>call 110</b>","status":200}}"#).unwrap();
        assert_eq!(made.message(Lang::Zh), errors::invalid_input(Lang::Zh));
        assert_eq!(made.status(), StatusCode::BAD_REQUEST);
        let made: AppError =
            serde_json::from_str(r#"{"Refused":{"key":"bogus","status":451}}"#).unwrap();
        assert_eq!(made.status(), StatusCode::BAD_REQUEST);
        let made: AppError =
            serde_json::from_str(r#"{"Refused":{"key":"errors.internal","status":500}}"#).unwrap();
        assert_eq!(made.message(Lang::En), errors::invalid_input(Lang::En));
        assert_eq!(made.status(), StatusCode::BAD_REQUEST);
    }

    #[test]
    fn json_round_trip_keeps_the_variant() {
        let err = AppError::InvalidInput("lang".into());
        let bytes = err.ser();
        assert_eq!(AppError::de(bytes), err);
    }
}
