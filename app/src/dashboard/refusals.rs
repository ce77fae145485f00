//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/dashboard.json` under `refusals`.

crate::refusals! {
    /// Why a dashboard or report period was refused.
    pub enum PeriodRefusal in dashboard {
        /// A dashboard or report period that is not two months in order, at most two years apart.
        PeriodInvalid = period_invalid, BAD_REQUEST;
    }
}
