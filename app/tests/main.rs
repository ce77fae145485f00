//! The app's integration tests: domain logic against the database, on SQLite and (when
//! TEST_POSTGRES_URL is set) PostgreSQL. One test binary: each file used to link the whole app on
//! its own, which cost CI minutes and disk. Run one module with its name as the filter, e.g.
//! `cargo test -p app --features ssr --test all dashboard_bench -- --nocapture`.
#![cfg(feature = "ssr")]

mod accounts_db;
mod architecture;
mod contacts_codes;
mod dashboard_bench;
mod dashboard_db;
mod db;
mod demo_names;
mod events_checkin;
mod events_list;
mod events_series;
mod events_signup;
mod help_db;
mod input_properties;
mod items_db;
mod items_moderation;
mod items_requests;
mod locales;
mod map_index;
mod notice_sms;
mod notifications_db;
mod orgs_db;
mod outbox;
mod refusals;
mod schema;
mod volunteering;
