//! The subcommands beside `serve`: migrate, create-user and seed-demo.

use crate::config::{Command, Config, RoleArg};
use crate::domain::{DisplayName, Email, NewPassword, Role};
use crate::{db, seed};
use std::io::{BufRead, IsTerminal, Write};

type CliResult = Result<(), Box<dyn std::error::Error>>;

pub async fn run(config: Config, command: Command) -> CliResult {
    if !matches!(command, Command::Serve) {
        // Only `serve` creates a database; the others would work on an empty new one.
        db::check_database_file(&config.database_url, true)?;
    }
    match command {
        Command::Serve => crate::serve(config).await,
        Command::Migrate => {
            crate::prepare(&config).await?;
            println!("Datenbank ist auf dem neuesten Stand.");
            Ok(())
        }
        Command::CreateUser { email, name, role } => {
            create_user(&config, &email, &name, role).await
        }
        Command::Backup { to } => backup(&config, &to).await,
        Command::SeedDemo { ideas } => seed_demo(&config, ideas).await,
    }
}

/// Read a password without echoing it when a person types it.
fn read_password() -> std::io::Result<String> {
    let interactive = std::io::stdin().is_terminal();
    eprint!("Passwort: ");
    std::io::stderr().flush()?;
    if interactive {
        let _ = std::process::Command::new("stty").arg("-echo").status();
    }
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if interactive {
        let _ = std::process::Command::new("stty").arg("echo").status();
        eprintln!();
    }
    read?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

async fn create_user(config: &Config, email: &str, name: &str, role: RoleArg) -> CliResult {
    // Domain errors are catalogue keys; the terminal gets the German sentence.
    let email = Email::parse(email).map_err(crate::i18n::t)?;
    let name = DisplayName::parse(name).map_err(crate::i18n::t)?;
    let password = match std::env::var("MITDENKEN_PASSWORD") {
        Ok(p) => p,
        Err(_) => read_password()?,
    };
    let password =
        NewPassword::parse(&password, email.as_str(), name.as_str()).map_err(crate::i18n::t)?;
    let role = match role {
        RoleArg::Admin => Role::Admin,
        RoleArg::Moderator => Role::Moderator,
        RoleArg::Ministry => Role::Ministry,
        RoleArg::Participant => Role::Participant,
    };
    let db = crate::prepare(config).await?;
    // The same rules as the forms: staff may carry their role in the name, nobody a look-alike.
    if let Some(msg) = db::users::name_refusal(&db.pool, &name, role, None).await? {
        return Err(crate::i18n::t(msg).into());
    }
    let hash = password_auth::generate_hash(password.as_str());
    match db::users::insert(&db.pool, email.as_str(), name.as_str(), &hash, role).await {
        Ok(id) => {
            println!(
                "Konto {id} angelegt: {} ({})",
                email.as_str(),
                role.as_str()
            );
            Ok(())
        }
        Err(e) if crate::error::is_unique_violation(&e) => {
            Err(format!("Es gibt bereits ein Konto mit {}", email.as_str()).into())
        }
        Err(e) => Err(e.into()),
    }
}

async fn backup(config: &Config, to: &std::path::Path) -> CliResult {
    if to.exists() {
        return Err(format!(
            "{} gibt es schon; bitte einen neuen Dateinamen wählen",
            to.display()
        )
        .into());
    }
    // Connect without migrating: a backup must not change the database it copies.
    let db = db::Db::connect(&config.database_url).await?;
    let started = std::time::Instant::now();
    db.backup_to(to).await?;
    let size = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    println!(
        "Sicherung geschrieben: {} ({:.1} MB in {:.1} s)",
        to.display(),
        size as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn seed_demo(config: &Config, ideas: u64) -> CliResult {
    let db = crate::prepare(config).await?;
    let started = std::time::Instant::now();
    let report = seed::seed_demo(&db).await?;
    println!(
        "Demo-Inhalte: {} Ideen, {} Kommentare, {} Unterstützungen neu angelegt.",
        report.ideas, report.comments, report.supports
    );
    let workshops = seed::demo_workshops::seed(&db).await?;
    println!(
        "Innovationswerkstatt: {} Werkstätten, {} Learnings, {} Verknüpfungen mit Ideen neu angelegt.",
        workshops.workshops, workshops.learnings, workshops.links
    );
    if ideas > 0 {
        let bulk = seed::seed_bulk(&db, ideas).await?;
        db::seed::settle(&db).await?;
        println!(
            "Massendaten: {} Ideen, {} Unterstützungen, {} Kommentare in {:.1} s.",
            bulk.ideas,
            bulk.supports,
            bulk.comments,
            started.elapsed().as_secs_f64()
        );
    }
    println!();
    println!("Demo-Konten (Passwort für alle: {}):", seed::DEMO_PASSWORD);
    for (email, name, role) in &report.accounts {
        println!("  {role:<12} {email:<45} {name}");
    }
    let key = crate::domain::totp::Secret::parse(seed::DEMO_TOTP_SECRET)
        .map(|s| s.grouped())
        .unwrap_or_default();
    println!();
    println!("Konten der Moderation, des Ministeriums und der Administration melden sich mit");
    println!("einem zweiten Faktor an: nach dem Passwort fragt die Seite nach einem Code.");
    println!("Tragen Sie dazu diesen Schlüssel in eine Authenticator-App ein (FreeOTP, Aegis,");
    println!("2FAS, ...; zeitbasiert/TOTP, 6 Ziffern, 30 Sekunden) und geben Sie den Code ein,");
    println!("den die App gerade zeigt:");
    println!("  {key}");
    println!(
        "(oder z. B. `oathtool --totp -b {}`)",
        seed::DEMO_TOTP_SECRET
    );
    Ok(())
}
