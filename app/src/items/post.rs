//! Posting a listing with its photos. The form is multipart (photos travel with the text), so it
//! arrives through its own route in the server rather than a server function; this is what that
//! route calls once it has read the parts.

use super::input::ItemFields;
use super::model::MAX_PHOTOS;
use super::photos::{process, StoredPhoto};
use crate::accounts::model::SessionUser;
use crate::error::{AppError, FormError};
use crate::state::AppState;

/// Checks the form, prepares the photos and stores the listing; its id.
pub async fn post_item(
    state: &AppState,
    owner: &SessionUser,
    fields: &ItemFields,
    uploads: Vec<Vec<u8>>,
) -> Result<i64, AppError> {
    let pool = state.db.pool();
    let areas = crate::areas::db::list(pool).await?;
    let details = fields.check(|code| {
        areas
            .iter()
            .find(|a| a.code == code)
            .map(|a| (a.lat, a.lng))
    })?;
    if uploads.len() > MAX_PHOTOS {
        return Err(FormError::TooManyPhotos.into());
    }
    let photos = prepare_photos(uploads).await?;
    let mut tx = state.db.begin_write().await?;
    let id = super::db::insert(&mut tx, owner.id, &details, crate::db::now_unix()).await?;
    for (position, photo) in photos.iter().enumerate() {
        super::db::insert_photo(&mut tx, id, position, photo).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Decoding and resizing are CPU work: done on the blocking threads, one photo after another.
async fn prepare_photos(uploads: Vec<Vec<u8>>) -> Result<Vec<StoredPhoto>, AppError> {
    tokio::task::spawn_blocking(move || {
        uploads
            .iter()
            .map(|upload| process(upload))
            .collect::<Result<Vec<_>, FormError>>()
    })
    .await
    .map_err(|error| {
        tracing::error!(%error, "photo processing stopped");
        AppError::Internal
    })?
    .map_err(AppError::from)
}
