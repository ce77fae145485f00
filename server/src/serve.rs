//! `server serve`: listen, serve until SIGINT/SIGTERM, let requests in flight finish.

use crate::{config, http};
use app::accounts::rate_limit::{AuthLimits, PER_ACCOUNT_PER_MINUTE};
use app::{db::Db, state::AppState};
use axum::serve::ListenerExt;

pub async fn serve(db: Db, config: &config::Config) -> Result<(), String> {
    let options = config::leptos_options().map_err(|e| e.to_string())?;
    let addr = options.site_addr;
    let limits = AuthLimits::new(config.sign_in_attempts_per_ip, PER_ACCOUNT_PER_MINUTE);
    let state = AppState::new(db, config.secure_cookies).with_auth_limits(limits);
    let router = http::router(state, options);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?
        // Without TCP_NODELAY each streamed chunk can wait ~40 ms for Nagle's algorithm.
        .tap_io(|socket| {
            let _ = socket.set_nodelay(true);
        });
    tracing::info!("listening on http://{addr}");
    // The peer address feeds the per-address limits on sign-in attempts.
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server error: {e}"))?;
    tracing::info!("stopped: requests in flight have finished");
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
