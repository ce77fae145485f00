//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/items.json` under `refusals`.

crate::refusals! {
    /// Why a listing, a request for it or a step of its handover was refused.
    pub enum ItemRefusal in items {
        TitleInvalid = title_invalid, BAD_REQUEST;
        /// A kind, category, condition or mode that the form does not offer.
        ChoiceInvalid = choice_invalid, BAD_REQUEST;
        /// A resource that the poster's organisation does not run, or chosen for a wish.
        ResourceInvalid = resource_invalid, BAD_REQUEST;
        TooManyPhotos = too_many_photos, BAD_REQUEST;
        /// One does not ask for one's own listing.
        OwnItem = own_item, CONFLICT;
        /// The listing is promised, gone, withdrawn, expired or hidden.
        NotOpen = not_open, CONFLICT;
        AlreadyAsked = already_asked, CONFLICT;
        /// Over the fairness limit of requests waiting at once.
        TooManyOpenRequests = too_many_open_requests, CONFLICT;
        /// Over the fairness limit of items received in 28 days.
        TooManyReceived = too_many_received, CONFLICT;
        /// A step on a request that its state does not allow now (the other side acted first).
        StepNotNow = step_not_now, CONFLICT;
        /// The handover code typed is not the one the giver shows.
        HandoverCodeWrong = handover_code_wrong, BAD_REQUEST;
        /// A lent item's due day is missing, in the past or more than a year away.
        DueDateInvalid = due_date_invalid, BAD_REQUEST;
        ReportReasonInvalid = report_reason_invalid, BAD_REQUEST;
        /// One report per person per listing.
        AlreadyReported = already_reported, CONFLICT;
    }
}
