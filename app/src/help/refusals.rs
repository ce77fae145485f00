//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/help.json` under `refusals`.

crate::refusals! {
    /// Why a cooperative member, a service, a need or a booking was refused.
    pub enum HelpRefusal in help {
        /// A member's display name: 1 to 40 characters.
        MemberNameInvalid = member_name_invalid, BAD_REQUEST;
        /// A service's or need's title: 1 to 60 characters.
        TitleInvalid = title_invalid, BAD_REQUEST;
        /// A unit, urgency, field group, audience or method the form does not offer.
        ChoiceInvalid = choice_invalid, BAD_REQUEST;
        /// A price that is not an amount in yuan with at most two decimals.
        PriceInvalid = price_invalid, BAD_REQUEST;
        /// The service or need is gone, met, or not shown to the person asking.
        NotOpen = not_open, CONFLICT;
        /// A member does not book their own service.
        OwnService = own_service, CONFLICT;
        /// A booking step its state does not allow now (the other side acted first).
        BookingStepNotNow = booking_step_not_now, CONFLICT;
        /// A live consent for that field group and audience is on record already.
        ConsentAlreadyLive = consent_already_live, CONFLICT;
        /// Only an organisation of type cooperative keeps members.
        NotACooperative = not_a_cooperative, BAD_REQUEST;
        /// Deleting a member's data needs the box ticked.
        DeleteNotConfirmed = delete_not_confirmed, BAD_REQUEST;
        /// That account is linked to another member already.
        AccountLinkedElsewhere = account_linked_elsewhere, CONFLICT;
    }
}
