//! `mastery`: the command-line face of the API, for administrators and for
//! testing every use case without a window. It acts as the local operator
//! (whoever can already read and write the database file): it may create
//! accounts and seed the demo, but has no learning records of its own.
//!
//! Exit codes: 0 success, 1 the operation failed (the message says why),
//! 2 bad command-line usage (from clap).

use anyhow::{bail, Context, Result};
use chrono::Utc;
use clap::{Parser, Subcommand};
use mastery_api::{Api, Caller};
use mastery_types::{LangTag, NewUser, Role, Track};
use std::io::BufRead;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "mastery",
    version,
    about = "Service Excellence Certification Program: command line"
)]
struct Cli {
    /// Database file [default: the desktop app's, in the user's data folder]
    #[arg(long, global = true, env = "MASTERY_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create (or migrate) the database and load the shipped program pack
    Init,
    /// Seed the demo organization into a new database
    Demo,
    /// Show the database's schema version and whether setup is needed
    Status,
    /// Manage accounts
    #[command(subcommand)]
    User(UserCommand),
    /// Work with content packs
    #[command(subcommand)]
    Pack(PackCommand),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a person with a local account; the password is read from standard input
    Add {
        #[arg(long)]
        employee_number: String,
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: String,
        /// learner, coach, manager, course_designer or administrator (repeatable)
        #[arg(long = "role", required = true, value_parser = parse_role)]
        roles: Vec<Role>,
        /// Interface language (en, fr, …)
        #[arg(long, default_value = "en")]
        language: String,
        /// The person's own track: clients, colleagues, communities or staff
        #[arg(long, value_parser = parse_track)]
        track: Option<Track>,
    },
    /// List accounts
    List,
}

#[derive(Subcommand)]
enum PackCommand {
    /// Check a pack folder and print every problem with its file and line
    Lint { folder: PathBuf },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        format!("unknown role {s:?}; use learner, coach, manager, course_designer or administrator")
    })
}

fn parse_track(s: &str) -> Result<Track, String> {
    Track::parse(s).ok_or_else(|| {
        format!("unknown track {s:?}; use clients, colleagues, communities or staff")
    })
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("mastery: {e:#}");
        std::process::exit(1);
    }
}

fn open(db: Option<PathBuf>) -> Result<(Api, PathBuf)> {
    let path = match db {
        Some(p) => p,
        None => {
            mastery_api::default_db_path().context("no data folder for this user; pass --db")?
        }
    };
    let api = Api::open(&path).with_context(|| format!("opening {}", path.display()))?;
    Ok((api, path))
}

fn run(cli: Cli) -> Result<()> {
    let now = Utc::now();
    match cli.command {
        Command::Init => {
            let (api, path) = open(cli.db)?;
            let load = api.load_shipped_pack(now)?;
            println!(
                "database ready at {}; {}",
                path.display(),
                String::from(load)
            );
        }
        Command::Demo => {
            let (api, _) = open(cli.db)?;
            let s = api.seed_demo(&Caller::LocalOperator, now)?;
            println!(
                "seeded {}: {} offices, {} accounts (password: {})",
                s.organization,
                s.offices,
                s.accounts,
                mastery_api::DEMO_PASSWORD
            );
        }
        Command::Status => {
            let (api, path) = open(cli.db)?;
            let status = api.setup_status()?;
            println!("database: {}", path.display());
            println!("schema version: {}", api.store().schema_version()?);
            println!(
                "organization: {}",
                status.organization.as_deref().unwrap_or("(not set)")
            );
            println!("needs first administrator: {}", status.needs_first_admin);
        }
        Command::User(UserCommand::Add {
            employee_number,
            username,
            name,
            roles,
            language,
            track,
        }) => {
            let (api, _) = open(cli.db)?;
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            if password.is_empty() {
                bail!("give the new account's password on standard input");
            }
            let user = api.add_user(
                &Caller::LocalOperator,
                &NewUser {
                    employee_number,
                    username,
                    display_name: name,
                    password,
                    roles,
                    language: LangTag(language),
                    home_track: track,
                },
                now,
            )?;
            println!(
                "added {} ({}) as {}",
                user.display_name,
                user.username,
                roles_text(&user.roles)
            );
        }
        Command::User(UserCommand::List) => {
            let (api, _) = open(cli.db)?;
            for u in api.list_users(&Caller::LocalOperator, now)? {
                println!(
                    "{}\t{}\t{}\t{}{}",
                    u.employee_number,
                    u.username,
                    u.display_name,
                    roles_text(&u.roles),
                    if u.locked { "\t(locked)" } else { "" }
                );
            }
        }
        Command::Pack(PackCommand::Lint { folder }) => {
            let files = mastery_packs::PackFiles::read_dir(&folder)?;
            let (_, problems) = mastery_packs::Pack::lint(&files);
            for p in &problems {
                println!("{p}");
            }
            let errors = problems
                .iter()
                .filter(|p| p.severity == mastery_packs::Severity::Error)
                .count();
            println!(
                "{}: {} error(s), {} warning(s)",
                folder.display(),
                errors,
                problems.len() - errors
            );
            if errors > 0 {
                bail!("the pack has errors");
            }
        }
    }
    Ok(())
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}
