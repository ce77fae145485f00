//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/orgs.json` under `refusals`.

crate::refusals! {
    /// Why an organisation's form was refused.
    pub enum OrgRefusal in orgs {
        KindInvalid = kind_invalid, BAD_REQUEST;
        NameInvalid = name_invalid, BAD_REQUEST;
        /// The 统一社会信用代码 is malformed or its check character is wrong.
        CreditCodeInvalid = credit_code_invalid, BAD_REQUEST;
        /// Another organisation already registered this credit code.
        CreditCodeTaken = credit_code_taken, CONFLICT;
        /// The owner cannot be removed from their own organisation.
        OwnerStays = owner_stays, BAD_REQUEST;
    }
}
