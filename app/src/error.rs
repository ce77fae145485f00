//! The one error type of the app. It travels from server functions to the browser as JSON, carries its
//! HTTP status, and is shown to people through the translated messages, never with database details.

use crate::i18n::Texts;
use http::StatusCode;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// A form was understood but cannot be accepted as filled in; shown next to the form. These travel
/// as errors so that, without JavaScript, the framework carries them back to the form's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormError {
    ContactInvalid,
    DisplayNameInvalid,
    PasswordTooShort,
    PasswordTooLong,
    ContactTaken,
    WrongCredentials,
    /// The current password given to confirm a change was not right.
    WrongPassword,
    OrgKindInvalid,
    OrgNameInvalid,
    /// A text field is longer than its limit.
    TextTooLong,
    /// Latitude/longitude missing one half, not numbers, or out of range.
    LocationInvalid,
    /// The 统一社会信用代码 is malformed or its check character is wrong.
    CreditCodeInvalid,
    /// Another organisation already registered this credit code.
    CreditCodeTaken,
    /// Someone saved this record after the form was opened; nothing was overwritten.
    EditConflict,
    /// This organisation's invitation to that contact is still waiting for an answer.
    AlreadyInvited,
    /// Too many invitations lately, to that contact or from this organisation.
    TooManyInvitations,
    /// Whoever sent the invitation no longer runs the organisation.
    InvitationLapsed,
    /// The code of a member link is not the one the coordinator gave.
    InvitationCodeWrong,
    /// The owner cannot be removed from their own organisation.
    OwnerStays,
    /// A rejection needs a reason the organisation can act on.
    ReasonRequired,
    ResourceKindInvalid,
    ResourceNameInvalid,
    /// The organisation chosen to run a resource is not one on the list.
    ResourceOrgInvalid,
    /// This needs a place on the map.
    LocationRequired,
    /// The organisation chosen to run an event is not one the person runs.
    EventOrgInvalid,
    EventTitleInvalid,
    EventCategoryInvalid,
    /// A start or end time is missing or not a time.
    EventTimeInvalid,
    /// The end is not after the start, or the event is longer than a week.
    EventEndsBeforeStart,
    /// A sign-up or cancellation deadline is not a time before the start.
    DeadlineInvalid,
    CapacityInvalid,
    /// Fewer seats than people already holding one.
    CapacityBelowTaken,
    CreditHoursInvalid,
    /// A message with nothing in it.
    MessageEmpty,
    /// The check-in code typed is not the one shown now.
    CheckinCodeWrong,
    /// Codes work only during the event (with a margin either side).
    CheckinClosed,
    /// The person holds no seat, and the event takes no walk-ins.
    CheckinNotJoined,
    /// Attendance can be marked only once the event is under way.
    AttendanceTooEarly,
    /// No-shows are recorded once the event is over.
    EventNotOver,
    /// A series repeats in a way the form does not offer.
    RepeatInvalid,
    /// A series' last day is not a day between its first occurrence and two years later.
    RepeatUntilInvalid,
    ItemTitleInvalid,
    /// A kind, category, condition or mode that the form does not offer.
    ItemChoiceInvalid,
    /// An upload that could not be read as a photo (JPEG, PNG, WebP or GIF).
    PhotoNotAnImage,
    /// One photo over the size limit.
    PhotoTooLarge,
    /// A picture with more pixels than a phone camera takes (refused before it is decoded).
    PhotoTooManyPixels,
    /// A resource that the poster's organisation does not run, or chosen for a wish.
    ItemResourceInvalid,
    /// A dashboard or report period that is not two months in order, at most two years apart.
    PeriodInvalid,
    TooManyPhotos,
    /// One does not ask for one's own listing.
    OwnItem,
    /// The listing is promised, gone, withdrawn, expired or hidden.
    ItemNotOpen,
    AlreadyAsked,
    /// Over the fairness limit of requests waiting at once.
    TooManyOpenRequests,
    /// Over the fairness limit of items received in 28 days.
    TooManyReceived,
    /// A step on a request that its state does not allow now (the other side acted first).
    ItemStepNotNow,
    /// The handover code typed is not the one the giver shows.
    HandoverCodeWrong,
    /// Too many wrong check-in or handover codes in the last minute.
    TooManyCodeTries,
    /// Nobody adds, confirms or rejects hours for themselves.
    OwnHours,
    /// Hours beyond the event's length, approved by the organiser who recorded them.
    NeedsAnotherReviewer,
    /// Certificates count hours of verified organisations (and partners) only.
    CertificateOrgUnverified,
    /// An event with hours recorded keeps its start and end.
    EventTimeLocked,
    /// A lent item's due day is missing, in the past or more than a year away.
    DueDateInvalid,
    ReportReasonInvalid,
    /// One report per person per listing.
    AlreadyReported,
    /// A member's display name: 1 to 40 characters.
    MemberNameInvalid,
    /// A service's or need's title: 1 to 60 characters.
    HelpTitleInvalid,
    /// A unit, urgency, field group, audience or method the form does not offer.
    HelpChoiceInvalid,
    /// A price that is not an amount in yuan with at most two decimals.
    PriceInvalid,
    /// The service or need is gone, met, or not shown to the person asking.
    HelpNotOpen,
    /// A member does not book their own service.
    OwnService,
    /// A booking step its state does not allow now (the other side acted first).
    BookingStepNotNow,
    /// A live consent for that field group and audience is on record already.
    ConsentAlreadyLive,
    /// Only an organisation of type cooperative keeps members.
    NotACooperative,
    /// Deleting a member's data needs the box ticked.
    DeleteNotConfirmed,
    /// That account is linked to another member already.
    AccountLinkedElsewhere,
}

impl FormError {
    pub fn status(self) -> StatusCode {
        match self {
            FormError::ContactTaken
            | FormError::CreditCodeTaken
            | FormError::EditConflict
            | FormError::AlreadyInvited
            | FormError::InvitationLapsed
            | FormError::CapacityBelowTaken
            | FormError::CheckinClosed
            | FormError::CheckinNotJoined
            | FormError::AttendanceTooEarly
            | FormError::EventNotOver
            | FormError::OwnItem
            | FormError::ItemNotOpen
            | FormError::AlreadyAsked
            | FormError::TooManyOpenRequests
            | FormError::TooManyReceived
            | FormError::ItemStepNotNow
            | FormError::HelpNotOpen
            | FormError::OwnService
            | FormError::BookingStepNotNow
            | FormError::ConsentAlreadyLive
            | FormError::AccountLinkedElsewhere
            | FormError::NeedsAnotherReviewer
            | FormError::CertificateOrgUnverified
            | FormError::EventTimeLocked
            | FormError::AlreadyReported => StatusCode::CONFLICT,
            FormError::OwnHours => StatusCode::FORBIDDEN,
            FormError::TooManyInvitations => StatusCode::TOO_MANY_REQUESTS,
            FormError::TooManyCodeTries => StatusCode::TOO_MANY_REQUESTS,
            FormError::WrongCredentials => StatusCode::UNAUTHORIZED,
            FormError::WrongPassword => StatusCode::FORBIDDEN,
            FormError::PhotoTooLarge | FormError::PhotoTooManyPixels => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            FormError::PhotoNotAnImage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    pub fn message(self, t: &Texts) -> &'static str {
        let f = &t.form_errors;
        match self {
            FormError::ContactInvalid => f.contact_invalid,
            FormError::DisplayNameInvalid => f.display_name_invalid,
            FormError::PasswordTooShort => f.password_too_short,
            FormError::PasswordTooLong => f.password_too_long,
            FormError::ContactTaken => f.contact_taken,
            FormError::WrongCredentials => f.wrong_credentials,
            FormError::WrongPassword => f.wrong_password,
            FormError::OrgKindInvalid => f.org_kind_invalid,
            FormError::OrgNameInvalid => f.org_name_invalid,
            FormError::TextTooLong => f.text_too_long,
            FormError::LocationInvalid => f.location_invalid,
            FormError::CreditCodeInvalid => f.credit_code_invalid,
            FormError::CreditCodeTaken => f.credit_code_taken,
            FormError::EditConflict => f.edit_conflict,
            FormError::AlreadyInvited => f.already_invited,
            FormError::TooManyInvitations => f.too_many_invitations,
            FormError::InvitationLapsed => f.invitation_lapsed,
            FormError::InvitationCodeWrong => f.invitation_code_wrong,
            FormError::OwnerStays => f.owner_stays,
            FormError::ReasonRequired => f.reason_required,
            FormError::ResourceKindInvalid => f.resource_kind_invalid,
            FormError::ResourceNameInvalid => f.resource_name_invalid,
            FormError::ResourceOrgInvalid => f.resource_org_invalid,
            FormError::LocationRequired => f.location_required,
            FormError::EventOrgInvalid => f.event_org_invalid,
            FormError::EventTitleInvalid => f.event_title_invalid,
            FormError::EventCategoryInvalid => f.event_category_invalid,
            FormError::EventTimeInvalid => f.event_time_invalid,
            FormError::EventEndsBeforeStart => f.event_ends_before_start,
            FormError::DeadlineInvalid => f.deadline_invalid,
            FormError::CapacityInvalid => f.capacity_invalid,
            FormError::CapacityBelowTaken => f.capacity_below_taken,
            FormError::CreditHoursInvalid => f.credit_hours_invalid,
            FormError::MessageEmpty => f.message_empty,
            FormError::CheckinCodeWrong => f.checkin_code_wrong,
            FormError::CheckinClosed => f.checkin_closed,
            FormError::CheckinNotJoined => f.checkin_not_joined,
            FormError::AttendanceTooEarly => f.attendance_too_early,
            FormError::EventNotOver => f.event_not_over,
            FormError::RepeatInvalid => f.repeat_invalid,
            FormError::RepeatUntilInvalid => f.repeat_until_invalid,
            FormError::ItemTitleInvalid => f.item_title_invalid,
            FormError::ItemChoiceInvalid => f.item_choice_invalid,
            FormError::PhotoNotAnImage => f.photo_not_an_image,
            FormError::PhotoTooLarge => f.photo_too_large,
            FormError::PhotoTooManyPixels => f.photo_too_many_pixels,
            FormError::PeriodInvalid => f.period_invalid,
            FormError::ItemResourceInvalid => f.item_resource_invalid,
            FormError::TooManyPhotos => f.too_many_photos,
            FormError::OwnItem => f.own_item,
            FormError::ItemNotOpen => f.item_not_open,
            FormError::AlreadyAsked => f.already_asked,
            FormError::TooManyOpenRequests => f.too_many_open_requests,
            FormError::TooManyReceived => f.too_many_received,
            FormError::ItemStepNotNow => f.item_step_not_now,
            FormError::HandoverCodeWrong => f.handover_code_wrong,
            FormError::TooManyCodeTries => f.too_many_code_tries,
            FormError::OwnHours => f.own_hours,
            FormError::NeedsAnotherReviewer => f.needs_another_reviewer,
            FormError::CertificateOrgUnverified => f.certificate_org_unverified,
            FormError::EventTimeLocked => f.event_time_locked,
            FormError::DueDateInvalid => f.due_date_invalid,
            FormError::ReportReasonInvalid => f.report_reason_invalid,
            FormError::AlreadyReported => f.already_reported,
            FormError::MemberNameInvalid => f.member_name_invalid,
            FormError::HelpTitleInvalid => f.help_title_invalid,
            FormError::HelpChoiceInvalid => f.help_choice_invalid,
            FormError::PriceInvalid => f.price_invalid,
            FormError::HelpNotOpen => f.help_not_open,
            FormError::OwnService => f.own_service,
            FormError::BookingStepNotNow => f.booking_step_not_now,
            FormError::ConsentAlreadyLive => f.consent_already_live,
            FormError::NotACooperative => f.not_a_cooperative,
            FormError::DeleteNotConfirmed => f.delete_not_confirmed,
            FormError::AccountLinkedElsewhere => f.account_linked_elsewhere,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("form not accepted: {0:?}")]
    Form(FormError),
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
            AppError::Form(problem) => problem.status(),
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
    pub fn message(&self, t: &Texts) -> &'static str {
        match self {
            AppError::Form(problem) => problem.message(t),
            AppError::InvalidInput(_) => t.errors.invalid_input,
            AppError::SignInRequired => t.errors.sign_in_required,
            AppError::Forbidden => t.errors.forbidden,
            AppError::TooManyRequests => t.errors.too_many_requests,
            AppError::TooLarge => t.errors.too_large,
            AppError::NotFound => t.errors.not_found,
            AppError::Unavailable => t.errors.unavailable,
            AppError::Internal => t.errors.internal,
        }
    }
}

impl From<FormError> for AppError {
    fn from(problem: FormError) -> Self {
        AppError::Form(problem)
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
            // On the server this means the request body could not be read: cut off at the size
            // limit (the limit layer's error says "length limit exceeded"), or not valid UTF-8.
            ServerFnErrorErr::Deserialization(message) if message.contains("length limit") => {
                AppError::TooLarge
            }
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
        assert_eq!(err.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let err = AppError::from_server_fn_error(ServerFnErrorErr::ServerError("x".into()));
        assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn json_round_trip_keeps_the_variant() {
        let err = AppError::InvalidInput("lang".into());
        let bytes = err.ser();
        assert_eq!(AppError::de(bytes), err);
    }
}
