//! The axum application: Leptos pages and server functions, `/healthz`, static files, request logs.

use app::{shell, state::AppState, App};
use axum::{
    body::Body,
    extract::{FromRef, Request, State},
    handler::HandlerWithoutStateExt,
    http::{header, HeaderMap, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post, MethodRouter},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use std::time::Instant;
use tower_http::limit::RequestBodyLimitLayer;

mod assets;
mod calendar;
mod form_limit;
mod help_export;
mod help_photo;
mod items;
mod open_data;
mod page_cache;
mod pwa;
mod report_csv;
mod roster_csv;
mod run_to_end;
mod security;
mod service_worker;
mod spreadsheet;
mod time_limit;
mod uploads;

pub use assets::hash_file;
use assets::{BuiltAssets, BuiltAssetsState};
use service_worker::ServiceWorker;

/// The largest request body a page or server function accepts.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
    pub service_worker: ServiceWorker,
    pub offline_page: pwa::OfflinePage,
}

impl FromRef<ServerState> for pwa::OfflinePage {
    fn from_ref(state: &ServerState) -> Self {
        state.offline_page.clone()
    }
}

impl FromRef<ServerState> for ServiceWorker {
    fn from_ref(state: &ServerState) -> Self {
        state.service_worker.clone()
    }
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos_options.clone()
    }
}

/// The app's page routes, listed once per process. Listing them runs the app with every resource
/// held back, and leptos holds them back in the whole process while it does
/// (leptos-rs/leptos#4773): a page rendering at that moment would wait forever. The server lists
/// them before it takes a request; tests, which build many routers at once, share one list.
pub fn page_routes() -> &'static [AxumRouteListing] {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App))
}

pub fn router(app_state: AppState, leptos_options: LeptosOptions) -> Router {
    let bundle = BuiltAssets::of(&leptos_options);
    router_for_bundle(app_state, leptos_options, bundle)
}

/// The app with the bundle's file names given (tests use a site of their own).
fn router_for_bundle(
    app_state: AppState,
    leptos_options: LeptosOptions,
    bundle: BuiltAssets,
) -> Router {
    let routes = page_routes().to_vec();
    let service_worker = ServiceWorker::build(&leptos_options.site_root, &bundle);
    let cache_state = BuiltAssetsState {
        built: bundle.clone(),
        pkg_dir: leptos_options.site_pkg_dir.to_string(),
    };
    let state = ServerState {
        leptos_options: leptos_options.clone(),
        app: app_state.clone(),
        service_worker,
        offline_page: pwa::OfflinePage::with_stylesheet(&bundle.css),
    };
    let site_root = leptos_options.site_root.to_string();
    let page_state = app_state.clone();
    let fallback_state = app_state.clone();
    // Any other address: the 404 page, with the same context as routed pages (its header asks
    // the database too, for the unread count).
    let not_found_page =
        leptos_axum::render_app_async_with_context(move || page_context(&fallback_state), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        });
    let not_found = move |request: Request| not_found_page(request);
    // Postings with photos have a limit of their own; every other request has the forms' one.
    let uploads = upload_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, route, limit)| {
            router.route(path, route.layer(RequestBodyLimitLayer::new(limit)))
        })
        // axum's own 2 MB default for multipart would cut in first.
        .layer(axum::extract::DefaultBodyLimit::disable());
    file_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, route)| {
            router.route(path, route)
        })
        // Also mounts every server function under /api, with the same context.
        .leptos_routes_with_context(
            &state,
            routes,
            move || page_context(&page_state),
            move || shell(leptos_options.clone()),
        )
        // Static files, precompressed (brotli or gzip); any other address is the 404 page.
        .fallback_service(assets::static_files(&site_root, not_found.into_service()))
        // Static files get their lifetimes.
        .layer(middleware::from_fn_with_state(
            cache_state,
            assets::static_cache_headers,
        ))
        .layer(middleware::from_fn(server_fn_error_status))
        .layer(middleware::from_fn(page_redirects_are_302))
        // Forms are small; uploads (added after this layer) have their own limit.
        .layer(middleware::from_fn(|request, next| {
            form_limit::limit_form_bodies(MAX_FORM_BYTES, request, next)
        }))
        .merge(uploads)
        .layer(middleware::from_fn(security::same_origin_only))
        .layer(middleware::from_fn_with_state(
            page_cache::PageCache::new(app_state.db.clone()),
            page_cache::serve_visitors_from_cache,
        ))
        .layer(middleware::from_fn(run_to_end::run_to_end))
        .layer(middleware::from_fn_with_state(
            time_limit::READ_TIME_LIMIT,
            time_limit::limit_reads,
        ))
        .layer(middleware::from_fn(security::security_headers))
        .layer(middleware::from_fn(log_request))
        .with_state(state)
}

/// What every page and server function finds in its context: the app's state; a page also hands
/// its nonce to the security middleware (see `security_headers`).
pub(crate) fn page_context(state: &AppState) {
    provide_context(state.clone());
    app::accounts::auth::provide_request_user();
    app::shell::csp::record_page_nonce();
}

/// 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<ServerState>) -> Response {
    match state.app.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(error) => {
            tracing::warn!(%error, "health check: database did not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// Server functions answer every error with 500; give our errors their own status (400, 404, 503...)
/// so a bad request is never reported as a server fault.
async fn server_fn_error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_server_fn_error = response.headers().contains_key("serverfnerror");
    if !is_server_fn_error || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<app::error::AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A page that sends the reader elsewhere (a visitor to sign in, say) answers a real 302, whatever
/// the request accepts. leptos_axum makes a redirect a 302 only for `Accept: text/html`, and
/// otherwise marks it for its own JavaScript client, which calls server functions (under `/api/`),
/// never pages: a crawler or a link-preview fetcher asking for `*/*` got a 200 with an empty body.
async fn page_redirects_are_302(request: Request, next: Next) -> Response {
    let is_page = matches!(*request.method(), Method::GET | Method::HEAD)
        && !request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    if is_page
        && response.status() == StatusCode::OK
        && response.headers().contains_key(header::LOCATION)
    {
        *response.status_mut() = StatusCode::FOUND;
        response.headers_mut().remove("serverfnredirect");
    }
    response
}

/// A path as logs may keep it: a private calendar address's secret is left out (only its hash
/// is stored; a log must not open the calendar either).
pub(crate) fn loggable_path(path: &str) -> String {
    match path.strip_prefix("/me/calendar/") {
        Some(rest) => {
            let after = rest.split_once('/').map_or("", |(_, after)| after);
            format!("/me/calendar/…/{after}")
        }
        None => path.to_owned(),
    }
}

/// One log line per request: method, path, status and time taken.
async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = loggable_path(request.uri().path());
    let response = next.run(request).await;
    tracing::info!(
        target: "request",
        "{method} {path} {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

#[cfg(test)]
mod tests;

/// Everything that is not a page or a server function: health, PWA files, open data, calendars,
/// exports and photos. One table, so the bad-input tests can go through every one of them.
fn file_routes() -> Vec<(&'static str, MethodRouter<ServerState>)> {
    vec![
        ("/healthz", get(healthz)),
        ("/manifest.webmanifest", get(pwa::manifest)),
        ("/sw.js", get(service_worker::script)),
        (pwa::OFFLINE_PAGE, get(pwa::offline_page)),
        // Open data: organisations, events and resources, as .geojson or .csv.
        ("/api/v1/{file}", get(open_data::feed_file)),
        ("/events/{id}/calendar.ics", get(calendar::event_ics)),
        ("/orgs/{id}/calendar.ics", get(calendar::org_ics)),
        ("/me/calendar/{token}/events.ics", get(calendar::person_ics)),
        ("/events/{id}/roster.csv", get(roster_csv::roster_csv)),
        ("/orgs/{id}/report.csv", get(report_csv::org_report_csv)),
        ("/admin/report.csv", get(report_csv::platform_report_csv)),
        // A POST: making the file is logged, so no other site may set it off with a link.
        ("/help/{id}/export.json", post(help_export::member_export)),
        ("/help/{id}/photo.jpg", get(help_photo::photo)),
        ("/help/{id}/thumb.jpg", get(help_photo::thumb)),
        ("/items/photos/{file}", get(items::photo)),
        ("/items/photos/{id}/thumb.jpg", get(items::thumb)),
    ]
}

/// Forms that carry photos (multipart), each with its own size limit.
fn upload_routes() -> Vec<(&'static str, MethodRouter<ServerState>, usize)> {
    vec![
        (
            app::items::POST_ITEM_PATH,
            post(items::post_item),
            items::MAX_UPLOAD_BYTES,
        ),
        (
            "/help/{id}/photo",
            post(help_photo::upload),
            help_photo::MAX_UPLOAD_BYTES,
        ),
    ]
}

/// The person whose session cookie came with the request, if any.
pub(crate) async fn signed_in(
    state: &ServerState,
    headers: &HeaderMap,
) -> Result<Option<app::accounts::model::SessionUser>, app::error::AppError> {
    use app::accounts::{session::user_for_request, SESSION_COOKIE};
    let Some(token) = app::cookies::cookie_value(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    Ok(user_for_request(&state.app.db, token, app::db::now_unix()).await?)
}
