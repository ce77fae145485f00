//! The frame around every page: the HTML document, header, tab bar, routes, 404 and error pages.

mod access;
mod browser_hooks;
pub mod csp;
mod document;
#[cfg(feature = "hydrate")]
mod form_memory;
mod icons;
mod install_hint;
mod layout;
mod notice;
mod page_title;
mod param_page;
mod routes;
mod tab_bar;

pub use access::{encode_component, page_error, SignInRedirect};
pub use document::shell;
pub use icons::Icon;
pub use install_hint::InstallHint;
pub use notice::{set_status, ErrorPage, Forbidden, NotFound};
pub use page_title::{escaped_on_server, PageTitle};
pub use param_page::param_page;
pub use routes::App;
