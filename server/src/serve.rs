//! `server serve`: listen, serve until SIGINT/SIGTERM, let requests in flight finish.

use crate::{config, http};
use app::accounts::rate_limit::AuthLimits;
use app::contacts::codes::CodeKey;
use app::notifications::mail::Mailer;
use app::outbox::Outbox;
use app::sms::SmsTransport;
use app::{db::Db, state::AppState};
use axum::serve::ListenerExt;
use config::{MailSetting, SmsSetting};
use std::sync::Arc;

pub async fn serve(db: Db, config: &config::Config) -> Result<(), String> {
    let options = config::leptos_options().map_err(|e| e.to_string())?;
    let addr = options.site_addr;
    let db_for_jobs = db.clone();
    let limits = AuthLimits::new(
        config.sign_in_attempts_per_ip,
        config.sign_in_attempts_per_account,
    );
    let mailer = mailer(config)?.map(Arc::new);
    let key = crate::secret_key::load(
        config.secret_key.as_deref(),
        std::path::Path::new(&config.secret_key_file),
    )?;
    let sms = match &config.sms {
        Some(SmsSetting::Provider(provider)) => {
            tracing::info!("text messages leave through {provider:?}");
            Some(Arc::new(SmsTransport::provider(provider.clone())))
        }
        Some(SmsSetting::Folder(dir)) => Some(Arc::new(SmsTransport::folder(dir.into())?)),
        None => None,
    };
    let outbox =
        Arc::new(Outbox::new(sms, mailer.clone(), key).with_monthly_cap(config.sms_per_month));
    let state = AppState::new(db, config.secure_cookies)
        .with_part(limits)
        .with_part(CodeKey::new(key))
        .with_part(config.code_limits)
        .with_shared_part(outbox.clone())
        .with_part(config.sms_per_month)
        .with_part(config.item_limits)
        .with_part(config.tiles.clone());
    let router = http::router(state, options);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?
        // Without TCP_NODELAY each streamed chunk can wait ~40 ms for Nagle's algorithm.
        .tap_io(|socket| {
            let _ = socket.set_nodelay(true);
        });
    tokio::spawn(hourly_upkeep(db_for_jobs.clone()));
    tokio::spawn(outbox.run(db_for_jobs.clone()));
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

fn mailer(config: &config::Config) -> Result<Option<Mailer>, String> {
    let site_url = config.site_url.clone();
    let mailer = match &config.mail {
        None => return Ok(None),
        Some(MailSetting::Smtp { url, from }) => Mailer::smtp(url, from, site_url),
        Some(MailSetting::Folder { dir, from }) => Mailer::folder(dir.into(), from, site_url),
    };
    mailer.map(Some).map_err(|e| e.to_string())
}

/// At start and every hour, makes the occurrences of repeating events that are now within reach,
/// expires listings past their 30 days, and forgets invitations, codes and sent messages past
/// their time. A failure is logged and tried again next round.
async fn hourly_upkeep(db: Db) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        let now = app::db::now_unix();
        if let Err(error) = app::events::series_db::extend_all(&db, now).await {
            tracing::warn!("could not extend event series: {error}");
        }
        if let Err(error) = app::items::life::expire_due(&db, now).await {
            tracing::warn!("could not expire listings: {error}");
        }
        if let Err(error) = app::invitations::db::forget_old(db.pool(), now).await {
            tracing::warn!("could not forget old invitations: {error}");
        }
        if let Err(error) = app::contacts::codes::forget_old(&db, now).await {
            tracing::warn!("could not forget old one-time codes: {error}");
        }
        if let Err(error) = app::outbox::queue::forget_old(&db, now).await {
            tracing::warn!("could not forget sent messages: {error}");
        }
    }
}
