//! `/help/{id}/export.json`: everything kept about a cooperative member, as a download for the
//! cooperative's coordinators and the member (P5). Personal data: never stored on the way.

use super::{signed_in, ServerState};
use app::i18n::lang_from_headers;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Response},
};

pub async fn member_export(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_from_headers(&headers);
    let refuse =
        |error: app::error::AppError| (error.status(), error.message(lang)).into_response();
    let Ok(id) = id.parse::<i64>() else {
        return refuse(app::error::AppError::NotFound);
    };
    let user = match signed_in(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return refuse(app::error::AppError::SignInRequired),
        Err(error) => return refuse(error),
    };
    match app::help::export::member_export(&state.app, &user, id).await {
        Ok(data) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json; charset=utf-8"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_str(&format!("attachment; filename=\"member-{id}.json\""))
                        .unwrap_or(HeaderValue::from_static("attachment")),
                ),
            ],
            serde_json::to_string_pretty(&data).unwrap_or_default(),
        )
            .into_response(),
        Err(error) => refuse(error),
    }
}
