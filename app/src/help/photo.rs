//! A member's optional photo (field group `photo`). The cooperative's coordinators upload it on the
//! editor (a multipart form read by the server's own route) or remove it; it is served only to the
//! people its consents reach, never cached (P7: a withdrawn consent hides it on the very next
//! request), and each time its bytes go to someone other than the member beyond the public, the
//! view is written to the access log (P3). The cards only carry its address.

use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// Where the member's photo is served (`thumb`: the small one). `at`, when it was uploaded, is in
/// the address so that a new photo is never mistaken for the old one.
pub fn photo_url(member: i64, at: i64, thumb: bool) -> String {
    let file = if thumb { "thumb" } else { "photo" };
    format!("/help/{member}/{file}.jpg?v={at}")
}

/// Where the editor's photo form posts.
pub fn upload_path(member: i64) -> String {
    format!("/help/{member}/photo")
}

/// A photo upload that was refused, and why: the editor is shown again with the reason.
#[derive(Clone, Debug)]
pub struct RejectedPhoto {
    pub error: AppError,
}

/// The member's photo, small (lists) or large (their page, opening the full size).
#[component]
pub fn MemberPhoto(member: i64, at: i64, #[prop(optional)] large: bool) -> impl IntoView {
    let lang = use_lang();
    let img = view! {
        <img class=if large { "member-photo member-photo--large" } else { "member-photo" }
            src=photo_url(member, at, true) alt=move || crate::locales::help::board::photo_alt(lang.get())
            loading="lazy" decoding="async" data-testid="member-photo"/>
    };
    if large {
        view! { <a href=photo_url(member, at, false) rel="external">{img}</a> }.into_any()
    } else {
        img.into_any()
    }
}

#[cfg(feature = "ssr")]
pub use server::{member_photo, save_member_photo};

#[cfg(feature = "ssr")]
mod server {
    use super::super::db::{self as help, MemberRecord, Shown, ViewedVia};
    use super::super::model::{non_public, visible_groups, Consent, FieldGroup, ProxyAction};
    use crate::accounts::model::SessionUser;
    use crate::error::AppError;
    use crate::state::AppState;

    /// The photo's JPEG for `user` (or a visitor), if its consents reach them; else not found,
    /// as if there were none.
    pub async fn member_photo(
        state: &AppState,
        user: Option<SessionUser>,
        id: i64,
        thumb: bool,
    ) -> Result<Vec<u8>, AppError> {
        let looker = super::super::api::Looker::for_user(state, user).await?;
        let mut conn = state.db.pool().acquire().await?;
        let member = live_member(&mut conn, id).await?;
        let consents: Vec<Consent> = help::consents_of(&mut conn, &[id])
            .await?
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        let shown = visible_groups(looker.viewer(&member), &consents).contains(&FieldGroup::Photo);
        if !shown {
            return Err(AppError::NotFound);
        }
        let bytes = help::photo_bytes(&mut conn, id, thumb)
            .await?
            .ok_or(AppError::NotFound)?;
        drop(conn);
        // A public photo is a plain read (lists show many): only a view beyond the public takes
        // the write lock, to be logged.
        let private = non_public(&[FieldGroup::Photo], &consents);
        if !private.is_empty() {
            let shown = Shown {
                groups: &private,
                situation_note: false,
            };
            let mut tx = state.db.begin_write().await?;
            let now = crate::db::now_unix();
            looker
                .log(&mut tx, &member, shown, ViewedVia::Page, now)
                .await?;
            tx.commit().await?;
        }
        Ok(bytes)
    }

    /// Keeps `upload` (re-encoded) as the member's photo, for a coordinator of their cooperative;
    /// written to the proxy log.
    pub async fn save_member_photo(
        state: &AppState,
        user: &SessionUser,
        id: i64,
        upload: Vec<u8>,
    ) -> Result<(), AppError> {
        let mut conn = state.db.pool().acquire().await?;
        let member = live_member(&mut conn, id).await?;
        drop(conn);
        let staff =
            crate::accounts::auth::role_in_org(state.db.pool(), member.org_id, user.id).await?;
        if staff.is_none() {
            return Err(AppError::Forbidden);
        }
        let photo = crate::photos::prepare(vec![upload])
            .await?
            .pop()
            .ok_or(AppError::Internal)?;
        let mut tx = state.db.begin_write().await?;
        let now = crate::db::now_unix();
        help::set_photo(&mut tx, id, &photo, now).await?;
        let actor = (user.id, user.display_name.as_str());
        help::log_proxy(&mut tx, id, actor, ProxyAction::PhotoChanged, "", now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn live_member(
        conn: &mut sqlx::AnyConnection,
        id: i64,
    ) -> Result<MemberRecord, AppError> {
        help::find_member(conn, id)
            .await?
            .filter(|m| !m.deleted)
            .ok_or(AppError::NotFound)
    }
}
