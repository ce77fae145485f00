//! What the multipart routes (item postings, member photos) share: reading a part under a limit,
//! and showing the page the form came from again with why it was refused.

use super::{page_context, ServerState};
use app::error::AppError;
use app::shell::csp::PageNonceSlot;
use axum::{
    body::Body,
    extract::{multipart::Field, multipart::MultipartError, Request},
    http::{header, HeaderMap, Method, StatusCode},
    response::Response,
};
use leptos::prelude::provide_context;

/// A part's bytes, refused as soon as they pass `limit`.
pub async fn read_capped(mut field: Field<'_>, limit: usize) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if bytes.len() + chunk.len() > limit {
            return Err(AppError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

pub fn multipart_error(error: MultipartError) -> AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::InvalidInput(error.body_text())
    }
}

/// Renders the page at `path` for the person who sent the form, with `rejected` in its context
/// (the page shows the reason and answers with its status).
pub async fn render_page_again<C: Clone + Send + Sync + 'static>(
    state: &ServerState,
    headers: &HeaderMap,
    nonce_slot: Option<PageNonceSlot>,
    path: &str,
    rejected: C,
) -> Response {
    let app_state = state.app.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            page_context(&app_state);
            provide_context(rejected.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut page_request = Request::new(Body::empty());
    *page_request.method_mut() = Method::GET;
    *page_request.uri_mut() = path.parse().unwrap_or_default();
    // The reader's cookies and languages; nothing about the body that was refused.
    for name in [
        header::COOKIE,
        header::ACCEPT,
        header::ACCEPT_LANGUAGE,
        header::HOST,
    ] {
        if let Some(value) = headers.get(&name) {
            page_request.headers_mut().insert(name, value.clone());
        }
    }
    if let Some(slot) = nonce_slot {
        page_request.extensions_mut().insert(slot);
    }
    render(page_request).await
}
