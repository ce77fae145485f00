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
    pub forbidden: NoticeTexts,
    pub errors: ErrorTexts,
    pub form_errors: FormErrorTexts,
    pub account: AccountTexts,
    pub orgs: OrgTexts,
    pub notifications: NotificationTexts,
    pub install: InstallTexts,
    pub map_page: MapPageTexts,
    pub resources: ResourceTexts,
}

pub struct ShellTexts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    /// What the app is, in a sentence (the installed app's description).
    pub description: &'static str,
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
    pub orgs_heading: &'static str,
    pub orgs_text: &'static str,
    pub orgs_action: &'static str,
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
    pub forbidden: &'static str,
    pub too_many_requests: &'static str,
    pub too_large: &'static str,
    pub not_found: &'static str,
    pub unavailable: &'static str,
    pub internal: &'static str,
    /// A form was sent to us from another website (refused: cross-site request forgery).
    pub cross_site: &'static str,
    /// The open-data feeds were asked for a coordinate system they do not offer.
    pub crs_unknown: &'static str,
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
    pub org_kind_invalid: &'static str,
    pub org_name_invalid: &'static str,
    pub text_too_long: &'static str,
    pub location_invalid: &'static str,
    pub credit_code_invalid: &'static str,
    pub credit_code_taken: &'static str,
    pub edit_conflict: &'static str,
    pub no_such_account: &'static str,
    pub already_in_team: &'static str,
    pub owner_stays: &'static str,
    pub reason_required: &'static str,
    pub resource_kind_invalid: &'static str,
    pub resource_name_invalid: &'static str,
    pub resource_org_invalid: &'static str,
    pub location_required: &'static str,
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

/// The organisation directory, profiles, their forms, the team list and the admins' queue.
pub struct OrgTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub search_label: &'static str,
    pub kind_filter_label: &'static str,
    pub all_kinds: &'static str,
    pub search_button: &'static str,
    /// In the order of `OrgKind::ALL`.
    pub kinds: [&'static str; 6],
    pub tier_unverified: &'static str,
    pub tier_verified: &'static str,
    pub tier_partner: &'static str,
    pub role_owner: &'static str,
    pub role_coordinator: &'static str,
    /// Around the number of results: "共 " 12 " 家机构".
    pub count_before: &'static str,
    pub count_after: &'static str,
    pub none_found: &'static str,
    pub register: &'static str,
    pub register_lead: &'static str,
    pub edit: &'static str,
    pub edit_lead: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub registered: &'static str,
    pub kind_label: &'static str,
    pub name_label: &'static str,
    pub name_hint: &'static str,
    pub description_label: &'static str,
    pub services_label: &'static str,
    pub services_hint: &'static str,
    pub address_label: &'static str,
    pub lat_label: &'static str,
    pub lng_label: &'static str,
    pub location_hint: &'static str,
    pub location_label: &'static str,
    pub no_location: &'static str,
    pub contact_label: &'static str,
    pub contact_hint: &'static str,
    pub opening_hours_label: &'static str,
    pub opening_hours_hint: &'static str,
    pub credit_code_label: &'static str,
    pub credit_code_hint: &'static str,
    pub not_given: &'static str,
    pub pending_note: &'static str,
    pub rejected_note: &'static str,
    pub resubmit_hint: &'static str,
    pub team_heading: &'static str,
    pub team_lead: &'static str,
    pub add_coordinator_label: &'static str,
    pub add_coordinator: &'static str,
    pub remove: &'static str,
    pub my_orgs_heading: &'static str,
    pub no_orgs: &'static str,
    pub review_title: &'static str,
    pub review_lead: &'static str,
    pub review_empty: &'static str,
    pub review_link: &'static str,
    pub verify: &'static str,
    pub mark_partner: &'static str,
    pub reject: &'static str,
    pub reason_label: &'static str,
    pub registered_by: &'static str,
    pub registered_on: &'static str,
    pub back_to_directory: &'static str,
    pub back_to_profile: &'static str,
}

/// The inbox, the unread count and the words of each notification (`{org}`, `{role}`, `{n}` are
/// filled in).
pub struct NotificationTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub open_inbox: &'static str,
    pub empty: &'static str,
    pub mark_all_read: &'static str,
    pub unread: &'static str,
    pub unread_count: &'static str,
    pub email_heading: &'static str,
    pub email_lead: &'static str,
    pub email_on: &'static str,
    pub email_off: &'static str,
    pub turn_on: &'static str,
    pub turn_off: &'static str,
    pub no_email_address: &'static str,
    pub kind_org_review: &'static str,
    pub kind_org_team: &'static str,
    pub org_verified: &'static str,
    pub org_partner: &'static str,
    pub org_rejected: &'static str,
    pub org_pending: &'static str,
    pub added_to_team: &'static str,
    pub removed_from_team: &'static str,
    /// Under every email: where to turn them off.
    pub email_footer: &'static str,
}

/// The "install this app" hint on the home page.
pub struct InstallTexts {
    pub heading: &'static str,
    pub text: &'static str,
    pub ios_steps: &'static str,
    pub install: &'static str,
    pub not_now: &'static str,
}

/// `/map`: the list of places nearest an area.
pub struct MapPageTexts {
    pub area_label: &'static str,
    pub district_centre: &'static str,
    pub subdistricts: &'static str,
    pub communities: &'static str,
    pub show: &'static str,
    /// Heading before the area's name: "离……最近".
    pub nearest_to: &'static str,
    pub none: &'static str,
    /// Units after a number, with their space.
    pub metres: &'static str,
    pub kilometres: &'static str,
    /// The interactive map (with JavaScript).
    pub map_label: &'static str,
    pub layers: &'static str,
    pub layer_orgs: &'static str,
    pub layer_resources: &'static str,
    pub category_label: &'static str,
    pub all_categories: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub locate: &'static str,
    pub locate_failed: &'static str,
    pub base_map: &'static str,
    pub tiles_osm: &'static str,
    pub tiles_amap: &'static str,
    pub tiles_tianditu: &'static str,
    pub tiles_unavailable: &'static str,
    /// Before the number of places in the visible area.
    pub in_view: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub open_details: &'static str,
    pub picker_hint: &'static str,
    /// Before the chosen coordinates.
    pub picked: &'static str,
    pub nothing_picked: &'static str,
    pub clear_pick: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    /// After a cluster's number: "个地点，点击放大".
    pub cluster_hint: &'static str,
}

/// Community resources: their kinds and their pages.
pub struct ResourceTexts {
    /// In the order of `ResourceKind::ALL`.
    pub kinds: [&'static str; 6],
    pub run_by: &'static str,
    pub run_by_platform: &'static str,
    pub back_to_map: &'static str,
    pub kind_label: &'static str,
    pub name_label: &'static str,
    pub add: &'static str,
    pub add_lead: &'static str,
    pub edit: &'static str,
    pub saved: &'static str,
    pub back_to_resource: &'static str,
}
