//! Building blocks shared by pages of several boards.

mod board_page;
mod form_error;

pub use board_page::BoardPage;
pub use form_error::FormErrorMessage;
