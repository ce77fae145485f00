//! 益享生活: giving away, swapping and lending things between neighbours.

pub mod api;
#[cfg(feature = "ssr")]
mod board_db;
#[cfg(feature = "ssr")]
pub mod db;
mod detail_page;
pub mod filter;
pub mod input;
#[cfg(feature = "ssr")]
pub mod life;
mod list_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod moderation;
pub mod moderation_api;
mod moderation_page;
mod new_page;
#[cfg(feature = "ssr")]
pub mod post;
mod refusals;
pub mod request_api;
mod request_page;
#[cfg(feature = "ssr")]
pub mod requests;
#[cfg(feature = "ssr")]
pub mod thread;
pub use refusals::ItemRefusal;

pub use detail_page::ItemPage;
pub use list_page::ItemListPage;
pub use moderation_page::ModerationQueuePage;
pub use new_page::NewItemPage;
pub use request_page::RequestPage;

/// Where the posting form is sent (multipart, read by the server's own route).
pub const POST_ITEM_PATH: &str = "/items/new";
