use serde::{Deserialize, Serialize};

/// The signed-in person, as pages and server functions see them (no secrets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub display_name: String,
    pub is_admin: bool,
    /// A member of at least one organisation (any role): such a person may add events and
    /// resources for it. Read with the session, so pages need not ask again.
    pub in_an_org: bool,
    /// Notifications not yet read, counted with the session so the tab bar on every page need
    /// not ask the database again.
    pub unread_notifications: i64,
}
