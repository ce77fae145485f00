//! What proving a contact refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/contacts.json` under `refusals`.

crate::refusals! {
    /// Why a code was not sent or not accepted.
    pub enum ContactRefusal in contacts {
        /// Not six digits.
        CodeMalformed = code_malformed, BAD_REQUEST;
        CodeWrong = code_wrong, BAD_REQUEST;
        /// Never sent, expired, used, or its tries are spent: ask for a new one.
        CodeDead = code_dead, BAD_REQUEST;
        /// One code a minute per contact.
        WaitAMinute = wait_a_minute, TOO_MANY_REQUESTS;
        /// This contact has had its codes for the hour or the day.
        ContactOverLimit = contact_over_limit, TOO_MANY_REQUESTS;
        /// Too many codes from this address, or from the whole site today.
        Busy = busy, TOO_MANY_REQUESTS;
        /// The site has no SMS set up (codes to mobile numbers cannot be sent).
        NoSms = no_sms, UNPROCESSABLE_ENTITY;        /// The site has no mail set up.
        NoMail = no_mail, UNPROCESSABLE_ENTITY;
        /// Moving to a new contact needs the password, and this account has none yet.
        PasswordFirst = password_first, FORBIDDEN;
    }
}
