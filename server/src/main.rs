//! The 云益享 server: `serve` (default), `migrate`, `backup PATH`, `seed-demo`.

mod config;
mod http;
mod serve;

use app::db::Db;
use clap::{Parser, Subcommand};
use config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "server",
    version,
    about = "云益享 Yunyixiang — community charity map server"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the app (the default).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Write a consistent copy of the SQLite database to PATH (PostgreSQL: use pg_dump).
    Backup { path: PathBuf },
    /// Load the demo data set of Yunyan district; running it again adds nothing twice.
    SeedDemo,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    match run(cli.command.unwrap_or(Command::Serve)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = Db::connect_and_migrate(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let result = match command {
        Command::Serve => serve::serve(db.clone(), config.secure_cookies).await,
        Command::Migrate => {
            println!("database is up to date");
            Ok(())
        }
        Command::Backup { path } => db
            .backup(&path)
            .await
            .map(|()| println!("backup written to {}", path.display()))
            .map_err(|e| e.to_string()),
        Command::SeedDemo => app::demo::seed_demo(&db)
            .await
            .map(|report| {
                println!(
                    "demo data loaded: {} new records ({report:?})",
                    report.total()
                )
            })
            .map_err(|e| format!("loading demo data failed: {e}")),
    };
    db.close().await;
    result
}
