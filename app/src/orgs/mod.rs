//! Organisations: NGOs, social organisations, community committees, cooperatives, enterprises and
//! government bodies, with their verification tier, their people, and the admins' review queue.

pub mod api;
pub mod badge;
pub mod credit_code;
#[cfg(feature = "ssr")]
pub mod db;
mod directory_page;
mod edit_page;
mod form;
pub mod input;
pub mod model;
mod my_orgs;
mod new_page;
mod profile_page;
mod refusals;
pub mod review_api;
mod review_page;
pub mod team_api;
pub use refusals::OrgRefusal;

pub use directory_page::{OrgCard, OrgDirectoryPage};
pub use edit_page::EditOrgPage;
pub use my_orgs::MyOrgsCard;
pub use new_page::RegisterOrgPage;
pub use profile_page::{use_org_id, Fact, OrgProfilePage, ProfileSections};
pub use review_page::ReviewQueuePage;
