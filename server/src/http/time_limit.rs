//! Reads have a time limit. No page or feed needs more than a fraction of a second; one that
//! takes longer (a query gone wrong, a database under strain) is answered 503 with a message in
//! the reader's language, instead of holding the connection, and a worker, for as long as the
//! client waits. Posts are not limited: an upload's body may take a phone on a slow network a
//! while to send, and a write is never answered before it is done.
//!
//! This layer sits outside `run_to_end`, so the request itself still runs to its end as its own
//! task (a read that writes a log line finishes it); only the answer stops waiting.

use axum::{
    extract::{Request, State},
    http::{Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::time::Duration;

/// How long a GET or HEAD may take before it is answered 503.
pub const READ_TIME_LIMIT: Duration = Duration::from_secs(10);

pub async fn limit_reads(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let lang = app::i18n::lang_from_headers(request.headers());
    let method = request.method().clone();
    let path = super::loggable_path(request.uri().path());
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(%method, %path, "a read took longer than its time limit");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                app::locales::errors::unavailable(lang),
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{body::Body, middleware, routing::get, Router};
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_slow_read_is_answered_503_in_the_readers_language() {
        let slow = || async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            "done"
        };
        let router = Router::new().route("/slow", get(slow).post(slow)).layer(
            middleware::from_fn_with_state(Duration::from_millis(20), limit_reads),
        );
        let ask = |method: &str, language: &str| {
            Request::builder()
                .method(method)
                .uri("/slow")
                .header("accept-language", language)
                .body(Body::empty())
                .unwrap()
        };
        for (language, text) in [("zh-CN", "服务暂时不可用"), ("en", "unavailable")] {
            let response = router.clone().oneshot(ask("GET", language)).await.unwrap();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            let body = axum::body::to_bytes(response.into_body(), 1024)
                .await
                .unwrap();
            let body = String::from_utf8_lossy(&body).to_lowercase();
            assert!(body.contains(&text.to_lowercase()), "{body}");
        }
        // A post is not cut off.
        let response = router.oneshot(ask("POST", "zh-CN")).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
}
