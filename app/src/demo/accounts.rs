//! Demo accounts: one per role, so anyone can try the site as a resident, a coordinator, an
//! organisation owner or a platform admin. The README lists them with their passwords.

use crate::accounts::contact::Contact;
use crate::accounts::db::{create_user, mark_contact_verified, set_admin, CreateUser};
use sqlx::AnyConnection;

/// (mobile number, display name, password), in the order of `DemoPeople`'s fields.
pub const DEMO_ACCOUNTS: [(&str, &str, &str); 4] = [
    ("13800000001", "小云（居民）", "demo-resident"),
    ("13800000002", "王协调（协调员）", "demo-coordinator"),
    ("13800000003", "李负责（机构负责人）", "demo-owner"),
    ("13800000004", "平台管理员", "demo-admin"),
];

/// The ids of the demo accounts, for the parts of the demo that give them roles.
#[derive(Debug, Clone, Copy)]
pub struct DemoPeople {
    pub resident: i64,
    pub coordinator: i64,
    pub owner: i64,
    pub admin: i64,
}

/// Adds the demo accounts that are missing; returns how many were added and who they are.
pub async fn seed(conn: &mut AnyConnection, now: i64) -> Result<(u64, DemoPeople), sqlx::Error> {
    let mut added = 0;
    let mut ids = [0i64; 4];
    for (slot, (mobile, name, password)) in ids.iter_mut().zip(DEMO_ACCOUNTS) {
        let contact = Contact::parse(mobile).expect("demo numbers are valid mobile numbers");
        let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE contact = $1")
            .bind(contact.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        *slot = match existing {
            Some(id) => id,
            None => {
                // Four hashes, once, from the command line: not worth a blocking-pool hop.
                let hash = password_auth::generate_hash(password);
                match create_user(conn, &contact, name, &hash, now).await? {
                    CreateUser::Created(id) => {
                        added += 1;
                        id
                    }
                    CreateUser::ContactTaken => return Err(sqlx::Error::RowNotFound),
                }
            }
        };
    }
    let [resident, coordinator, owner, admin] = ids;
    set_admin(conn, admin, true).await?;
    // The demo people proved their numbers (invitations and member links reach only those).
    for id in ids {
        mark_contact_verified(conn, id, now).await?;
    }
    Ok((
        added,
        DemoPeople {
            resident,
            coordinator,
            owner,
            admin,
        },
    ))
}
