//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/resources.json` under `refusals`.

crate::refusals! {
    /// Why a resource's form was refused.
    pub enum ResourceRefusal in resources {
        KindInvalid = kind_invalid, BAD_REQUEST;
        NameInvalid = name_invalid, BAD_REQUEST;
        /// The organisation chosen to run a resource is not one on the list.
        OrgInvalid = org_invalid, BAD_REQUEST;
    }
}
