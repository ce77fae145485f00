//! The yardstick for the events-page benchmark (`bash .ci/bench`): bare axum on the same runtime,
//! answering every GET with the bytes of a file (the `/events` page the real server rendered),
//! so the benchmark can show how close the real page comes to serving a constant.
//!
//! `cargo run --release -p bench --bin bare-axum -- ADDR FILE`

use axum::{http::header, response::IntoResponse, routing::get, Router};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(file)) = (args.next(), args.next()) else {
        eprintln!("usage: bare-axum ADDR FILE");
        std::process::exit(2);
    };
    let html: &'static [u8] = match std::fs::read(&file) {
        Ok(bytes) => Box::leak(bytes.into_boxed_slice()),
        Err(error) => {
            eprintln!("cannot read {file}: {error}");
            std::process::exit(1);
        }
    };
    let page = move || async move {
        ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
    };
    let app = Router::new().route("/", get(page)).fallback(get(page));
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on {addr}: {error}");
            std::process::exit(1);
        }
    };
    if let Err(error) = axum::serve(listener, app).await {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
