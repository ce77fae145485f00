//! Server functions of the cooperative's coordinators: the members list, a member's editor (the
//! record, photo, services and needs, consents, the linked account, bookings and both logs), and
//! deleting a member's data. Only the owner and coordinators of the member's cooperative pass (P1)
//! — and, for their own consents, the member through their linked account. Each thing the
//! coordinators do for a member goes into the proxy log, and opening the editor into the access
//! log (P3).

use super::input::{MemberFields, NeedFields, ServiceFields};
use super::model::Consent;
use super::records::{AccessEntry, Booking, MemberRecord, Need, ProxyEntry, Service};
use crate::areas::model::Area;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The most entries of each log the editor shows.
pub const LOG_LIMIT: i64 = 100;

/// One member in the coordinators' list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberRow {
    pub id: i64,
    pub display_name: String,
    pub linked: bool,
    /// How many field groups some live consent opens beyond the coordinators.
    pub open_groups: usize,
    pub services: usize,
    pub open_needs: usize,
    /// Bookings waiting for an answer.
    pub waiting: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoopRoster {
    pub org_id: i64,
    pub org_name: String,
    pub members: Vec<MemberRow>,
    pub areas: Vec<Area>,
}

/// Everything the coordinators keep about one member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberFile {
    pub member: MemberRecord,
    pub services: Vec<Service>,
    pub needs: Vec<Need>,
    pub consents: Vec<Consent>,
    pub bookings: Vec<Booking>,
    pub access_log: Vec<AccessEntry>,
    pub proxy_log: Vec<ProxyEntry>,
    /// The linked account's contact (phone or email), for the coordinators.
    pub linked_contact: Option<String>,
    /// The latest invitation to link an account, while it waits or was just declined.
    pub link_invitation: Option<crate::invitations::model::SentInvitation>,
    pub areas: Vec<Area>,
}

/// A coordinator at work on one member of their cooperative — or, for their own consents, the
/// member through their linked account.
#[cfg(feature = "ssr")]
struct Desk {
    state: crate::state::AppState,
    user: crate::accounts::model::SessionUser,
    member: MemberRecord,
    /// The member acting for themselves: nothing goes to the proxy log, and they go back to
    /// their own page.
    for_themselves: bool,
}

#[cfg(feature = "ssr")]
impl Desk {
    /// The signed-in coordinator and the member (not deleted), if they run its cooperative.
    async fn open(member_id: i64) -> Result<Desk, AppError> {
        Desk::open_as(member_id, false).await
    }

    /// Like `open`, and also for the member themselves (signed in to their linked account).
    async fn open_for_self_or_staff(member_id: i64) -> Result<Desk, AppError> {
        Desk::open_as(member_id, true).await
    }

    async fn open_as(member_id: i64, member_may: bool) -> Result<Desk, AppError> {
        use crate::accounts::auth::{authorize, Rule};
        let state = crate::state::use_app_state()?;
        let user = authorize(&state, Rule::SignedIn).await?;
        let mut conn = state.db.pool().acquire().await?;
        let member = super::db::find_member(&mut conn, member_id)
            .await?
            .filter(|m| !m.deleted)
            .ok_or(AppError::NotFound)?;
        drop(conn);
        if member_may && member.user_id == Some(user.id) {
            return Ok(Desk {
                state,
                user,
                member,
                for_themselves: true,
            });
        }
        let user = authorize(&state, Rule::OrgStaff(member.org_id)).await?;
        Ok(Desk {
            state,
            user,
            member,
            for_themselves: false,
        })
    }

    /// Writes what was done for the member to the proxy log (unless they did it themselves),
    /// commits, and goes back to `section` of the editor (or of the member's own page) with a
    /// notice.
    async fn done(
        &self,
        mut tx: crate::db::DbTx,
        action: super::model::ProxyAction,
        detail: &str,
        section: &str,
    ) -> Result<(), AppError> {
        let page = if self.for_themselves {
            format!("/help/{}", self.member.id)
        } else {
            let actor = (self.user.id, self.user.display_name.as_str());
            let now = crate::db::now_unix();
            super::db::log_proxy(&mut tx, self.member.id, actor, action, detail, now).await?;
            format!("/help/{}/edit", self.member.id)
        };
        tx.commit().await?;
        leptos_axum::redirect(&format!("{page}?done={}#{section}", action.as_str()));
        Ok(())
    }
}

/// The signed-in coordinator and their cooperative (checked to be one).
#[cfg(feature = "ssr")]
async fn cooperative(
    state: &crate::state::AppState,
    org: i64,
) -> Result<
    (
        crate::accounts::model::SessionUser,
        crate::orgs::db::OrgRecord,
    ),
    AppError,
> {
    use crate::accounts::auth::{authorize, Rule};
    let user = authorize(state, Rule::OrgStaff(org)).await?;
    let record = crate::orgs::db::find(state.db.pool(), org)
        .await?
        .ok_or(AppError::NotFound)?;
    if record.details.kind != crate::orgs::model::OrgKind::Cooperative {
        return Err(crate::help::HelpRefusal::NotACooperative.into());
    }
    Ok((user, record))
}

/// The community codes that exist, for checking a member's area.
#[cfg(feature = "ssr")]
async fn areas(state: &crate::state::AppState) -> Result<Vec<Area>, AppError> {
    Ok(crate::areas::cache::areas(state).await?.to_vec())
}

#[server(endpoint = "help/coop-members")]
pub async fn coop_members(org: i64) -> Result<CoopRoster, AppError> {
    use super::model::{visible_groups, FieldGroup, Viewer};
    let state = crate::state::use_app_state()?;
    let (user, record) = cooperative(&state, org).await?;
    let mut conn = state.db.pool().acquire().await?;
    let members = super::db::members_of(&mut conn, org).await?;
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let services = super::db::services_of(&mut conn, &ids).await?;
    let needs = super::db::needs_of(&mut conn, &ids).await?;
    let consents = super::db::consents_of(&mut conn, &ids).await?;
    let waiting = super::bookings::waiting_counts(&mut conn, &ids).await?;
    drop(conn);
    let mut rows = Vec::new();
    // Names not open to everyone, shown here: each is a view of a non-public field (P3).
    let mut names_shown = Vec::new();
    for member in members.iter().filter(|m| !m.deleted) {
        let own: Vec<Consent> = consents
            .iter()
            .filter(|(id, _)| *id == member.id)
            .map(|(_, c)| c.clone())
            .collect();
        if !visible_groups(Viewer::Visitor, &own).contains(&FieldGroup::Name) {
            names_shown.push(member);
        }
        let open: Vec<FieldGroup> = visible_groups(Viewer::Resident, &own);
        rows.push(MemberRow {
            id: member.id,
            display_name: member.display_name.clone(),
            linked: member.user_id.is_some(),
            open_groups: open.len(),
            services: services.iter().filter(|s| s.member_id == member.id).count(),
            open_needs: needs
                .iter()
                .filter(|n| n.member_id == member.id && !n.met)
                .count(),
            waiting: waiting
                .iter()
                .find(|(id, _)| *id == member.id)
                .map_or(0, |(_, count)| *count as usize),
        });
    }
    if !names_shown.is_empty() {
        let looker = super::api::Looker::for_user(&state, Some(user)).await?;
        let shown = super::db::Shown {
            groups: &[FieldGroup::Name],
            situation_note: false,
        };
        let now = crate::db::now_unix();
        let mut tx = state.db.begin_write().await?;
        for member in names_shown {
            looker
                .log(&mut tx, member, shown, super::db::ViewedVia::Editor, now)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(CoopRoster {
        org_id: org,
        org_name: record.details.name,
        members: rows,
        areas: areas(&state).await?,
    })
}

/// A member's whole record for the editor; opening it is written to the access log.
#[server(endpoint = "help/editor")]
pub async fn member_editor(id: i64) -> Result<MemberFile, AppError> {
    use super::db::{self as help, ViewedVia};
    let desk = Desk::open(id).await?;
    let state = &desk.state;
    let mut tx = state.db.begin_write().await?;
    let services = help::services_of(&mut tx, &[id]).await?;
    let needs = help::needs_of(&mut tx, &[id]).await?;
    let consents: Vec<Consent> = help::consents_of(&mut tx, &[id])
        .await?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let now = crate::db::now_unix();
    let coordinator = (desk.user.id, desk.user.display_name.as_str());
    let (member, via) = (&desk.member, ViewedVia::Editor);
    help::log_whole_record_view(&mut tx, member, &consents, coordinator, via, now).await?;
    let bookings = super::bookings::of_member(&mut tx, id).await?;
    let access_log = help::access_log(&mut tx, id, LOG_LIMIT).await?;
    let proxy_log = help::proxy_log(&mut tx, id, LOG_LIMIT).await?;
    let link_invitation = crate::invitations::db::member_link_invitation(&mut tx, id, now).await?;
    let linked_contact = match desk.member.user_id {
        Some(user) => {
            sqlx::query_scalar("SELECT contact FROM users WHERE id = $1")
                .bind(user)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    tx.commit().await?;
    Ok(MemberFile {
        member: desk.member,
        services,
        needs,
        consents,
        bookings,
        access_log,
        proxy_log,
        linked_contact,
        link_invitation,
        areas: areas(state).await?,
    })
}

#[server(endpoint = "help/create-member")]
pub async fn create_member(org: i64, member: MemberFields) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let state = crate::state::use_app_state()?;
    let (user, _) = cooperative(&state, org).await?;
    let known = areas(&state).await?;
    let details = member.check(|code| known.iter().any(|a| a.code == code))?;
    let mut tx = state.db.begin_write().await?;
    let now = crate::db::now_unix();
    let id = super::db::insert_member(&mut tx, org, &details, user.id, now).await?;
    let actor = (user.id, user.display_name.as_str());
    super::db::log_proxy(&mut tx, id, actor, ProxyAction::MemberCreated, "", now).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/help/{id}/edit?done=member_created"));
    Ok(())
}

/// Saves the member's record as edited on `version` (an older copy is refused, not overwritten).
#[server(endpoint = "help/save-member")]
pub async fn save_member(id: i64, version: i64, member: MemberFields) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(id).await?;
    let known = areas(&desk.state).await?;
    let details = member.check(|code| known.iter().any(|a| a.code == code))?;
    let mut tx = desk.state.db.begin_write().await?;
    let now = crate::db::now_unix();
    if !super::db::update_member(&mut tx, id, version, &details, now).await? {
        return Err(crate::error::FormRefusal::EditConflict.into());
    }
    desk.done(tx, ProxyAction::MemberUpdated, "", "details")
        .await
}

#[server(endpoint = "help/add-service")]
pub async fn add_member_service(member: i64, service: ServiceFields) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(member).await?;
    let details = service.check()?;
    let mut tx = desk.state.db.begin_write().await?;
    super::db::add_service(&mut tx, member, &details, crate::db::now_unix()).await?;
    desk.done(tx, ProxyAction::ServiceAdded, &details.title, "services")
        .await
}

#[server(endpoint = "help/remove-service")]
pub async fn remove_member_service(member: i64, service: i64) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(member).await?;
    let mut tx = desk.state.db.begin_write().await?;
    let title: Option<String> =
        sqlx::query_scalar("SELECT title FROM coop_services WHERE id = $1 AND member_id = $2")
            .bind(service)
            .bind(member)
            .fetch_optional(&mut *tx)
            .await?;
    let title = title.ok_or(AppError::NotFound)?;
    super::db::remove_service(&mut tx, member, service).await?;
    desk.done(tx, ProxyAction::ServiceRemoved, &title, "services")
        .await
}

#[server(endpoint = "help/add-need")]
pub async fn add_member_need(member: i64, need: NeedFields) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(member).await?;
    let details = need.check()?;
    let mut tx = desk.state.db.begin_write().await?;
    super::db::add_need(&mut tx, member, &details, crate::db::now_unix()).await?;
    desk.done(tx, ProxyAction::NeedAdded, &details.title, "needs")
        .await
}

#[server(endpoint = "help/need-met")]
pub async fn mark_member_need_met(member: i64, need: i64) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(member).await?;
    let mut tx = desk.state.db.begin_write().await?;
    let title: Option<String> =
        sqlx::query_scalar("SELECT title FROM coop_needs WHERE id = $1 AND member_id = $2")
            .bind(need)
            .bind(member)
            .fetch_optional(&mut *tx)
            .await?;
    let title = title.ok_or(AppError::NotFound)?;
    if !super::db::mark_need_met(&mut tx, member, need, crate::db::now_unix()).await? {
        return Err(crate::help::HelpRefusal::NotOpen.into());
    }
    desk.done(tx, ProxyAction::NeedMet, &title, "needs").await
}

/// Records a consent for one field group and audience, under the notice version shown now: one a
/// coordinator collected (on paper, in person or in the app: `method`), or one the member gives
/// themselves in the app.
#[server(endpoint = "help/record-consent")]
pub async fn record_member_consent(
    member: i64,
    group: String,
    audience: String,
    method: Option<String>,
) -> Result<(), AppError> {
    use super::db::{record_consent, ConsentOutcome, NewConsent};
    use super::model::{Audience, ConsentMethod, FieldGroup, ProxyAction, NOTICE_VERSION};
    use crate::help::HelpRefusal;
    let desk = Desk::open_for_self_or_staff(member).await?;
    let method = match (desk.for_themselves, method) {
        (true, _) => ConsentMethod::InApp,
        (false, Some(method)) => {
            ConsentMethod::parse(method.trim()).ok_or(HelpRefusal::ChoiceInvalid)?
        }
        (false, None) => return Err(HelpRefusal::ChoiceInvalid.into()),
    };
    let consent = NewConsent {
        group: FieldGroup::parse(group.trim()).ok_or(HelpRefusal::ChoiceInvalid)?,
        audience: Audience::parse(audience.trim()).ok_or(HelpRefusal::ChoiceInvalid)?,
        method,
        notice_version: NOTICE_VERSION,
    };
    let mut tx = desk.state.db.begin_write().await?;
    let now = crate::db::now_unix();
    if record_consent(&mut tx, member, consent, desk.user.id, now).await?
        == ConsentOutcome::AlreadyLive
    {
        return Err(HelpRefusal::ConsentAlreadyLive.into());
    }
    let detail = format!("{}/{}", consent.group.as_str(), consent.audience.as_str());
    desk.done(tx, ProxyAction::ConsentRecorded, &detail, "consents")
        .await
}

/// Withdraws a consent (a coordinator for the member, or the member themselves): the field group
/// is hidden from that audience on the very next request.
#[server(endpoint = "help/withdraw-consent")]
pub async fn withdraw_member_consent(member: i64, consent: i64) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open_for_self_or_staff(member).await?;
    let mut tx = desk.state.db.begin_write().await?;
    let now = crate::db::now_unix();
    if !super::db::withdraw_consent(&mut tx, member, consent, desk.user.id, now).await? {
        return Err(AppError::NotFound);
    }
    desk.done(
        tx,
        ProxyAction::ConsentWithdrawn,
        &consent.to_string(),
        "consents",
    )
    .await
}

/// Removes the member's photo (uploading one goes through the server's multipart route).
#[server(endpoint = "help/remove-photo")]
pub async fn remove_member_photo(member: i64) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(member).await?;
    let mut tx = desk.state.db.begin_write().await?;
    if !super::db::remove_photo(&mut tx, member).await? {
        return Err(AppError::NotFound);
    }
    desk.done(tx, ProxyAction::PhotoRemoved, "", "photo").await
}

/// Invites the holder of this phone number or email to link their account to the member (empty:
/// unlinks, and withdraws an open invitation). Once they accept, the member answers bookings
/// themselves and sees their own record and logs. The answer never tells whether an account
/// holds the contact.
#[server(endpoint = "help/link-account")]
pub async fn link_member_account(member: i64, contact: String) -> Result<(), AppError> {
    use super::model::ProxyAction;
    use crate::accounts::contact::Contact;
    use crate::invitations::{db as invitations, model::InvitationKind};
    let desk = Desk::open(member).await?;
    let now = crate::db::now_unix();
    let mut tx = desk.state.db.begin_write().await?;
    if contact.trim().is_empty() {
        let withdrawn = invitations::withdraw_member_link(&mut tx, member, now).await?;
        let action = if desk.member.user_id.is_some() {
            super::db::link_account(&mut tx, member, None, now).await?;
            ProxyAction::AccountUnlinked
        } else if withdrawn {
            ProxyAction::LinkInvitationWithdrawn
        } else {
            return Err(AppError::NotFound);
        };
        return desk.done(tx, action, "", "account").await;
    }
    let contact = Contact::parse(&contact).ok_or(crate::error::FormRefusal::ContactInvalid)?;
    let invitation = invitations::Invitation {
        kind: InvitationKind::MemberLink,
        org_id: desk.member.org_id,
        member_id: Some(member),
        contact: contact.as_str(),
        invited_by: desk.user.id,
    };
    let org_name = crate::orgs::db::name_of(&mut tx, desk.member.org_id).await?;
    invitations::send(&mut tx, &invitation, &org_name, now)
        .await?
        .into_result()?;
    desk.done(tx, ProxyAction::AccountInvited, "", "account")
        .await
}

/// Links the member to the person accepting their invitation (`me::invitations_api`), unless the
/// member's data was deleted or another account was linked meanwhile; the member's log says they
/// did it themselves.
#[cfg(feature = "ssr")]
pub async fn link_by_invitation(
    conn: &mut sqlx::AnyConnection,
    member: i64,
    user: &crate::accounts::model::SessionUser,
    now: i64,
) -> Result<(), AppError> {
    use super::{db as help, model::ProxyAction};
    use crate::help::HelpRefusal;
    use crate::invitations::InvitationRefusal;
    let record = help::find_member(conn, member)
        .await?
        .filter(|m| !m.deleted)
        .ok_or(AppError::NotFound)?;
    if record.user_id.is_some_and(|linked| linked != user.id) {
        return Err(InvitationRefusal::Lapsed.into());
    }
    match help::link_account(conn, member, Some(user.id), now).await {
        Ok(true) => {}
        Ok(false) => return Err(HelpRefusal::AccountLinkedElsewhere.into()),
        // Two links of one account at once: the database's unique index decides (and on
        // PostgreSQL the transaction is over, so nothing else runs in it).
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(HelpRefusal::AccountLinkedElsewhere.into())
        }
        Err(e) => return Err(e.into()),
    }
    let me = (user.id, user.display_name.as_str());
    help::log_proxy(conn, member, me, ProxyAction::AccountLinked, "", now).await?;
    Ok(())
}

/// Withdraws the member's open invitation to link an account.
#[server(endpoint = "help/withdraw-link")]
pub async fn withdraw_link_invitation(member: i64) -> Result<(), AppError> {
    use super::model::ProxyAction;
    let desk = Desk::open(member).await?;
    let mut tx = desk.state.db.begin_write().await?;
    let now = crate::db::now_unix();
    if !crate::invitations::db::withdraw_member_link(&mut tx, member, now).await? {
        return Err(AppError::NotFound);
    }
    desk.done(tx, ProxyAction::LinkInvitationWithdrawn, "", "account")
        .await
}

/// Deletes the member's personal data (P5), once the coordinator ticked the box; anonymous
/// statistics stay. Back to the cooperative's members list.
#[server(endpoint = "help/delete-member")]
pub async fn delete_member(member: i64, confirm: Option<String>) -> Result<(), AppError> {
    let desk = Desk::open(member).await?;
    if confirm.as_deref() != Some("yes") {
        return Err(crate::help::HelpRefusal::DeleteNotConfirmed.into());
    }
    let mut tx = desk.state.db.begin_write().await?;
    super::db::wipe_member(&mut tx, member, desk.user.id, crate::db::now_unix()).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!(
        "/orgs/{}/members?done=deleted",
        desk.member.org_id
    ));
    Ok(())
}
