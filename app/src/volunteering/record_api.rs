//! Server functions of a person's volunteer record and certificates, and the public check of a
//! certificate.

use super::certificate::Certificate;
use super::record::{ServedEvent, ServiceYear};
use crate::error::AppError;
use crate::orgs::model::Tier;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VolunteerRecord {
    pub events: Vec<ServedEvent>,
    pub years: Vec<ServiceYear>,
    pub certificates: Vec<Certificate>,
}

/// A certificate for printing: with the QR code of its verification page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrintableCertificate {
    pub certificate: Certificate,
    pub verify_url: String,
    pub qr_svg: String,
}

/// What the public verification page may show: nothing beyond this.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verification {
    pub serial: String,
    /// Empty when the holder has deleted their account (`holder_deleted`).
    pub holder_name: String,
    pub holder_deleted: bool,
    pub org_name: String,
    pub org_tier_at_issue: Tier,
    /// The organisation had its verification when it issued the certificate, and has lost it.
    pub org_lost_verification: bool,
    pub period_from: String,
    pub period_to: String,
    pub minutes: i64,
    pub valid: bool,
}

#[server(endpoint = "volunteering/mine")]
pub async fn my_record() -> Result<VolunteerRecord, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let pool = state.db.pool();
    let events = {
        let mut conn = pool.acquire().await?;
        super::record::served_events(&mut conn, user.id).await?
    };
    Ok(VolunteerRecord {
        years: super::record::service_years(&events),
        events,
        certificates: super::certificate::of_user(pool, user.id).await?,
    })
}

/// Issues (or finds again) the certificate of the caller's confirmed hours at `org` in `year`
/// and opens it.
#[server(endpoint = "volunteering/issue_certificate")]
pub async fn issue_certificate(org: i64, year: i32) -> Result<(), AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    use super::certificate::Issue;
    use crate::error::FormRefusal;
    use crate::volunteering::VolunteeringRefusal;
    let mut tx = state.db.begin_write().await?;
    let issued =
        match super::certificate::issue(&mut tx, user.id, org, year, crate::db::now_unix()).await {
            // Another request issued it at the same moment (the unique index caught it).
            Err(error) if crate::db::is_unique_violation(&error) => {
                return Err(FormRefusal::EditConflict.into())
            }
            issued => issued?,
        };
    tx.commit().await?;
    let serial = match issued {
        Issue::Serial(serial) => serial,
        Issue::NoHours => return Err(AppError::NotFound),
        Issue::OrgUnverified => return Err(VolunteeringRefusal::CertificateOrgUnverified.into()),
    };
    leptos_axum::redirect(&format!("/me/certificates/{serial}"));
    Ok(())
}

/// One's own certificate, to print (platform admins may open any).
#[server(endpoint = "volunteering/certificate")]
pub async fn my_certificate(serial: String) -> Result<PrintableCertificate, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    if !super::certificate::looks_like_serial(&serial) {
        return Err(AppError::NotFound);
    }
    let pool = state.db.pool();
    if !user.is_admin && !super::certificate::held_by(pool, &serial, user.id).await? {
        return Err(AppError::NotFound);
    }
    let certificate = super::certificate::find(pool, &serial)
        .await?
        .ok_or(AppError::NotFound)?;
    let headers = use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    let verify_url = state.public_url(&headers, &format!("/verify/{serial}"));
    Ok(PrintableCertificate {
        qr_svg: crate::components::qr_svg(&verify_url),
        verify_url,
        certificate,
    })
}

/// Anyone may check a certificate by its serial.
#[server(endpoint = "volunteering/verify")]
pub async fn verify_certificate(serial: String) -> Result<Verification, AppError> {
    let state = crate::state::use_app_state()?;
    if !super::certificate::looks_like_serial(&serial) {
        return Err(AppError::NotFound);
    }
    let c = super::certificate::find(state.db.pool(), &serial)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Verification {
        serial: c.serial,
        holder_name: c.holder_name,
        holder_deleted: c.holder_deleted,
        org_name: c.org_name,
        org_tier_at_issue: c.org_tier_at_issue,
        org_lost_verification: c.org_tier_at_issue.is_verified() && !c.org_tier_now.is_verified(),
        period_from: c.period_from,
        period_to: c.period_to,
        minutes: c.minutes,
        // Issued by an organisation the platform had not verified (before certificates required
        // it): shown, but not vouched for.
        valid: !c.revoked && c.org_tier_at_issue.is_verified(),
    })
}
