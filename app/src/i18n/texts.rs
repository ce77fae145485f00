//! The shape of the string tables. Each feature adds its own group of fields here and fills them in
//! `zh.rs` and `en.rs`.

pub struct Texts {
    /// The language's own name, shown on the switch that selects it.
    pub lang_name: &'static str,
    pub shell: ShellTexts,
    pub home: HomeTexts,
    pub events: BoardTexts,
    pub items: BoardTexts,
    pub help: BoardTexts,
    pub map: BoardTexts,
    pub me: BoardTexts,
    pub not_found: NoticeTexts,
    pub error: NoticeTexts,
    pub errors: ErrorTexts,
    pub form_errors: FormErrorTexts,
    pub account: AccountTexts,
}

pub struct ShellTexts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub district: &'static str,
    pub switch_language: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    /// Bottom tabs, in order: events, items, help, map, me.
    pub tabs: [&'static str; 5],
    pub footer: &'static str,
}

pub struct HomeTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub boards_heading: &'static str,
    /// One card per board, in tab order (events, items, help, map).
    pub boards: [BoardCard; 4],
    pub coverage_heading: &'static str,
    /// Followed by the number of areas, e.g. "覆盖街道/社区" + 12.
    pub coverage_areas: &'static str,
    pub coverage_loading: &'static str,
    pub promise_heading: &'static str,
    pub promises: [&'static str; 3],
}

#[derive(Clone, Copy)]
pub struct BoardCard {
    pub name: &'static str,
    pub text: &'static str,
    pub action: &'static str,
}

/// A board's page while its feature is being built: what will be here and what it will offer.
#[derive(Clone, Copy)]
pub struct BoardTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub empty_heading: &'static str,
    pub empty_text: &'static str,
    pub coming_heading: &'static str,
    pub coming: &'static [&'static str],
    pub back_home: &'static str,
}

/// A full-page notice such as "not found" or "something went wrong".
pub struct NoticeTexts {
    pub title: &'static str,
    pub heading: &'static str,
    pub text: &'static str,
    pub action: &'static str,
}

/// Messages for errors a person can meet; never database details.
pub struct ErrorTexts {
    pub invalid_input: &'static str,
    pub sign_in_required: &'static str,
    pub too_many_requests: &'static str,
    pub too_large: &'static str,
    pub not_found: &'static str,
    pub unavailable: &'static str,
    pub internal: &'static str,
    /// A form was sent to us from another website (refused: cross-site request forgery).
    pub cross_site: &'static str,
}

/// Why a form was not accepted.
pub struct FormErrorTexts {
    pub contact_invalid: &'static str,
    pub display_name_invalid: &'static str,
    pub password_too_short: &'static str,
    pub password_too_long: &'static str,
    pub contact_taken: &'static str,
    pub wrong_credentials: &'static str,
    pub wrong_password: &'static str,
}

/// Sign-up, sign-in and the signed-in part of 我的.
pub struct AccountTexts {
    pub sign_in: &'static str,
    pub sign_up: &'static str,
    pub sign_out: &'static str,
    pub sign_in_lead: &'static str,
    pub sign_up_lead: &'static str,
    pub contact_label: &'static str,
    pub contact_hint: &'static str,
    pub display_name_label: &'static str,
    pub display_name_hint: &'static str,
    pub password_label: &'static str,
    pub new_password_hint: &'static str,
    pub no_account: &'static str,
    pub have_account: &'static str,
    pub signed_in_as: &'static str,
    pub admin_badge: &'static str,
    pub change_password: &'static str,
    pub current_password_label: &'static str,
    pub new_password_label: &'static str,
    pub password_changed: &'static str,
    pub delete_account: &'static str,
    pub delete_account_text: &'static str,
    pub delete_confirm_label: &'static str,
}
