//! Invitations in the database. Every lookup of "the invitations this person may see" goes through
//! `REACHABLE`: the live account that holds the contact and proved it by a code (`contacts`).
//! An account that only typed a number in (someone else's, perhaps) sees nothing sent to it. A
//! member link still needs the code the coordinator tells the member in person as well, and names
//! neither the cooperative nor the coordinator.
//!
//! To its organisation a declined invitation looks like one still waiting (only an account can
//! decline, so showing it would tell whether the contact has one); it closes when it expires.

use super::model::{
    InvitationForMe, InvitationKind, InvitationStatus, SentInvitation, KEPT_FOR_SECS,
    MOST_PER_CONTACT, MOST_PER_DAY, MOST_WRONG_CODES, VALID_FOR_SECS,
};
use crate::notifications::model::Notice;
use sqlx::{AnyConnection, AnyPool};

/// Which account (`u`) receives invitations sent to its contact.
const REACHABLE: &str =
    "u.deleted_at IS NULL AND u.contact IS NOT NULL AND u.contact_verified_at IS NOT NULL";

/// What became of an invitation someone tried to send.
#[derive(Debug, PartialEq, Eq)]
pub enum Sending {
    Sent,
    /// This organisation has an open invitation to this contact for this purpose already.
    AlreadyOpen,
    /// Too many lately: to this contact from this organisation, or from this person.
    TooMany,
}

impl Sending {
    /// What the inviter is told: the same for a contact with an account and one without.
    pub fn into_result(self) -> Result<(), crate::error::AppError> {
        use crate::invitations::InvitationRefusal;
        match self {
            Sending::Sent => Ok(()),
            Sending::AlreadyOpen => Err(InvitationRefusal::AlreadyInvited.into()),
            Sending::TooMany => Err(InvitationRefusal::TooMany.into()),
        }
    }
}

/// Where an invitation goes: what it is for, from which organisation, to which contact.
pub struct Invitation<'a> {
    pub kind: InvitationKind,
    pub org_id: i64,
    /// The cooperative member to link, for `MemberLink`.
    pub member_id: Option<i64>,
    /// Normalised (`Contact::as_str`).
    pub contact: &'a str,
    pub invited_by: i64,
}

/// Sends an invitation, in the caller's transaction: recorded for the contact, and a notice to the
/// account that holds it, if one does — which the caller never learns. A new invitation to link a
/// member replaces the member's open one.
pub async fn send(
    conn: &mut AnyConnection,
    invitation: &Invitation<'_>,
    org_name: &str,
    now: i64,
) -> Result<Sending, sqlx::Error> {
    if open_to(conn, invitation, now).await? {
        return Ok(Sending::AlreadyOpen);
    }
    let lately: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations WHERE org_id = $1 AND contact = $2 AND created_at > $3",
    )
    .bind(invitation.org_id)
    .bind(invitation.contact)
    .bind(now - KEPT_FOR_SECS)
    .fetch_one(&mut *conn)
    .await?;
    let today: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations WHERE invited_by = $1 AND created_at > $2",
    )
    .bind(invitation.invited_by)
    .bind(now - 24 * 3600)
    .fetch_one(&mut *conn)
    .await?;
    if today >= MOST_PER_DAY || lately >= MOST_PER_CONTACT {
        return Ok(Sending::TooMany);
    }
    if let Some(member) = invitation.member_id {
        withdraw_member_link(conn, member, now).await?;
    }
    let code = (invitation.kind == InvitationKind::MemberLink).then(crate::secrets::six_digit_code);
    let inserted = sqlx::query(
        "INSERT INTO invitations (kind, org_id, member_id, contact, invited_by, code, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(invitation.kind.as_str())
    .bind(invitation.org_id)
    .bind(invitation.member_id)
    .bind(invitation.contact)
    .bind(invitation.invited_by)
    .bind(code)
    .bind(now)
    .execute(&mut *conn)
    .await;
    match inserted {
        Err(error) if crate::db::is_unique_violation(&error) => return Ok(Sending::AlreadyOpen),
        other => other?,
    };
    let holder: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT u.id FROM users u WHERE u.contact = $1 AND {REACHABLE}"
    ))
    .bind(invitation.contact)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(holder) = holder {
        let notice = match invitation.kind {
            InvitationKind::Coordinator => Notice::InvitedToTeam {
                org_id: invitation.org_id,
                org_name: org_name.to_string(),
            },
            InvitationKind::MemberLink => Notice::InvitedToLink {},
        };
        crate::notifications::db::notify(conn, holder, &notice, now).await?;
    }
    Ok(Sending::Sent)
}

/// Whether an invitation like this one is open (waiting or declined, and not expired).
async fn open_to(
    conn: &mut AnyConnection,
    invitation: &Invitation<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    // An expired one still holds the unique index; it is closed here so that a new one can go.
    sqlx::query(
        "UPDATE invitations SET status = 'withdrawn', answered_at = $5 \
         WHERE org_id = $1 AND kind = $2 AND COALESCE(member_id, 0) = $3 AND contact = $4 \
         AND status IN ('pending', 'declined') AND created_at <= $6",
    )
    .bind(invitation.org_id)
    .bind(invitation.kind.as_str())
    .bind(invitation.member_id.unwrap_or(0))
    .bind(invitation.contact)
    .bind(now)
    .bind(now - VALID_FOR_SECS)
    .execute(&mut *conn)
    .await?;
    let open: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM invitations \
         WHERE org_id = $1 AND kind = $2 AND COALESCE(member_id, 0) = $3 AND contact = $4 \
         AND status IN ('pending', 'declined')",
    )
    .bind(invitation.org_id)
    .bind(invitation.kind.as_str())
    .bind(invitation.member_id.unwrap_or(0))
    .bind(invitation.contact)
    .fetch_optional(conn)
    .await?;
    Ok(open.is_some())
}

/// The invitations waiting for this person's answer, newest first.
pub async fn mine(
    pool: &AnyPool,
    user_id: i64,
    now: i64,
) -> Result<Vec<InvitationForMe>, sqlx::Error> {
    let rows: Vec<(i64, String, i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT i.id, i.kind, i.org_id, o.name, by_whom.display_name, i.created_at \
         FROM users u \
         JOIN invitations i ON i.contact = u.contact \
         JOIN organisations o ON o.id = i.org_id \
         JOIN users by_whom ON by_whom.id = i.invited_by \
         WHERE u.id = $1 AND {REACHABLE} AND i.status = 'pending' AND i.created_at > $2 \
         ORDER BY i.created_at DESC, i.id DESC LIMIT 20"
    ))
    .bind(user_id)
    .bind(now - VALID_FOR_SECS)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, org_id, org_name, inviter_name, created_at)| {
            let kind = InvitationKind::parse(&kind)?;
            let from = (kind == InvitationKind::Coordinator).then_some(super::model::Inviter {
                org_id,
                org_name,
                inviter_name,
            });
            Some(InvitationForMe {
                id,
                kind,
                from,
                created_at,
            })
        })
        .collect())
}

/// An open invitation to this person, as needed to carry out their answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub id: i64,
    pub kind: InvitationKind,
    pub org_id: i64,
    pub member_id: Option<i64>,
    pub invited_by: i64,
    /// A member link's code.
    pub code: Option<String>,
}

/// The invitation `id` if it waits for this person's answer (addressed to their contact).
/// Kind, organisation, member, who invited, and the in-person code of an invitation.
type OpenedRow = (String, i64, Option<i64>, i64, Option<String>);

pub async fn open_for(
    conn: &mut AnyConnection,
    id: i64,
    user_id: i64,
    now: i64,
) -> Result<Option<Opened>, sqlx::Error> {
    let row: Option<OpenedRow> = sqlx::query_as(&format!(
        "SELECT i.kind, i.org_id, i.member_id, i.invited_by, i.code \
         FROM invitations i JOIN users u ON u.contact = i.contact \
         WHERE i.id = $1 AND u.id = $2 AND {REACHABLE} \
         AND i.status = 'pending' AND i.created_at > $3"
    ))
    .bind(id)
    .bind(user_id)
    .bind(now - VALID_FOR_SECS)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(kind, org_id, member_id, invited_by, code)| {
        Some(Opened {
            id,
            kind: InvitationKind::parse(&kind)?,
            org_id,
            member_id,
            invited_by,
            code,
        })
    }))
}

/// Counts a wrong code; the invitation is withdrawn at the `MOST_WRONG_CODES`th.
pub async fn wrong_code(conn: &mut AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitations SET wrong_tries = wrong_tries + 1, \
         status = CASE WHEN wrong_tries + 1 >= $2 THEN 'withdrawn' ELSE status END, \
         answered_at = CASE WHEN wrong_tries + 1 >= $2 THEN $3 ELSE answered_at END \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(MOST_WRONG_CODES)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Whether the inviter may still do what the invitation offers: the owner for a coordinator, the
/// organisation's owner or a coordinator for a member link. An invitation is worth no more than
/// its sender's rights at the moment it is accepted.
pub async fn inviter_still_may(
    conn: &mut AnyConnection,
    invitation: &Opened,
) -> Result<bool, sqlx::Error> {
    let role: Option<String> = sqlx::query_scalar(
        "SELECT m.role FROM org_members m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 AND m.user_id = $2 AND u.deleted_at IS NULL",
    )
    .bind(invitation.org_id)
    .bind(invitation.invited_by)
    .fetch_optional(conn)
    .await?;
    Ok(match invitation.kind {
        InvitationKind::Coordinator => role.as_deref() == Some("owner"),
        InvitationKind::MemberLink => role.is_some(),
    })
}

/// Records the answer; false if the invitation was answered or withdrawn meanwhile.
pub async fn answer(
    conn: &mut AnyConnection,
    id: i64,
    status: InvitationStatus,
    user_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET status = $1, answered_by = $2, answered_at = $3 \
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status.as_str())
    .bind(user_id)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The organisation's coordinator invitations still open, newest first (declined ones as waiting).
pub async fn sent_coordinator_invitations(
    pool: &AnyPool,
    org_id: i64,
    now: i64,
) -> Result<Vec<SentInvitation>, sqlx::Error> {
    let rows: Vec<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT id, contact, code, created_at FROM invitations \
         WHERE org_id = $1 AND kind = 'coordinator' AND status IN ('pending', 'declined') \
         AND created_at > $2 ORDER BY created_at DESC, id DESC LIMIT 50",
    )
    .bind(org_id)
    .bind(now - VALID_FOR_SECS)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(sent_invitation).collect())
}

/// The member's open invitation to link an account (declined looks like waiting), with its code.
pub async fn member_link_invitation(
    conn: &mut AnyConnection,
    member_id: i64,
    now: i64,
) -> Result<Option<SentInvitation>, sqlx::Error> {
    let row: Option<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT id, contact, code, created_at FROM invitations \
         WHERE member_id = $1 AND status IN ('pending', 'declined') AND created_at > $2 \
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(member_id)
    .bind(now - VALID_FOR_SECS)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(sent_invitation))
}

fn sent_invitation(
    (id, contact, code, created_at): (i64, String, Option<String>, i64),
) -> SentInvitation {
    SentInvitation {
        id,
        contact,
        code,
        created_at,
    }
}

/// Withdraws an open coordinator invitation of the organisation; false if there is none.
pub async fn withdraw_coordinator(
    conn: &mut AnyConnection,
    org_id: i64,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET status = 'withdrawn', answered_at = $3 \
         WHERE id = $1 AND org_id = $2 AND kind = 'coordinator' \
         AND status IN ('pending', 'declined')",
    )
    .bind(id)
    .bind(org_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Withdraws the member's open invitation to link an account; false if there is none.
pub async fn withdraw_member_link(
    conn: &mut AnyConnection,
    member_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET status = 'withdrawn', answered_at = $2 \
         WHERE member_id = $1 AND status IN ('pending', 'declined')",
    )
    .bind(member_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes invitations older than `KEPT_FOR_SECS`, contacts and all (hourly upkeep).
pub async fn forget_old(pool: &AnyPool, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM invitations WHERE created_at <= $1")
        .bind(now - KEPT_FOR_SECS)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

/// What deleting an account does to invitations: open ones it sent are withdrawn (they would lapse
/// anyway, see `inviter_still_may`). Invitations to its contact stay until they expire: they are
/// the inviters' record of what they typed, and removing them would tell an inviter that an
/// account held the contact.
pub async fn erase_person(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitations SET status = 'withdrawn', answered_at = $2 \
         WHERE invited_by = $1 AND status IN ('pending', 'declined')",
    )
    .bind(user_id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}
