//! Forms are small. A body over the limit is refused here, before any handler reads it, so the
//! refusal is known by what happened (more bytes than allowed), not guessed later from the words of
//! a deserialisation error: a 413 with the app's own "too large", in the reader's language.

use app::error::AppError;
use axum::body::HttpBody;
use axum::http::Method;
use axum::{
    body::Body,
    extract::Request,
    http::{
        header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE},
        HeaderMap, StatusCode,
    },
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::StreamExt;
use leptos::server_fn::error::FromServerFnError;
use std::time::Duration;

/// How long a client may take to send a form's body. A phone on a poor network sends 64 KB in
/// well under this; a client that trickles bytes to hold a connection open is cut off.
const BODY_TIME_LIMIT: Duration = Duration::from_secs(20);

/// Reads the body (at most `limit` bytes) and hands it on; refuses a longer or a stalled one.
/// Reads (GET, HEAD, OPTIONS) and requests that say they have no body pass untouched.
pub async fn limit_form_bodies(limit: usize, request: Request, next: Next) -> Response {
    let reads = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if reads || request.body().size_hint().exact() == Some(0) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return too_large(&parts.headers);
    }
    let read = async {
        // Grown as bytes arrive, never reserved from what the client says it will send.
        let mut bytes = Vec::new();
        let mut stream = body.into_data_stream();
        while let Some(chunk) = stream.next().await {
            // A body cut off halfway: nobody is left to read an answer.
            let chunk = chunk.map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
            if bytes.len() + chunk.len() > limit {
                return Err(too_large(&parts.headers));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    };
    match tokio::time::timeout(BODY_TIME_LIMIT, read).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(refused)) => refused,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

/// As a server function answers its caller: JSON for the page's script, words for a browser
/// that posted a plain form.
fn too_large(headers: &HeaderMap) -> Response {
    let error = AppError::TooLarge;
    let wants_json = headers
        .get(ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    if wants_json {
        return (
            error.status(),
            [(CONTENT_TYPE, "application/json")],
            error.ser(),
        )
            .into_response();
    }
    let lang = app::i18n::lang_from_headers(headers);
    (
        error.status(),
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        error.message(lang),
    )
        .into_response()
}
