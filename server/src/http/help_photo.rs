//! A cooperative member's photo: uploading it (a multipart form on the coordinators' editor) and
//! serving it to the people its consents reach. Never cached anywhere (P7): a withdrawn consent
//! hides it on the very next request.

use super::uploads::{multipart_error, read_capped, render_page_again};
use super::{signed_in, ServerState};
use app::error::AppError;
use app::help::photo::{member_photo, save_member_photo, RejectedPhoto};
use app::photos::PhotoRefusal;
use app::photos::PHOTO_MAX_BYTES;
use app::shell::csp::PageNonceSlot;
use axum::{
    extract::{FromRequest, Multipart, Path, Request, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Redirect, Response},
};

/// The largest upload: one photo at its limit, and the multipart framing around it.
pub const MAX_UPLOAD_BYTES: usize = PHOTO_MAX_BYTES + 64 * 1024;

/// `POST /help/{id}/photo`: keeps the photo and goes back to the editor, or shows the editor
/// again with why it was refused.
pub async fn upload(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let headers = request.headers().clone();
    let nonce_slot = request.extensions().get::<PageNonceSlot>().cloned();
    let editor = format!("/help/{id}/edit");
    let outcome = async {
        let user = signed_in(&state, &headers)
            .await?
            .ok_or(AppError::SignInRequired)?;
        let upload = read_photo(&state, request).await?;
        save_member_photo(&state.app, &user, id, upload).await
    };
    match outcome.await {
        Ok(()) => Redirect::to(&format!("{editor}?done=photo_changed#photo")).into_response(),
        // The editor itself sends a visitor to sign in, and answers others with its own refusal.
        Err(error) => {
            let rejected = RejectedPhoto { error };
            render_page_again(&state, &headers, nonce_slot, &editor, rejected).await
        }
    }
}

/// The one `photo` part of the form (other parts are ignored); an empty file input is refused.
async fn read_photo(state: &ServerState, request: Request) -> Result<Vec<u8>, AppError> {
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|_| AppError::InvalidInput("multipart form".into()))?;
    let mut photo = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        if field.name() != Some("photo") {
            continue;
        }
        photo = match read_capped(field, PHOTO_MAX_BYTES).await {
            Ok(bytes) => Some(bytes),
            Err(AppError::TooLarge) => return Err(PhotoRefusal::TooLarge.into()),
            Err(error) => return Err(error),
        };
    }
    match photo {
        Some(bytes) if !bytes.is_empty() => Ok(bytes),
        _ => Err(PhotoRefusal::NotAnImage.into()),
    }
}

/// `GET /help/{id}/photo.jpg`.
pub async fn photo(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    serve(&state, &headers, id, false).await
}

/// `GET /help/{id}/thumb.jpg`.
pub async fn thumb(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    serve(&state, &headers, id, true).await
}

async fn serve(state: &ServerState, headers: &HeaderMap, id: i64, thumb: bool) -> Response {
    let photo = match signed_in(state, headers).await {
        Ok(user) => member_photo(&state.app, user, id, thumb).await,
        Err(error) => Err(error),
    };
    // Not even a refusal is kept: the same address may answer differently on the next request.
    let no_store = (header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    match photo {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
                no_store,
            ],
            bytes,
        )
            .into_response(),
        Err(error) => (error.status(), [no_store]).into_response(),
    }
}
