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

mod hr;

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
    /// Check the audit log
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Certification settings
    #[command(subcommand)]
    Certification(CertificationCommand),
    /// The link with HR: roster in, certification status out
    #[command(subcommand)]
    Hr(HrCommand),
}

#[derive(Subcommand)]
enum HrCommand {
    /// Connect to a SCIM 2.0 service (token read from standard input with
    /// --token-stdin), or switch to file mode
    Connect {
        /// The SCIM base URL, e.g. https://hr.example/scim/v2
        #[arg(long, required_unless_present = "file_mode")]
        url: Option<String>,
        /// Read the bearer token from standard input
        #[arg(long)]
        token_stdin: bool,
        /// Minutes between automatic rounds in the desktop app (0: by hand)
        #[arg(long, default_value_t = 15)]
        interval: u32,
        /// No SCIM: rosters as CSV files, status as a CSV export
        #[arg(long, conflicts_with = "url")]
        file_mode: bool,
    },
    /// Preview a roster CSV file (and apply it with --apply)
    ImportCsv {
        file: PathBuf,
        #[arg(long)]
        apply: bool,
    },
    /// Preview the roster from the SCIM service (and apply it with --apply)
    Pull {
        #[arg(long)]
        apply: bool,
    },
    /// Queue status changes and deliver everything due to HR (exit 1 if
    /// some message failed this round; it is retried later)
    Sync {
        /// Requests in flight at once
        #[arg(long, default_value_t = 4)]
        concurrency: usize,
    },
    /// The state of the link: last import, messages waiting, failing
    Status,
    /// Compare HR's training status with Mastery's (exit 1 if they differ);
    /// --fix queues Mastery's status for everyone who differs
    Reconcile {
        #[arg(long)]
        fix: bool,
    },
    /// Activation codes for new people without an account (CSV on
    /// standard output, or --out FILE)
    Codes {
        /// Create codes for everyone who has none (required: codes are
        /// shown once)
        #[arg(long = "new", required = true)]
        new: bool,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Everyone's certification status as CSV (for HR without SCIM)
    ExportStatus {
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CertificationCommand {
    /// Set how many months a new certification is valid (1 to 120)
    Validity { months: u32 },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain of the audit log; exit 1 naming the first broken
    /// link if a row was altered or removed
    Verify,
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
        /// The office (org unit id) the person works in
        #[arg(long)]
        office: Option<String>,
    },
    /// List accounts
    List,
}

#[derive(Subcommand)]
enum PackCommand {
    /// Check a pack folder and print every problem with its file and line
    Lint { folder: PathBuf },
    /// Write a pack folder as one exchange archive (.mpack) carrying its hash
    Export { folder: PathBuf, archive: PathBuf },
    /// Check an archive byte for byte and unpack it into a new folder
    Import { archive: PathBuf, folder: PathBuf },
    /// What was added, removed or changed between two versions (folders or archives)
    Diff { old: PathBuf, new: PathBuf },
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
            office,
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
                    office,
                    manager: None,
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
        Command::Certification(CertificationCommand::Validity { months }) => {
            let (api, _) = open(cli.db)?;
            api.set_validity_months(&Caller::LocalOperator, months, now)?;
            println!("new certifications are valid {months} months");
        }
        Command::Audit(AuditCommand::Verify) => {
            if let Some(p) = cli.db.as_ref().filter(|p| !p.exists()) {
                bail!("there is no database at {}", p.display());
            }
            let (api, path) = open(cli.db)?;
            let report = api.verify_audit(&Caller::LocalOperator)?;
            match report.first_broken {
                None => println!(
                    "{}: audit chain intact, {} row(s); head {}",
                    path.display(),
                    report.rows,
                    report.head.as_deref().unwrap_or("(empty)")
                ),
                Some(b) => bail!(
                    "{}: audit chain broken at row {} ({}): {}",
                    path.display(),
                    b.seq,
                    b.id,
                    b.problem
                ),
            }
        }
        Command::Hr(cmd) => {
            let (api, _) = open(cli.db)?;
            hr::run(&api, cmd)?;
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
        Command::Pack(PackCommand::Export { folder, archive }) => {
            let files = mastery_packs::PackFiles::read_dir(&folder)?;
            let (pack, problems) = mastery_packs::Pack::lint(&files);
            let Some(pack) = pack else {
                bail!(
                    "{} has no readable pack.toml; run `mastery pack lint` on it",
                    folder.display()
                );
            };
            let errors = problems
                .iter()
                .filter(|p| p.severity == mastery_packs::Severity::Error)
                .count();
            if errors > 0 && pack.status == mastery_packs::PackStatus::Published {
                bail!("the pack says it is published but has {errors} error(s); run `mastery pack lint` on it");
            }
            let bytes = mastery_packs::archive::write(&files, &pack.id, &pack.version)?;
            write_new(&archive, &bytes)?;
            println!(
                "wrote {} ({} files, {} bytes, pack {} {}, hash {})",
                archive.display(),
                files.0.len(),
                bytes.len(),
                pack.id,
                pack.version,
                files.content_hash()
            );
        }
        Command::Pack(PackCommand::Import { archive, folder }) => {
            let bytes = std::fs::read(&archive)
                .with_context(|| format!("reading {}", archive.display()))?;
            // Progress on a terminal: one line, rewritten every tenth.
            let (record, files) = mastery_packs::archive::read(&bytes, |done, total| {
                if done == total || done % (total / 10).max(1) == 0 {
                    eprint!("\rchecked {done}/{total} files");
                }
            })
            .map_err(|e| anyhow::anyhow!("\n{}: {e}", archive.display()))?;
            eprintln!();
            unpack(&files, &folder)?;
            println!(
                "unpacked pack {} {} ({} files, hash {}) into {}",
                record.pack_id,
                record.version,
                files.0.len(),
                record.content_hash,
                folder.display()
            );
        }
        Command::Pack(PackCommand::Diff { old, new }) => {
            let (a, b) = (pack_at(&old)?, pack_at(&new)?);
            let diff = mastery_packs::diff(&a, &b);
            for d in &diff {
                let sign = match d.change {
                    mastery_packs::Change::Added => '+',
                    mastery_packs::Change::Removed => '-',
                    mastery_packs::Change::Changed => '~',
                };
                println!("{sign} {} {}", d.what, d.id);
            }
            println!(
                "{} {} → {} {}: {} difference(s)",
                a.id,
                a.version,
                b.id,
                b.version,
                diff.len()
            );
        }
    }
    Ok(())
}

/// A pack from a folder or an archive; problems are reported, not fatal,
/// as long as the manifest can be read.
fn pack_at(path: &std::path::Path) -> Result<mastery_packs::Pack> {
    let files = if path.is_dir() {
        mastery_packs::PackFiles::read_dir(path)?
    } else {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        mastery_packs::archive::read(&bytes, |_, _| {})
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            .1
    };
    mastery_packs::Pack::lint(&files)
        .0
        .with_context(|| format!("{} has no readable pack.toml", path.display()))
}

/// Writes a file that must not exist yet.
fn write_new(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("creating {} (it must not exist yet)", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))
}

/// Unpacks into a new folder: everything goes into a temporary folder
/// beside it, which is renamed into place only when complete.
fn unpack(files: &mastery_packs::PackFiles, folder: &std::path::Path) -> Result<()> {
    if folder.exists() {
        bail!(
            "{} already exists; import into a new folder",
            folder.display()
        );
    }
    let parent = folder
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".mastery-import-")
        .tempdir_in(parent)
        .with_context(|| format!("creating a temporary folder in {}", parent.display()))?;
    for (path, bytes) in &files.0 {
        let target = tmp.path().join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
    }
    let tmp = tmp.keep();
    std::fs::rename(&tmp, folder)
        .with_context(|| format!("moving the pack into {}", folder.display()))?;
    Ok(())
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}
