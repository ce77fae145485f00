//! Cooperative members, their services, needs and consents, and the two logs (who looked, who
//! acted for them) in the database. Nothing here decides who sees what: `model::visible_groups`
//! does, from the consents read here.

use super::input::{MemberDetails, MemberPlace, NeedDetails, ServiceDetails};
use super::model::{
    Audience, Consent, ConsentMethod, FieldGroup, ProxyAction, ServiceUnit, Urgency,
};
pub use super::records::{
    AccessEntry, MemberRecord, Need, ProxyEntry, Service, Shown, ViewedVia, ViewerRole,
};
use crate::db::{columns::CommaList, float_param};
use crate::geo::LatLng;
use sqlx::{AnyConnection, FromRow};

#[derive(FromRow)]
struct MemberRow {
    id: i64,
    org_id: i64,
    org_name: String,
    display_name: String,
    area_code: Option<String>,
    cell_lat: Option<f64>,
    cell_lng: Option<f64>,
    availability: String,
    situation_note: String,
    user_id: Option<i64>,
    photo_at: Option<i64>,
    version: i64,
    created_at: i64,
    deleted_at: Option<i64>,
}

impl From<MemberRow> for MemberRecord {
    fn from(row: MemberRow) -> Self {
        MemberRecord {
            id: row.id,
            org_id: row.org_id,
            org_name: row.org_name,
            display_name: row.display_name,
            area_code: row.area_code,
            cell: row.cell_lat.zip(row.cell_lng),
            availability: row.availability,
            situation_note: row.situation_note,
            user_id: row.user_id,
            photo_at: row.photo_at,
            version: row.version,
            created_at: row.created_at,
            deleted: row.deleted_at.is_some(),
        }
    }
}

const SELECT_MEMBER: &str =
    "SELECT m.id, m.org_id, o.name AS org_name, m.display_name, m.area_code, \
     m.cell_lat, m.cell_lng, m.availability, m.situation_note, m.user_id, \
     (SELECT p.uploaded_at FROM coop_member_photos p WHERE p.member_id = m.id) AS photo_at, \
     m.version, m.created_at, m.deleted_at FROM coop_members m JOIN organisations o ON o.id = m.org_id";

/// The stored columns of a place: a community code, or a cell, or neither; the cell as text
/// parameters (`crate::db::float_param`).
fn place_columns(place: &MemberPlace) -> (Option<String>, Option<String>, Option<String>) {
    let cell = match place {
        MemberPlace::Cell(LatLng { lat, lng }) => Some((*lat, *lng)),
        MemberPlace::Unknown | MemberPlace::Area(_) => None,
    };
    let area = match place {
        MemberPlace::Area(code) => Some(code.clone()),
        _ => None,
    };
    let (lat, lng) = cell.unzip();
    (area, float_param(lat), float_param(lng))
}

pub async fn insert_member(
    conn: &mut AnyConnection,
    org_id: i64,
    details: &MemberDetails,
    by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let (area, lat, lng) = place_columns(&details.place);
    sqlx::query_scalar(
        "INSERT INTO coop_members (org_id, display_name, area_code, cell_lat, cell_lng, availability, \
         situation_note, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, CAST($4 AS DOUBLE PRECISION), CAST($5 AS DOUBLE PRECISION), $6, $7, $8, $9, $9) \
         RETURNING id",
    )
    .bind(org_id)
    .bind(&details.display_name)
    .bind(area)
    .bind(lat)
    .bind(lng)
    .bind(&details.availability)
    .bind(&details.situation_note)
    .bind(by)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Saves an edit made on version `seen`; false when someone saved in between (nothing is
/// overwritten) or the member's data was deleted.
pub async fn update_member(
    conn: &mut AnyConnection,
    id: i64,
    seen: i64,
    details: &MemberDetails,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let (area, lat, lng) = place_columns(&details.place);
    let saved = sqlx::query(
        "UPDATE coop_members SET display_name = $1, area_code = $2, \
         cell_lat = CAST($3 AS DOUBLE PRECISION), cell_lng = CAST($4 AS DOUBLE PRECISION), \
         availability = $5, situation_note = $6, version = version + 1, updated_at = $7 \
         WHERE id = $8 AND version = $9 AND deleted_at IS NULL",
    )
    .bind(&details.display_name)
    .bind(area)
    .bind(lat)
    .bind(lng)
    .bind(&details.availability)
    .bind(&details.situation_note)
    .bind(now)
    .bind(id)
    .bind(seen)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}

pub async fn find_member(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<MemberRecord>, sqlx::Error> {
    let row: Option<MemberRow> = sqlx::query_as(&format!("{SELECT_MEMBER} WHERE m.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(MemberRecord::from))
}

/// A cooperative's members (not deleted), by name.
pub async fn members_of(
    conn: &mut AnyConnection,
    org_id: i64,
) -> Result<Vec<MemberRecord>, sqlx::Error> {
    let rows: Vec<MemberRow> = sqlx::query_as(&format!(
        "{SELECT_MEMBER} WHERE m.org_id = $1 AND m.deleted_at IS NULL ORDER BY m.display_name, m.id"
    ))
    .bind(org_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(MemberRecord::from).collect())
}

/// Every member (not deleted) of every cooperative, for the public list: who sees what of each
/// is decided from their consents afterwards.
pub async fn all_members(conn: &mut AnyConnection) -> Result<Vec<MemberRecord>, sqlx::Error> {
    let rows: Vec<MemberRow> = sqlx::query_as(&format!(
        "{SELECT_MEMBER} WHERE m.deleted_at IS NULL AND o.kind = 'cooperative' \
         AND o.verification <> 'rejected' ORDER BY m.id"
    ))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(MemberRecord::from).collect())
}

pub async fn add_service(
    conn: &mut AnyConnection,
    member: i64,
    details: &ServiceDetails,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO coop_services (member_id, title, description, price_fen, unit, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(member)
    .bind(&details.title)
    .bind(&details.description)
    .bind(details.price_fen)
    .bind(details.unit.as_str())
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn add_need(
    conn: &mut AnyConnection,
    member: i64,
    details: &NeedDetails,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO coop_needs (member_id, title, description, urgency, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(member)
    .bind(&details.title)
    .bind(&details.description)
    .bind(details.urgency.as_str())
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Removes a member's service; false if it is not theirs.
pub async fn remove_service(
    conn: &mut AnyConnection,
    member: i64,
    service: i64,
) -> Result<bool, sqlx::Error> {
    let gone = sqlx::query("DELETE FROM coop_services WHERE id = $1 AND member_id = $2")
        .bind(service)
        .bind(member)
        .execute(conn)
        .await?;
    Ok(gone.rows_affected() == 1)
}

/// Marks a member's need as met (it leaves the public card); false if it is not theirs.
pub async fn mark_need_met(
    conn: &mut AnyConnection,
    member: i64,
    need: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE coop_needs SET met_at = $1 WHERE id = $2 AND member_id = $3 AND met_at IS NULL",
    )
    .bind(now)
    .bind(need)
    .bind(member)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The services of the given members, in the order they were added.
pub async fn services_of(
    conn: &mut AnyConnection,
    members: &[i64],
) -> Result<Vec<Service>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, String, i64, String)> = sqlx::query_as(&format!(
        "SELECT id, member_id, title, description, price_fen, unit FROM coop_services \
         WHERE member_id IN ({}) ORDER BY id",
        id_list(members)
    ))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, member_id, title, description, price_fen, unit)| {
            Some(Service {
                id,
                member_id,
                title,
                description,
                price_fen,
                unit: ServiceUnit::parse(&unit)?,
            })
        })
        .collect())
}

/// The needs of the given members, open ones first.
pub async fn needs_of(conn: &mut AnyConnection, members: &[i64]) -> Result<Vec<Need>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, String, String, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT id, member_id, title, description, urgency, met_at FROM coop_needs \
         WHERE member_id IN ({}) ORDER BY CASE WHEN met_at IS NULL THEN 0 ELSE 1 END, id",
        id_list(members)
    ))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, member_id, title, description, urgency, met_at)| {
            Some(Need {
                id,
                member_id,
                title,
                description,
                urgency: Urgency::parse(&urgency)?,
                met: met_at.is_some(),
            })
        })
        .collect())
}

/// Ids as a SQL list (they are integers, never text from outside); `NULL` when empty, which
/// matches nothing.
pub(super) fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".into();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// What recording a consent came to.
#[derive(Debug, PartialEq, Eq)]
pub enum ConsentOutcome {
    Recorded(i64),
    /// A live consent for that group and audience is already on record.
    AlreadyLive,
}

/// A consent as the coordinator (or the member) records it.
#[derive(Clone, Copy, Debug)]
pub struct NewConsent<'a> {
    pub group: FieldGroup,
    pub audience: Audience,
    pub method: ConsentMethod,
    pub notice_version: &'a str,
}

pub async fn record_consent(
    conn: &mut AnyConnection,
    member: i64,
    consent: NewConsent<'_>,
    collected_by: i64,
    now: i64,
) -> Result<ConsentOutcome, sqlx::Error> {
    let live: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM coop_consents WHERE member_id = $1 AND field_group = $2 AND audience = $3 \
         AND withdrawn_at IS NULL",
    )
    .bind(member)
    .bind(consent.group.as_str())
    .bind(consent.audience.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    if live.is_some() {
        return Ok(ConsentOutcome::AlreadyLive);
    }
    // Two recorded at once both pass the look above: the unique index on live consents decides,
    // and the second is told the consent is live already.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO coop_consents (member_id, field_group, audience, notice_version, method, \
         collected_by, given_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(member)
    .bind(consent.group.as_str())
    .bind(consent.audience.as_str())
    .bind(consent.notice_version)
    .bind(consent.method.as_str())
    .bind(collected_by)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(id.map_or(ConsentOutcome::AlreadyLive, ConsentOutcome::Recorded))
}

/// Withdraws a live consent of this member; false if there is none by that id.
pub async fn withdraw_consent(
    conn: &mut AnyConnection,
    member: i64,
    consent: i64,
    by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE coop_consents SET withdrawn_at = $1, withdrawn_by = $2 \
         WHERE id = $3 AND member_id = $4 AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(consent)
    .bind(member)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every consent of the given members, live and withdrawn, oldest first.
pub async fn consents_of(
    conn: &mut AnyConnection,
    members: &[i64],
) -> Result<Vec<(i64, Consent)>, sqlx::Error> {
    type Row = (
        i64,
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        i64,
        Option<i64>,
    );
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT c.id, c.member_id, c.field_group, c.audience, c.notice_version, c.method, \
         u.display_name, c.given_at, c.withdrawn_at FROM coop_consents c \
         LEFT JOIN users u ON u.id = c.collected_by WHERE c.member_id IN ({}) ORDER BY c.id",
        id_list(members)
    ))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, member, group, audience, version, method, by, given_at, withdrawn_at)| {
                Some((
                    member,
                    Consent {
                        id,
                        group: FieldGroup::parse(&group)?,
                        audience: Audience::parse(&audience)?,
                        notice_version: version,
                        method: ConsentMethod::parse(&method)?,
                        collected_by: by,
                        given_at,
                        withdrawn_at,
                    },
                ))
            },
        )
        .collect())
}

/// How the coordinators' note is named among the fields of a log entry.
const NOTE_FIELD: &str = "situation_note";

/// Records that `viewer` was shown these non-public parts of `member` (nothing when none).
pub async fn log_view(
    conn: &mut AnyConnection,
    member: i64,
    viewer: (i64, &str, ViewerRole),
    shown: Shown<'_>,
    via: ViewedVia,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut names: Vec<&str> = shown.groups.iter().map(|f| f.as_str()).collect();
    if shown.situation_note {
        names.push(NOTE_FIELD);
    }
    if names.is_empty() {
        return Ok(());
    }
    let names: CommaList = names.into_iter().collect();
    sqlx::query(
        "INSERT INTO coop_access_log (member_id, viewer_id, viewer_name, viewer_role, fields, via, viewed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(member)
    .bind(viewer.0)
    .bind(viewer.1)
    .bind(viewer.2.as_str())
    .bind(names)
    .bind(via.as_str())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Records that a coordinator (id, name) was shown the member's whole record: every group not
/// open to everyone, and the note when there is one (the editor and the download show it all).
pub async fn log_whole_record_view(
    conn: &mut AnyConnection,
    member: &MemberRecord,
    consents: &[Consent],
    coordinator: (i64, &str),
    via: ViewedVia,
    now: i64,
) -> Result<(), sqlx::Error> {
    let private = super::model::non_public(FieldGroup::ALL, consents);
    let shown = Shown {
        groups: &private,
        situation_note: !member.situation_note.is_empty(),
    };
    let viewer = (coordinator.0, coordinator.1, ViewerRole::Coordinator);
    log_view(conn, member.id, viewer, shown, via, now).await
}

/// The member's access log, newest first.
pub async fn access_log(
    conn: &mut AnyConnection,
    member: i64,
    limit: i64,
) -> Result<Vec<AccessEntry>, sqlx::Error> {
    let rows: Vec<(String, String, CommaList, String, i64)> = sqlx::query_as(
        "SELECT viewer_name, viewer_role, fields, via, viewed_at FROM coop_access_log \
         WHERE member_id = $1 ORDER BY viewed_at DESC, id DESC LIMIT $2",
    )
    .bind(member)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(viewer_name, role, fields, via, viewed_at)| {
            Some(AccessEntry {
                viewer_name,
                viewer_role: ViewerRole::parse(&role)?,
                situation_note: fields.0.iter().any(|f| f == NOTE_FIELD),
                fields: fields
                    .0
                    .iter()
                    .filter_map(|f| FieldGroup::parse(f))
                    .collect(),
                via: ViewedVia::parse(&via)?,
                viewed_at,
            })
        })
        .collect())
}

pub async fn log_proxy(
    conn: &mut AnyConnection,
    member: i64,
    actor: (i64, &str),
    action: ProxyAction,
    detail: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO coop_proxy_log (member_id, actor_id, actor_name, action, detail, acted_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(member)
    .bind(actor.0)
    .bind(actor.1)
    .bind(action.as_str())
    .bind(detail.chars().take(200).collect::<String>())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The member's proxy log, newest first.
pub async fn proxy_log(
    conn: &mut AnyConnection,
    member: i64,
    limit: i64,
) -> Result<Vec<ProxyEntry>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT actor_name, action, detail, acted_at FROM coop_proxy_log \
         WHERE member_id = $1 ORDER BY acted_at DESC, id DESC LIMIT $2",
    )
    .bind(member)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(actor_name, action, detail, acted_at)| {
            Some(ProxyEntry {
                actor_name,
                action: ProxyAction::parse(&action)?,
                detail,
                acted_at,
            })
        })
        .collect())
}

/// Links the member to an account (or unlinks with `None`); false if the member's data was
/// deleted or that account is linked to another member already.
pub async fn link_account(
    conn: &mut AnyConnection,
    member: i64,
    user: Option<i64>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    if let Some(user) = user {
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT id FROM coop_members WHERE user_id = $1 AND id <> $2")
                .bind(user)
                .bind(member)
                .fetch_optional(&mut *conn)
                .await?;
        if taken.is_some() {
            return Ok(false);
        }
    }
    let linked = sqlx::query(
        "UPDATE coop_members SET user_id = $1, version = version + 1, updated_at = $2 \
         WHERE id = $3 AND deleted_at IS NULL",
    )
    .bind(user)
    .bind(now)
    .bind(member)
    .execute(conn)
    .await?;
    Ok(linked.rows_affected() == 1)
}

/// Deletes a member's personal data (P5): their record is emptied, services and needs removed,
/// consents withdrawn, and what bookings said (messages, times, thanks) blanked. What stays is
/// anonymous: that a member of this cooperative existed, and each booking's kind, title, price,
/// status and dates, for the cooperative's statistics. False if it was deleted already.
pub async fn wipe_member(
    conn: &mut AnyConnection,
    member: i64,
    by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let wiped = sqlx::query(
        "UPDATE coop_members SET display_name = '', area_code = NULL, cell_lat = NULL, \
         cell_lng = NULL, availability = '', situation_note = '', user_id = NULL, \
         version = version + 1, updated_at = $1, deleted_at = $1 \
         WHERE id = $2 AND deleted_at IS NULL",
    )
    .bind(now)
    .bind(member)
    .execute(&mut *conn)
    .await?;
    if wiped.rows_affected() != 1 {
        return Ok(false);
    }
    for sql in [
        "DELETE FROM coop_member_photos WHERE member_id = $1",
        "DELETE FROM coop_services WHERE member_id = $1",
        "DELETE FROM coop_needs WHERE member_id = $1",
        "UPDATE coop_bookings SET time_preference = '', message = '', thanks = NULL \
         WHERE member_id = $1",
        "UPDATE coop_proxy_log SET detail = '' WHERE member_id = $1",
        // The contact a coordinator invited to link is the member's too.
        "DELETE FROM invitations WHERE member_id = $1",
    ] {
        sqlx::query(sql).bind(member).execute(&mut *conn).await?;
    }
    sqlx::query(
        "UPDATE coop_consents SET withdrawn_at = $1, withdrawn_by = $2 \
         WHERE member_id = $3 AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(member)
    .execute(conn)
    .await?;
    Ok(true)
}

/// Keeps `photo` as the member's photo, in place of any earlier one.
pub async fn set_photo(
    conn: &mut AnyConnection,
    member: i64,
    photo: &crate::photos::StoredPhoto,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM coop_member_photos WHERE member_id = $1")
        .bind(member)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO coop_member_photos (member_id, width, height, display, thumb, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(member)
    .bind(i64::from(photo.width))
    .bind(i64::from(photo.height))
    .bind(photo.display.as_slice())
    .bind(photo.thumb.as_slice())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Removes the member's photo; false when there was none.
pub async fn remove_photo(conn: &mut AnyConnection, member: i64) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM coop_member_photos WHERE member_id = $1")
        .bind(member)
        .execute(conn)
        .await?;
    Ok(removed.rows_affected() == 1)
}

/// The member's photo as a JPEG: the display size, or the thumbnail.
pub async fn photo_bytes(
    conn: &mut AnyConnection,
    member: i64,
    thumb: bool,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let sql = if thumb {
        "SELECT thumb FROM coop_member_photos WHERE member_id = $1"
    } else {
        "SELECT display FROM coop_member_photos WHERE member_id = $1"
    };
    sqlx::query_scalar(sql)
        .bind(member)
        .fetch_optional(conn)
        .await
}
