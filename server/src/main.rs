//! The 云益享 server: `serve` (default), `migrate`, `backup PATH`, `seed-demo`.

mod allocator;
mod config;
mod http;
mod secret_key;
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
    #[cfg(feature = "demo")]
    SeedDemo,
    /// Platform administration.
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Make a platform admin: creates the account, or promotes an existing one. The password is
    /// read from ADMIN_PASSWORD, or asked for on the terminal.
    Create {
        /// Mainland mobile number or email address to sign in with.
        #[arg(long)]
        contact: String,
        /// Display name of a new account.
        #[arg(long, default_value = "平台管理员")]
        name: String,
    },
}

fn main() -> ExitCode {
    allocator::return_freed_memory_at_once();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(start()),
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn start() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        // Logs go to stderr, the usual place for a server's diagnostics (stdout stays for output).
        .with_writer(std::io::stderr)
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
        Command::Serve => serve::serve(db.clone(), &config).await,
        Command::Migrate => {
            println!("database is up to date");
            Ok(())
        }
        Command::Backup { path } => db
            .backup(&path)
            .await
            .map(|()| println!("backup written to {}", path.display()))
            .map_err(|e| e.to_string()),
        #[cfg(feature = "demo")]
        Command::SeedDemo => app::demo::seed_demo(&db)
            .await
            .map(|report| {
                println!(
                    "demo data loaded: {} new records ({report:?})",
                    report.total()
                )
            })
            .map_err(|e| format!("loading demo data failed: {e}")),
        Command::Admin(AdminCommand::Create { contact, name }) => {
            admin_create(&db, &contact, &name).await
        }
    };
    db.close().await;
    result
}

async fn admin_create(db: &Db, contact: &str, name: &str) -> Result<(), String> {
    use app::accounts::admin::{create_admin, AdminCreated};
    if app::accounts::contact::Contact::parse(contact).is_none() {
        return Err(format!(
            "admin create: not a mainland mobile number or email address: {contact}"
        ));
    }
    let password = match std::env::var("ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => ask_password()?,
    };
    match create_admin(db, contact, name, password).await {
        Ok(AdminCreated::NewAccount(id)) => {
            println!("created platform admin #{id} ({contact})");
            Ok(())
        }
        Ok(AdminCreated::Promoted(id)) => {
            println!(
                "account #{id} ({contact}) is now a platform admin; its password is unchanged"
            );
            Ok(())
        }
        Err(e) => Err(format!("admin create: {e}")),
    }
}

/// Asks twice on the terminal, without echo.
fn ask_password() -> Result<String, String> {
    let no_terminal = |e: std::io::Error| {
        format!("cannot read a password from the terminal ({e}); set ADMIN_PASSWORD instead")
    };
    let first =
        rpassword::prompt_password("password for the admin account: ").map_err(no_terminal)?;
    let second = rpassword::prompt_password("the same password again: ").map_err(no_terminal)?;
    if first != second {
        return Err("the two passwords differ; nothing was changed".into());
    }
    Ok(first)
}
