//! Thin entry point: parse the command line, start logging, hand over to the library.

use clap::Parser;
use mitdenken::config::{Cli, Command};
use std::io::IsTerminal;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::util::SubscriberInitExt;

#[tokio::main]
async fn main() -> ExitCode {
    mitdenken::web::hashing::tune_allocator();
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    let ansi = std::io::stdout().is_terminal();
    mitdenken::web::trace::subscriber(cli.config.log_format, filter, std::io::stdout, ansi).init();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => mitdenken::serve(cli.config).await,
        other => mitdenken::cli::run(cli.config, other).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fehler: {e}");
            ExitCode::FAILURE
        }
    }
}
