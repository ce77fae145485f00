//! 益享生活's routes that are not pages: posting a listing with its photos (a multipart form,
//! which server functions do not read safely), and serving the stored photos.

use super::signed_in;
use super::uploads::{multipart_error, read_capped, render_page_again};
use super::ServerState;
use app::error::AppError;
use app::items::input::{ItemFields, RejectedPost};
use app::items::model::MAX_PHOTOS;
use app::items::ItemRefusal;
use app::items::POST_ITEM_PATH;
use app::photos::PhotoRefusal;
use app::photos::PHOTO_MAX_BYTES;
use app::shell::csp::PageNonceSlot;
use axum::{
    extract::{FromRequest, Multipart, Path, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

/// The largest posting: six photos at their limit, and the text fields.
pub const MAX_UPLOAD_BYTES: usize = MAX_PHOTOS * PHOTO_MAX_BYTES + super::MAX_FORM_BYTES;
/// The most a single text field of the form may hold (its longest field is 2,000 characters).
const TEXT_FIELD_MAX_BYTES: usize = 16 * 1024;

/// `POST /items/new`: stores the listing and goes to its page, or shows the form again with what
/// was typed and why it was refused (the photos must be chosen again).
pub async fn post_item(State(state): State<ServerState>, request: Request) -> Response {
    let headers = request.headers().clone();
    // Where the page's script nonce goes, for the security headers (see `security_headers`).
    let nonce_slot = request.extensions().get::<PageNonceSlot>().cloned();
    let user = match signed_in(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return Redirect::to("/signin?next=%2Fitems%2Fnew").into_response(),
        Err(error) => {
            return show_form_again(&state, headers, nonce_slot, ItemFields::default(), error).await
        }
    };
    let (fields, uploads) = match read_form(&state, request).await {
        Ok(form) => form,
        Err((fields, error)) => {
            return show_form_again(&state, headers, nonce_slot, fields, error).await
        }
    };
    match app::items::post::post_item(&state.app, &user, &fields, uploads).await {
        Ok(id) => Redirect::to(&format!("/items/{id}?done=posted")).into_response(),
        Err(error) => show_form_again(&state, headers, nonce_slot, fields, error).await,
    }
}

/// The text fields and the photo files of the form. Each part is read in chunks and refused as
/// soon as it passes its limit; the whole body is capped by the route's limit layer.
async fn read_form(
    state: &ServerState,
    request: Request,
) -> Result<(ItemFields, Vec<Vec<u8>>), (ItemFields, AppError)> {
    let mut fields = ItemFields::default();
    let mut uploads = Vec::new();
    let mut multipart = match Multipart::from_request(request, state).await {
        Ok(multipart) => multipart,
        Err(_) => return Err((fields, AppError::InvalidInput("multipart form".into()))),
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err((fields, multipart_error(error))),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let is_photo = name == "photos";
        let limit = if is_photo {
            PHOTO_MAX_BYTES
        } else {
            TEXT_FIELD_MAX_BYTES
        };
        let bytes = match read_capped(field, limit).await {
            Ok(bytes) => bytes,
            Err(error) if is_photo && error == AppError::TooLarge => {
                return Err((fields, PhotoRefusal::TooLarge.into()))
            }
            Err(error) => return Err((fields, error)),
        };
        if is_photo {
            // A file input left empty still sends a part, with no bytes.
            if bytes.is_empty() {
                continue;
            }
            if uploads.len() == MAX_PHOTOS {
                return Err((fields, ItemRefusal::TooManyPhotos.into()));
            }
            uploads.push(bytes);
        } else {
            let Ok(text) = String::from_utf8(bytes) else {
                return Err((fields, AppError::InvalidInput(name)));
            };
            set_field(&mut fields, &name, text);
        }
    }
    Ok((fields, uploads))
}

/// Fields are named like the other forms' (`item[title]`); unknown ones are ignored.
fn set_field(fields: &mut ItemFields, name: &str, value: String) {
    let slot = match name {
        "item[kind]" => &mut fields.kind,
        "item[title]" => &mut fields.title,
        "item[description]" => &mut fields.description,
        "item[category]" => &mut fields.category,
        "item[condition]" => &mut fields.condition,
        "item[mode]" => &mut fields.mode,
        "item[pickup_notes]" => &mut fields.pickup_notes,
        "item[area]" => &mut fields.area,
        "item[lat]" => &mut fields.lat,
        "item[lng]" => &mut fields.lng,
        "item[resource]" => &mut fields.resource,
        _ => return,
    };
    *slot = value;
}

/// Renders `/items/new` with what was typed and the reason, under the error's status.
async fn show_form_again(
    state: &ServerState,
    headers: HeaderMap,
    nonce_slot: Option<PageNonceSlot>,
    fields: ItemFields,
    error: AppError,
) -> Response {
    let rejected = RejectedPost { fields, error };
    render_page_again(state, &headers, nonce_slot, POST_ITEM_PATH, rejected).await
}

/// `GET /items/photos/{id}.jpg` and `/items/photos/{id}/thumb.jpg`.
pub async fn photo(
    State(state): State<ServerState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    serve_photo(&state, &headers, file.strip_suffix(".jpg"), false).await
}

pub async fn thumb(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    serve_photo(&state, &headers, Some(id.as_str()), true).await
}

async fn serve_photo(
    state: &ServerState,
    headers: &HeaderMap,
    id: Option<&str>,
    thumb: bool,
) -> Response {
    let Some(id) = id.and_then(|id| id.parse::<i64>().ok()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let photo = match app::items::db::photo_bytes(state.app.db.pool(), id, thumb).await {
        Ok(Some(photo)) => photo,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return AppError::from(error).status().into_response(),
    };
    // Only a hidden listing's photos ask who is looking (its owner and admins still see them):
    // the usual photo in a list costs no session lookup.
    if photo.hidden {
        let viewer = match signed_in(state, headers).await {
            Ok(user) => user.map(|u| (u.id, u.is_admin)),
            Err(error) => return error.status().into_response(),
        };
        if !photo.visible_to(viewer) {
            return StatusCode::NOT_FOUND.into_response();
        }
    }
    // A photo never changes under its id; a day keeps a listing hidden later from living on for
    // long in caches. A hidden one's photos are for the people shown them only.
    let cache = if photo.hidden {
        "private, no-store"
    } else {
        "public, max-age=86400"
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        photo.bytes,
    )
        .into_response()
}
