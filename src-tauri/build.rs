//! Generates Tauri's context and one permission per app command, so that
//! `capabilities/default.json` can allow exactly the app's own commands.

const COMMANDS: &[&str] = &[
    "setup_status",
    "create_first_admin",
    "sign_in",
    "sign_out",
    "current_session",
    "set_language",
    "catalogue",
    "course_outline",
    "lesson",
    "mark_lesson_done",
    "save_lesson_position",
    "quiz_status",
    "start_quiz",
    "save_answer",
    "submit_quiz",
    "abandon_quiz",
    "self_assessment",
    "submit_self_assessment",
    "list_users",
    "add_user",
    "form_team",
    "record_observation",
    "my_observations",
    "due_courses",
    "my_team",
    "assign_course",
    "assignments",
    "submit_assignment",
    "review_queue",
    "review_submission",
    "coach_home",
    "log_coaching",
    "learner_coaching",
    "my_coaching",
    "respond_to_coaching",
    "designer_home",
    "draft_tree",
    "draft_file",
    "check_edit",
    "save_edit",
    "discard_draft",
    "publish_pack",
    "diff_versions",
    "export_pack",
    "import_pack",
    "pack_progress",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
