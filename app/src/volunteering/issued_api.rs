//! Server functions of the certificates an organisation issued: its people (and platform admins)
//! list them and withdraw one they no longer stand behind, with the reason, which the holder is
//! told. The public verification page then says "revoked" and nothing more.

use super::certificate::IssuedCertificate;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The most certificates the page lists (newest first).
pub const LISTED_MAX: i64 = 500;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedByOrg {
    pub org_id: i64,
    pub org_name: String,
    pub certificates: Vec<IssuedCertificate>,
}

#[server(endpoint = "volunteering/of_org")]
pub async fn org_certificates(id: i64) -> Result<IssuedByOrg, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    authorize(&state, Rule::OrgStaffOrAdmin(id)).await?;
    let pool = state.db.pool();
    let org = crate::orgs::db::find(pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(IssuedByOrg {
        org_id: id,
        org_name: org.details.name,
        certificates: super::certificate::of_org(pool, id, LISTED_MAX).await?,
    })
}

/// Withdraws certificate `serial` of organisation `id`; the reason is required and goes to the
/// holder (`?done=withdrawn`, or `already` when it was revoked before).
#[server(endpoint = "volunteering/withdraw")]
pub async fn withdraw_certificate(id: i64, serial: String, reason: String) -> Result<(), AppError> {
    use super::certificate::{looks_like_serial, withdraw, Withdrawal, REVOKE_REASON_MAX};
    use crate::accounts::auth::{authorize, Rule};
    use crate::error::FormRefusal;
    use crate::notifications::model::Notice;
    let state = crate::state::use_app_state()?;
    let actor = authorize(&state, Rule::OrgStaffOrAdmin(id)).await?;
    if !looks_like_serial(&serial) {
        return Err(AppError::NotFound);
    }
    let reason = crate::fields::paragraphs(&reason, REVOKE_REASON_MAX)?;
    if reason.is_empty() {
        return Err(FormRefusal::ReasonRequired.into());
    }
    let now = crate::db::now_unix();
    let mut tx = state.db.begin_write().await?;
    let done = match withdraw(&mut tx, id, &serial, &reason, actor.id, now).await? {
        Withdrawal::Withdrawn { holder } => {
            if let Some(holder) = holder {
                let notice = Notice::CertificateWithdrawn {
                    serial: serial.clone(),
                    org_name: crate::orgs::db::name_of(&mut tx, id).await?,
                    reason,
                };
                crate::notifications::db::notify(&mut tx, holder, &notice, now).await?;
            }
            "withdrawn"
        }
        Withdrawal::AlreadyRevoked => "already",
        Withdrawal::NotFound => return Err(AppError::NotFound),
    };
    tx.commit().await?;
    leptos_axum::redirect(&format!("/orgs/{id}/certificates?done={done}"));
    Ok(())
}
