//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/invitations.json` under `refusals`.

crate::refusals! {
    /// Why an invitation (to run an organisation, or a member link) was refused.
    pub enum InvitationRefusal in invitations {
        /// This organisation's invitation to that contact is still waiting for an answer.
        AlreadyInvited = already_invited, CONFLICT;
        /// Too many invitations lately, to that contact or from this organisation.
        TooMany = too_many, TOO_MANY_REQUESTS;
        /// Whoever sent the invitation no longer runs the organisation.
        Lapsed = lapsed, CONFLICT;
        /// The code of a member link is not the one the coordinator gave.
        CodeWrong = code_wrong, BAD_REQUEST;
    }
}
