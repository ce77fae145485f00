//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/volunteering.json` under `refusals`.

crate::refusals! {
    /// Why volunteer hours or a certificate were refused.
    pub enum VolunteeringRefusal in volunteering {
        /// Nobody adds, confirms or rejects hours for themselves.
        OwnHours = own_hours, FORBIDDEN;
        /// Hours beyond the event's length, approved by the organiser who recorded them.
        NeedsAnotherReviewer = needs_another_reviewer, CONFLICT;
        /// Certificates count hours of verified organisations (and partners) only.
        CertificateOrgUnverified = certificate_org_unverified, CONFLICT;
    }
}
