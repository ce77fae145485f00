//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/accounts.json` under `refusals`.

crate::refusals! {
    /// Why a sign-up, sign-in or password change was refused.
    pub enum AccountRefusal in accounts {
        PasswordTooShort = password_too_short, BAD_REQUEST;
        PasswordTooLong = password_too_long, BAD_REQUEST;
        ContactTaken = contact_taken, CONFLICT;
        WrongCredentials = wrong_credentials, UNAUTHORIZED;
        /// The current password given to confirm a change was not right.
        WrongPassword = wrong_password, FORBIDDEN;
    }
}
