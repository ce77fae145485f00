//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/volunteering.json` under `refusals`.

crate::refusals! {
    /// Why a certificate was refused (refused hours are `events::EventRefusal`s).
    pub enum VolunteeringRefusal in volunteering {
        /// Certificates count hours of verified organisations (and partners) only.
        CertificateOrgUnverified = certificate_org_unverified, CONFLICT;
    }
}
