//! Posting a listing with its photos. The form is multipart (photos travel with the text), so it
//! arrives through its own route in the server rather than a server function; this is what that
//! route calls once it has read the parts.

use super::input::ItemFields;
use super::model::MAX_PHOTOS;
use crate::accounts::model::SessionUser;
use crate::error::AppError;
use crate::items::ItemRefusal;
use crate::state::AppState;

/// Checks the form, prepares the photos and stores the listing; its id.
pub async fn post_item(
    state: &AppState,
    owner: &SessionUser,
    fields: &ItemFields,
    uploads: Vec<Vec<u8>>,
) -> Result<i64, AppError> {
    let pool = state.db.pool();
    let areas = crate::areas::cache::areas(state).await?;
    let points = crate::resources::db::handout_points(pool, owner.id).await?;
    let details = fields.check_at(
        |code| {
            areas
                .iter()
                .find(|a| a.code == code)
                .map(|a| (a.lat, a.lng))
        },
        |id| points.iter().find(|p| p.id == id).map(|p| (p.lat, p.lng)),
    )?;
    if uploads.len() > MAX_PHOTOS {
        return Err(ItemRefusal::TooManyPhotos.into());
    }
    let photos = crate::photos::prepare(uploads).await?;
    let mut tx = state.db.begin_write().await?;
    let id = super::db::insert(&mut tx, owner.id, &details, crate::db::now_unix()).await?;
    for (position, photo) in photos.iter().enumerate() {
        super::db::insert_photo(&mut tx, id, position, photo).await?;
    }
    tx.commit().await?;
    Ok(id)
}
