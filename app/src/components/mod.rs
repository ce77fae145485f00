//! Building blocks shared by pages of several boards.

mod board_page;

pub use board_page::BoardPage;
