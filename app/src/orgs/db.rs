//! Organisations and their people in the database.

use super::model::{
    MyOrg, OrgDetails, OrgKind, OrgPage, OrgRole, OrgSummary, PendingOrg, TeamMember, Verification,
};
use crate::paging::PageMark;
use sqlx::{AnyConnection, AnyPool, Row};

/// An organisation as stored, for its profile page and edit form.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRecord {
    pub id: i64,
    pub details: OrgDetails,
    pub verification: Verification,
    pub rejection_reason: Option<String>,
    pub version: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SaveOrg {
    Saved(i64),
    /// Another organisation has this credit code.
    CreditCodeTaken,
    /// The record changed (or vanished) since the version the edit was made from.
    Conflict,
}

#[derive(Debug, PartialEq, Eq)]
pub enum RemoveMember {
    Removed,
    NotInTeam,
    IsOwner,
}

const SUMMARY_COLUMNS: &str = "o.id, o.kind, o.name, o.address, o.verification";

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    kind: String,
    name: String,
    address: String,
    verification: String,
}

impl SummaryRow {
    fn into_summary(self) -> Option<(OrgSummary, Verification)> {
        let verification = Verification::parse(&self.verification)?;
        let summary = OrgSummary {
            id: self.id,
            kind: OrgKind::parse(&self.kind)?,
            name: self.name,
            address: self.address,
            tier: verification.tier(),
        };
        Some((summary, verification))
    }
}

const RECORD_COLUMNS: &str = "id, kind, name, description, services, address, lat, lng, contact, \
     opening_hours, credit_code, verification, rejection_reason, version";

#[derive(sqlx::FromRow)]
struct RecordRow {
    id: i64,
    kind: String,
    name: String,
    description: String,
    services: String,
    address: String,
    lat: Option<f64>,
    lng: Option<f64>,
    contact: String,
    opening_hours: String,
    credit_code: Option<String>,
    verification: String,
    rejection_reason: Option<String>,
    version: i64,
}

impl RecordRow {
    fn into_record(self) -> Option<OrgRecord> {
        Some(OrgRecord {
            id: self.id,
            details: OrgDetails {
                kind: OrgKind::parse(&self.kind)?,
                name: self.name,
                description: self.description,
                services: self.services,
                address: self.address,
                location: self.lat.zip(self.lng),
                contact: self.contact,
                opening_hours: self.opening_hours,
                credit_code: self.credit_code,
            },
            verification: Verification::parse(&self.verification)?,
            rejection_reason: self.rejection_reason,
            version: self.version,
        })
    }
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the editable fields as `$1`..`$10`, in the column order of the statements below.
fn bind_details<'q>(query: AnyQuery<'q>, details: &'q OrgDetails) -> AnyQuery<'q> {
    let (lat, lng) = details.location.unzip();
    query
        .bind(details.kind.as_str())
        .bind(&details.name)
        .bind(&details.description)
        .bind(&details.services)
        .bind(&details.address)
        .bind(crate::db::float_param(lat))
        .bind(crate::db::float_param(lng))
        .bind(&details.contact)
        .bind(&details.opening_hours)
        .bind(&details.credit_code)
}

/// Registers an organisation with `owner` as its owner; it starts pending review.
pub async fn create_org(
    conn: &mut AnyConnection,
    details: &OrgDetails,
    owner: i64,
    now: i64,
) -> Result<SaveOrg, sqlx::Error> {
    let saved = insert_org(conn, details, Some(owner), now).await?;
    if let SaveOrg::Saved(id) = saved {
        add_member(conn, id, owner, OrgRole::Owner, owner, now).await?;
    }
    Ok(saved)
}

/// Adds an organisation without giving anyone a role in it (demo data registered by the platform).
pub async fn insert_org(
    conn: &mut AnyConnection,
    details: &OrgDetails,
    created_by: Option<i64>,
    now: i64,
) -> Result<SaveOrg, sqlx::Error> {
    let inserted = bind_details(
        sqlx::query(
            "INSERT INTO organisations (kind, name, description, services, address, lat, lng, \
             contact, opening_hours, credit_code, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, CAST($6 AS DOUBLE PRECISION), CAST($7 AS DOUBLE PRECISION), \
             $8, $9, $10, $11, $12, $12) RETURNING id",
        ),
        details,
    )
    .bind(created_by)
    .bind(now)
    .fetch_one(conn)
    .await
    .and_then(|row| row.try_get::<i64, _>(0));
    match inserted {
        Ok(id) => Ok(SaveOrg::Saved(id)),
        Err(error) if crate::db::is_unique_violation(&error) => Ok(SaveOrg::CreditCodeTaken),
        Err(error) => Err(error),
    }
}

/// Saves an edit made from `version`. A rejected organisation goes back into the review queue, and
/// so does a verified one whose name, type or credit code changes: the badge vouched for those.
pub async fn update_org(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    details: &OrgDetails,
    now: i64,
) -> Result<SaveOrg, sqlx::Error> {
    let updated = bind_details(
        sqlx::query(
            "UPDATE organisations SET kind = $1, name = $2, description = $3, services = $4, \
             address = $5, lat = CAST($6 AS DOUBLE PRECISION), \
             lng = CAST($7 AS DOUBLE PRECISION), contact = $8, opening_hours = $9, \
             credit_code = $10, \
             verification = CASE WHEN verification = 'rejected' OR kind <> $1 OR name <> $2 \
               OR credit_code IS DISTINCT FROM $10 THEN 'pending' ELSE verification END, \
             version = version + 1, updated_at = $11 \
             WHERE id = $12 AND version = $13",
        ),
        details,
    )
    .bind(now)
    .bind(id)
    .bind(version)
    .execute(conn)
    .await;
    match updated {
        Ok(result) if result.rows_affected() == 1 => Ok(SaveOrg::Saved(id)),
        Ok(_) => Ok(SaveOrg::Conflict),
        Err(error) if crate::db::is_unique_violation(&error) => Ok(SaveOrg::CreditCodeTaken),
        Err(error) => Err(error),
    }
}

pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<OrgRecord>, sqlx::Error> {
    let row: Option<RecordRow> = sqlx::query_as(&format!(
        "SELECT {RECORD_COLUMNS} FROM organisations WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(RecordRow::into_record))
}

/// Every organisation that is public (not rejected) and has a place on the map, oldest first.
pub async fn on_the_map(pool: &AnyPool) -> Result<Vec<OrgRecord>, sqlx::Error> {
    on_the_map_page(pool, crate::db::IdPage::EVERYTHING).await
}

/// A page of [`on_the_map`], for the open-data feeds.
pub async fn on_the_map_page(
    pool: &AnyPool,
    page: crate::db::IdPage,
) -> Result<Vec<OrgRecord>, sqlx::Error> {
    let rows: Vec<RecordRow> = sqlx::query_as(&format!(
        "SELECT {RECORD_COLUMNS} FROM organisations \
         WHERE verification <> 'rejected' AND lat IS NOT NULL AND lng IS NOT NULL AND id > $1 \
         ORDER BY id LIMIT $2"
    ))
    .bind(page.after)
    .bind(page.limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(RecordRow::into_record)
        .collect())
}

/// Organisations on one page of the directory.
pub const DIRECTORY_PAGE_SIZE: usize = 30;

/// What the directory is asked for: a search text, a type, and where the page starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DirectoryQuery {
    pub text: String,
    pub kind: Option<OrgKind>,
    /// After this organisation in the directory's order (`None`: the first page).
    pub after: Option<PageMark>,
}

/// The badge's rank in the directory's order: partners first, then verified, then the rest.
const TIER_RANK: &str =
    "CASE o.verification WHEN 'partner' THEN 0 WHEN 'verified' THEN 1 ELSE 2 END";

/// A page of the public directory: every organisation not rejected, partners and verified ones
/// first. `text` matches name, services, description and address; `kind` narrows to one type.
pub async fn directory_page(
    pool: &AnyPool,
    q: &DirectoryQuery,
    page_size: usize,
) -> Result<OrgPage, sqlx::Error> {
    let after = q.after.unwrap_or(PageMark {
        at: i64::MIN,
        id: i64::MIN,
    });
    let mut rows: Vec<RankedRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, CAST({TIER_RANK} AS BIGINT) AS tier_rank FROM organisations o \
         WHERE o.verification <> 'rejected' AND ($1 = '' OR o.kind = $1) \
           AND (lower(o.name) LIKE $2 ESCAPE '\\' OR lower(o.services) LIKE $2 ESCAPE '\\' \
             OR lower(o.description) LIKE $2 ESCAPE '\\' OR lower(o.address) LIKE $2 ESCAPE '\\') \
           AND ({TIER_RANK} > $3 OR ({TIER_RANK} = $3 AND o.id > $4)) \
         ORDER BY tier_rank, o.id LIMIT $5"
    ))
    .bind(q.kind.map_or("", OrgKind::as_str))
    .bind(crate::db::search::like_pattern(
        &crate::db::search::search_words(&q.text),
    ))
    .bind(after.at)
    .bind(after.id)
    // One row more than the page tells whether there is another page.
    .bind(page_size as i64 + 1)
    .fetch_all(pool)
    .await?;
    let later = PageMark::cut(&mut rows, page_size, |row| PageMark {
        at: row.tier_rank,
        id: row.org.id,
    });
    Ok(OrgPage {
        orgs: rows
            .into_iter()
            .filter_map(|row| row.org.into_summary().map(|(summary, _)| summary))
            .collect(),
        later,
    })
}

#[derive(sqlx::FromRow)]
struct RankedRow {
    #[sqlx(flatten)]
    org: SummaryRow,
    tier_rank: i64,
}

/// The directory's first page for a search text and type.
pub async fn directory(
    pool: &AnyPool,
    text: &str,
    kind: Option<OrgKind>,
) -> Result<Vec<OrgSummary>, sqlx::Error> {
    let query = DirectoryQuery {
        text: text.to_string(),
        kind,
        after: None,
    };
    Ok(directory_page(pool, &query, DIRECTORY_PAGE_SIZE)
        .await?
        .orgs)
}

/// The organisations a person runs, with their role in each.
pub async fn my_orgs(pool: &AnyPool, user_id: i64) -> Result<Vec<MyOrg>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        org: SummaryRow,
        role: String,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, m.role FROM org_members m \
         JOIN organisations o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY o.id"
    ))
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let (org, verification) = row.org.into_summary()?;
            let role = OrgRole::parse(&row.role)?;
            Some(MyOrg {
                org,
                role,
                verification,
            })
        })
        .collect())
}

/// The owner and coordinators, owner first.
pub async fn team(pool: &AnyPool, org_id: i64) -> Result<Vec<TeamMember>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT u.id, u.display_name, m.role FROM org_members m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 \
         ORDER BY CASE m.role WHEN 'owner' THEN 0 ELSE 1 END, m.added_at, u.id",
    )
    .bind(org_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(user_id, display_name, role)| {
            Some(TeamMember {
                user_id,
                display_name,
                role: OrgRole::parse(&role)?,
            })
        })
        .collect())
}

/// Adds someone to an organisation; `false` when they are already in it.
pub async fn add_member(
    conn: &mut AnyConnection,
    org_id: i64,
    user_id: i64,
    role: OrgRole,
    added_by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO org_members (org_id, user_id, role, added_by, added_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, user_id) DO NOTHING",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(role.as_str())
    .bind(added_by)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Removes a coordinator; the owner always stays.
pub async fn remove_coordinator(
    conn: &mut AnyConnection,
    org_id: i64,
    user_id: i64,
) -> Result<RemoveMember, sqlx::Error> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM org_members WHERE org_id = $1 AND user_id = $2")
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    match role.as_deref().and_then(OrgRole::parse) {
        None => Ok(RemoveMember::NotInTeam),
        Some(OrgRole::Owner) => Ok(RemoveMember::IsOwner),
        Some(OrgRole::Coordinator) => {
            sqlx::query("DELETE FROM org_members WHERE org_id = $1 AND user_id = $2")
                .bind(org_id)
                .bind(user_id)
                .execute(conn)
                .await?;
            Ok(RemoveMember::Removed)
        }
    }
}

/// The verification queue: organisations waiting for review, oldest first.
pub async fn pending(pool: &AnyPool) -> Result<Vec<PendingOrg>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        org: SummaryRow,
        credit_code: Option<String>,
        registered_by: Option<String>,
        created_at: i64,
        version: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, o.credit_code, u.display_name AS registered_by, o.created_at, \
         o.version \
         FROM organisations o LEFT JOIN users u ON u.id = o.created_by AND u.deleted_at IS NULL \
         WHERE o.verification = 'pending' ORDER BY o.created_at, o.id"
    ))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(PendingOrg {
                org: row.org.into_summary()?.0,
                version: row.version,
                credit_code: row.credit_code,
                registered_by: row.registered_by,
                registered_at: row.created_at,
            })
        })
        .collect())
}

/// Records an admin's decision; `false` when the organisation does not exist.
pub async fn review(
    conn: &mut AnyConnection,
    org_id: i64,
    outcome: Verification,
    reason: Option<&str>,
    admin: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    review_version(conn, org_id, None, outcome, reason, admin, now).await
}

/// Records an admin's decision on the version they saw (`Some`): `false` when the organisation
/// does not exist or has been edited since, so a name changed while the admin read the old one
/// is never what the badge vouches for.
pub async fn review_version(
    conn: &mut AnyConnection,
    org_id: i64,
    version: Option<i64>,
    outcome: Verification,
    reason: Option<&str>,
    admin: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let sql = match version {
        Some(_) => {
            "UPDATE organisations SET verification = $1, rejection_reason = $2, reviewed_by = $3, \
             reviewed_at = $4 WHERE id = $5 AND version = $6"
        }
        None => {
            "UPDATE organisations SET verification = $1, rejection_reason = $2, reviewed_by = $3, \
             reviewed_at = $4 WHERE id = $5"
        }
    };
    let mut query = sqlx::query(sql)
        .bind(outcome.as_str())
        .bind(reason)
        .bind(admin)
        .bind(now)
        .bind(org_id);
    if let Some(version) = version {
        query = query.bind(version);
    }
    Ok(query.execute(conn).await?.rows_affected() == 1)
}

/// The organisation's name (for notifications about it).
pub async fn name_of(conn: &mut AnyConnection, org_id: i64) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM organisations WHERE id = $1")
        .bind(org_id)
        .fetch_one(conn)
        .await
}

/// Everyone who runs the organisation.
pub async fn member_ids(conn: &mut AnyConnection, org_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM org_members WHERE org_id = $1 ORDER BY user_id")
        .bind(org_id)
        .fetch_all(conn)
        .await
}

/// Looks a live account up by its normalised contact, for adding coordinators.
pub async fn user_by_contact(pool: &AnyPool, contact: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM users WHERE contact = $1 AND deleted_at IS NULL")
        .bind(contact)
        .fetch_optional(pool)
        .await
}

/// The organisations someone may act for (run a resource, hold an event): all public ones for
/// platform admins, else the ones they run. (id, name), by name.
pub async fn org_choices(
    pool: &AnyPool,
    user_id: i64,
    is_admin: bool,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    if is_admin {
        sqlx::query_as(
            "SELECT id, name FROM organisations WHERE verification <> 'rejected' ORDER BY name",
        )
        .fetch_all(pool)
        .await
    } else {
        sqlx::query_as(
            "SELECT o.id, o.name FROM organisations o JOIN org_members m ON m.org_id = o.id \
             WHERE m.user_id = $1 ORDER BY o.name",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await
    }
}
