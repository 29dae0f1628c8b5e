//! The Mastery desktop shell: opens the database, then runs a Tauri window
//! hosting the Yew UI (`ui/dist`, embedded at build time).
//!
//! Start-up options (flags, or environment variables for tests):
//! - `--db PATH` / `MASTERY_DB`: the database file (default: the user's
//!   data folder, see `mastery_api::default_db_path`);
//! - `--demo` / `MASTERY_DEMO=1`: on a database with no account, seed the
//!   demo organization. Without it a new database opens on the screen that
//!   creates the first administrator. Debug builds only: the demo accounts
//!   share a published password, so a release build never seeds them (the
//!   `mastery demo` command stays available to an operator who asks).
//!
//! Business rules are not here: every command is an adapter to `mastery-api`.

mod commands;
mod guard;

use chrono::Utc;
use commands::AppState;
use mastery_api::{Api, ApiError, Caller, ErrorCode};
use std::path::PathBuf;
use tauri::{Builder, Manager, Runtime};

/// How the app was asked to start.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct StartOptions {
    pub db: Option<PathBuf>,
    pub demo: bool,
}

impl StartOptions {
    /// Reads flags, then environment variables; unknown arguments are ignored
    /// (desktop launchers and WebDriver may add their own).
    pub fn from_args(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> StartOptions {
        let mut o = StartOptions {
            db: env("MASTERY_DB")
                .filter(|s| !s.is_empty())
                .map(PathBuf::from),
            demo: env("MASTERY_DEMO").is_some_and(|v| v == "1" || v == "true"),
        };
        let mut args = args.into_iter().skip(1);
        while let Some(a) = args.next() {
            match a.as_str() {
                "--demo" => o.demo = true,
                "--db" => o.db = args.next().map(PathBuf::from),
                _ => {}
            }
        }
        o
    }
}

/// Opens the database, loads the shipped pack and (if asked) seeds the demo.
/// An error here does not stop the window: the UI shows it on its first call.
pub fn start(options: &StartOptions) -> Result<Api, ApiError> {
    let path = match &options.db {
        Some(p) => p.clone(),
        None => mastery_api::default_db_path().ok_or_else(|| {
            ApiError::new(
                ErrorCode::Storage,
                "no data folder for this user; start with --db PATH",
            )
        })?,
    };
    let api = Api::open(&path)?;
    let now = Utc::now();
    match api.load_shipped_pack(now) {
        Ok(load) => eprintln!("mastery: {}", String::from(load)),
        // A changed pack under an old version number must not stop the app:
        // the stored (immutable) version stays in use.
        Err(e) if e.code == ErrorCode::Conflict => eprintln!("mastery: warning: {}", e.message),
        Err(e) => return Err(e),
    }
    if options.demo && !cfg!(debug_assertions) {
        eprintln!(
            "mastery: --demo is ignored in a release build; use `mastery demo` on a test database"
        );
    } else if options.demo && api.setup_status()?.needs_first_admin {
        let s = api.seed_demo(&Caller::LocalOperator, now)?;
        eprintln!(
            "mastery: seeded the demo organization ({} accounts)",
            s.accounts
        );
    }
    eprintln!("mastery: database {}", path.display());
    Ok(api)
}

/// Runs the app with a given builder (the real one, or a mock in tests).
pub fn run_app<R: Runtime>(builder: Builder<R>, state: AppState) -> tauri::Result<()> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::session::setup_status,
            commands::session::create_first_admin,
            commands::session::sign_in,
            commands::session::sign_out,
            commands::session::current_session,
            commands::session::set_language,
            commands::learning::catalogue,
            commands::learning::course_outline,
            commands::learning::lesson,
            commands::learning::mark_lesson_done,
            commands::learning::save_lesson_position,
            commands::learning::quiz_status,
            commands::learning::start_quiz,
            commands::learning::save_answer,
            commands::learning::submit_quiz,
            commands::learning::abandon_quiz,
            commands::learning::self_assessment,
            commands::learning::submit_self_assessment,
            commands::accounts::list_users,
            commands::accounts::add_user,
            commands::accounts::unlock_account,
            commands::accounts::offices,
            commands::assignments::form_team,
            commands::coaching::record_observation,
            commands::coaching::my_observations,
            commands::team::due_courses,
            commands::team::my_team,
            commands::team::pair_coach,
            commands::team::end_pairing,
            commands::team::assign_course,
            commands::assignments::assignments,
            commands::assignments::submit_assignment,
            commands::assignments::review_queue,
            commands::assignments::review_submission,
            commands::coaching::coach_home,
            commands::coaching::log_coaching,
            commands::coaching::learner_coaching,
            commands::coaching::my_coaching,
            commands::coaching::respond_to_coaching,
            commands::design::designer_home,
            commands::design::draft_tree,
            commands::design::draft_file,
            commands::design::check_edit,
            commands::design::save_edit,
            commands::design::discard_draft,
            commands::design::publish_pack,
            commands::design::diff_versions,
            commands::design::export_pack,
            commands::design::import_pack,
            commands::design::pack_progress,
            commands::certification::my_certifications,
            commands::certification::request_certification,
            commands::certification::approval_home,
            commands::certification::decide_certification,
            commands::certification::delegate_approvals,
            commands::certification::certification_admin,
            commands::certification::revoke_certification,
            commands::certification::verify_audit,
            commands::certification::download_certificate,
            commands::certification::download_credential,
            commands::certification::verify_credential,
            commands::certification::set_validity_months,
            commands::links::open_link,
            commands::hr::hr_status,
            commands::hr::set_hr_settings,
            commands::hr::test_hr_connection,
            commands::hr::preview_roster_upload,
            commands::hr::preview_roster_scim,
            commands::hr::apply_roster,
            commands::hr::sync_hr_now,
            commands::hr::hr_progress,
            commands::hr::reconcile_hr,
            commands::hr::realign_hr,
            commands::hr::new_activation_codes,
            commands::hr::export_hr_status,
            commands::hr::export_activation_codes,
            commands::hr::activate_account,
            commands::classes::classes_home,
            commands::classes::class_detail,
            commands::classes::schedule_class,
            commands::classes::enrol_in_class,
            commands::classes::withdraw_from_class,
            commands::classes::cancel_class,
            commands::classes::mark_attendance,
            commands::classes::invite_to_class,
            commands::team::org_dashboard,
            commands::classes::export_item_analysis,
            commands::classes::answer_survey,
            commands::classes::decline_survey,
            commands::classes::survey_results,
            commands::classes::item_analysis,
            commands::classes::export_survey_results,
        ])
        .setup(|app| {
            // Status changes go to HR while the app runs (and what a crash
            // left waiting goes at start).
            if let Ok(api) = app.state::<AppState>().api() {
                commands::hr::spawn_worker(api);
            }
            // The window is made here, not from the configuration alone, so
            // that its webview carries the navigation guard from its first page.
            let config = app
                .config()
                .app
                .windows
                .first()
                .cloned()
                .ok_or("tauri.conf.json declares no window")?;
            tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
                .on_navigation(guard::allowed)
                .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
}

pub fn run() {
    let options = StartOptions::from_args(std::env::args(), |k| std::env::var(k).ok());
    let api = start(&options);
    if let Err(e) = &api {
        eprintln!("mastery: {e}");
    }
    if let Err(e) = run_app(tauri::Builder::default(), AppState::new(api)) {
        eprintln!("mastery: the window could not run: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_from_flags_and_env() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let none = |_: &str| None;
        assert_eq!(
            StartOptions::from_args(args(&["app"]), none),
            StartOptions::default()
        );
        let o = StartOptions::from_args(
            args(&["app", "--demo", "--db", "/tmp/x.sqlite3", "--unknown"]),
            none,
        );
        assert_eq!(
            o,
            StartOptions {
                db: Some("/tmp/x.sqlite3".into()),
                demo: true
            }
        );
        let env = |k: &str| match k {
            "MASTERY_DB" => Some("/data/m.sqlite3".to_string()),
            "MASTERY_DEMO" => Some("1".to_string()),
            _ => None,
        };
        assert_eq!(
            StartOptions::from_args(args(&["app"]), env),
            StartOptions {
                db: Some("/data/m.sqlite3".into()),
                demo: true
            }
        );
    }

    #[test]
    fn start_reports_a_file_that_is_not_a_database() {
        let dir = tempfile_dir();
        let path = dir.join("not-a-db.sqlite3");
        std::fs::write(&path, b"these are my notes, not a database").expect("write");
        let err = start(&StartOptions {
            db: Some(path.clone()),
            demo: true,
        })
        .err()
        .expect("refused");
        assert_eq!(err.code, ErrorCode::NotADatabase);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            b"these are my notes, not a database"
        );
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("mastery-desktop-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }
}
