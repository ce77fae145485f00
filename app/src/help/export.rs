//! Everything kept about a member, as one JSON document (P5): for the cooperative's coordinators
//! (the download is written to both logs) and for the member through their linked account. The
//! coordinators' note about the member's situation goes only into the coordinators' copy: it is
//! never shown to anyone else (P1).

use super::db::{self as help, ViewedVia};
use super::model::{ProxyAction, Viewer};
use crate::accounts::model::SessionUser;
use crate::error::AppError;
use crate::state::AppState;
use base64::Engine;
use serde_json::{json, Value};

/// The member's data for `user`, if they keep it or are the member.
pub async fn member_export(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> Result<Value, AppError> {
    let mut tx = state.db.begin_write().await?;
    let member = help::find_member(&mut tx, id)
        .await?
        .filter(|m| !m.deleted)
        .ok_or(AppError::NotFound)?;
    let staff = crate::accounts::auth::role_in_org(state.db.pool(), member.org_id, user.id)
        .await?
        .is_some();
    let viewer = Viewer::of(Some(user.id), staff, member.user_id);
    if !matches!(viewer, Viewer::Coordinator | Viewer::Member) {
        return Err(AppError::Forbidden);
    }
    let services = help::services_of(&mut tx, &[id]).await?;
    let needs = help::needs_of(&mut tx, &[id]).await?;
    let consents: Vec<_> = help::consents_of(&mut tx, &[id])
        .await?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let now = crate::db::now_unix();
    if viewer == Viewer::Coordinator {
        let coordinator = (user.id, user.display_name.as_str());
        help::log_whole_record_view(
            &mut tx,
            &member,
            &consents,
            coordinator,
            ViewedVia::Export,
            now,
        )
        .await?;
        help::log_proxy(&mut tx, id, coordinator, ProxyAction::DataExported, "", now).await?;
    }
    // The people who booked are someone else's data: only what was asked and how it went.
    let bookings: Vec<Value> = super::bookings::of_member(&mut tx, id)
        .await?
        .into_iter()
        .map(|b| {
            json!({
                "kind": b.kind.as_str(),
                "title": b.title,
                "price_fen": b.price_fen,
                "status": b.status.as_str(),
                "time_preference": b.time_preference,
                "message": b.message,
                "thanks": b.thanks,
                "created_at": b.created_at,
            })
        })
        .collect();
    let photo = help::photo_bytes(&mut tx, id, false).await?;
    let access_log = help::access_log(&mut tx, id, i64::MAX).await?;
    let proxy_log = help::proxy_log(&mut tx, id, i64::MAX).await?;
    tx.commit().await?;
    let mut record = json!({
        "id": member.id,
        "display_name": member.display_name,
        "area_code": member.area_code,
        "cell": member.cell.map(|(lat, lng)| json!({ "lat": lat, "lng": lng })),
        "availability": member.availability,
        "linked_account": member.user_id.is_some(),
        // The photo as kept (re-encoded, without its original metadata).
        "photo": photo.map(|jpeg| json!({
            "uploaded_at": member.photo_at,
            "jpeg_base64": base64::engine::general_purpose::STANDARD.encode(jpeg),
        })),
        "created_at": member.created_at,
    });
    if viewer == Viewer::Coordinator {
        record["situation_note"] = json!(member.situation_note);
    }
    Ok(json!({
        "exported_at": now,
        "cooperative": { "id": member.org_id, "name": member.org_name },
        "member": record,
        "services": services,
        "needs": needs,
        "consents": consents,
        "bookings": bookings,
        "access_log": access_log,
        "proxy_log": proxy_log,
    }))
}
