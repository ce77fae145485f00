//! Every request runs to its end, even when the client hangs up half-way.
//!
//! hyper drops a request's future when its connection closes (a phone leaving a page, a timeout
//! in a proxy). A write transaction dropped at the wrong moment — while `BEGIN` waits for SQLite's
//! write lock, say — can be left open on its pooled connection (sqlx does not roll back a
//! cancelled `BEGIN` everywhere: transact-rs/sqlx#3932, #4393), and then every later write waits
//! for a lock that is never given back ("database is locked"). Running each request as a task of
//! its own means nothing under a handler is ever cancelled half-way: a write the client stopped
//! waiting for still commits or rolls back whole, like one whose answer got lost on the network.

use axum::{
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::{IntoResponse, Response},
};

pub async fn run_to_end(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = super::loggable_path(request.uri().path());
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        // A bug, not the client's fault: answered like one, and the process carries on.
        Err(failure) => {
            tracing::error!(%method, %path, %failure, "a request handler failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{body::Body, middleware, routing::post, Router};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;
    use tokio::sync::Notify;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_request_whose_client_left_still_finishes() {
        let go_on = Arc::new(Notify::new());
        let finished = Arc::new(AtomicBool::new(false));
        let (wait, flag) = (go_on.clone(), finished.clone());
        let app = Router::new()
            .route(
                "/write",
                post(move || async move {
                    wait.notified().await;
                    flag.store(true, Ordering::SeqCst);
                    "done"
                }),
            )
            .layer(middleware::from_fn(run_to_end));
        let request = Request::post("/write").body(Body::empty()).unwrap();
        // The client gives up while the handler is under way: its future is dropped, as hyper
        // drops it when the connection closes.
        let gave_up = tokio::time::timeout(Duration::from_millis(20), app.oneshot(request)).await;
        assert!(gave_up.is_err());
        assert!(!finished.load(Ordering::SeqCst));
        go_on.notify_one();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while !finished.load(Ordering::SeqCst) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the handler was cut off"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    #[tokio::test]
    async fn a_panicking_handler_is_answered_500() {
        let app = Router::new()
            .route(
                "/bug",
                post(|| async {
                    panic!("a bug");
                    #[allow(unreachable_code)]
                    "never"
                }),
            )
            .layer(middleware::from_fn(run_to_end));
        let request = Request::post("/bug").body(Body::empty()).unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
