//! Building blocks shared by pages of several boards.

mod bad_filter;
mod fields;
mod form_error;
mod pager;
mod qr;

pub use bad_filter::BadFilterNotice;
pub use fields::{ChoiceSelect, Pick, TextArea, TextField};
pub use form_error::FormErrorMessage;
pub use pager::{Pager, ResultCount};
#[cfg(feature = "ssr")]
pub use qr::qr_svg;
pub use qr::QrCode;
