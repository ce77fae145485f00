use serde::{Deserialize, Serialize};

/// The signed-in person, as pages and server functions see them (no secrets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub display_name: String,
    pub is_admin: bool,
}
