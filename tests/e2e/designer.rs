//! A course designer sees what the previous version showed beside a
//! course's knowledge check, edits a lesson, watches the preview change and a
//! validation error appear and disappear, saves, publishes a new version
//! with change notes, compares it with the old one; a learner then reads
//! the new text.

use crate::harness::App;

const DESIGNER: &str = "mathieu";
const LEARNER: &str = "amelie";
const PASSWORD: &str = "mastery-demo-2026";
const LESSON_FILE: &str = "lessons/clients-l2/01-analysing-a-case.en.md";
const NEW_LINE: &str = "A file read from the client's side shows where the process failed them.";

// WebDriver key codes.
const CTRL: &str = "\u{E009}";
const END: &str = "\u{E010}";
const BACKSPACE: &str = "\u{E003}";

async fn sign_in(app: &App, who: &str) {
    app.type_into("#username", who).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.find("[data-testid='who']").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn designer_edits_previews_validates_publishes_and_learner_sees_it() {
    let app = App::start("designer").await;
    app.find("#sign-in-form").await;
    sign_in(&app, DESIGNER).await;
    // Mathieu works in French; his nav shows the designer's page.
    app.click("[data-nav='nav-designer']").await;
    app.wait_text(".designer h1", "Conception des cours").await;
    app.wait_count("#versions tr[data-version]", 1).await;
    app.click("button[data-lang='en']").await;
    app.wait_text(".designer h1", "Course design").await;

    app.click("#open-draft").await;
    app.wait_text(".editor h1", "Working draft").await;
    // The loop closes here: with clients-l1's knowledge check open, the
    // previous version's survey results (the demo class's five responses)
    // and the check's flagged items sit beside the text.
    app.click("details[data-group='clients-l1'] > summary")
        .await;
    app.click("button[data-path='quizzes/clients-l1.toml']")
        .await;
    app.find("#item-flags-beside").await;
    app.find("#previous-version").await;
    app.wait_contains("#previous-version", "5").await;
    app.screenshot("designer-previous-version").await;
    app.script("document.getElementById('previous-version').scrollIntoView(); return true")
        .await;
    app.screenshot("designer-previous-survey").await;
    app.scroll_to_top().await;
    app.click("details[data-group='clients-l2'] > summary")
        .await;
    app.click(&format!("button[data-path='{LESSON_FILE}']"))
        .await;
    app.wait_contains("#preview", "Analysing a Case from the Client's Side")
        .await;
    app.wait_text("#file-clean", "No problem in this file.")
        .await;

    // Typing at the end: the preview follows.
    // (Each send_keys call ends with every modifier released.)
    app.send_keys("#file-text", &format!("{CTRL}{END}")).await;
    app.send_keys("#file-text", &format!("\n\n{NEW_LINE}"))
        .await;
    app.wait_contains("#preview", NEW_LINE).await;
    app.wait_text("#save-state", "Unsaved changes").await;

    // A picture that is not in the pack: the error appears on its line as
    // it is typed, and goes away when it is deleted.
    let picture = " ![The team's board](images/team-board.png)";
    app.send_keys("#file-text", picture).await;
    app.wait_contains(
        &format!("#file-problems li.problem.error[data-file='{LESSON_FILE}']"),
        "picture \"images/team-board.png\" not found in the pack",
    )
    .await;
    app.wait_contains("#file-problems li.problem.error .where", "line ")
        .await;
    app.screenshot("designer-editor-error").await;
    app.send_keys("#file-text", &BACKSPACE.repeat(picture.chars().count()))
        .await;
    app.wait_text("#file-clean", "No problem in this file.")
        .await;
    app.wait_contains("#preview", NEW_LINE).await;
    app.screenshot("designer-editor").await;

    app.click("#save-draft").await;
    app.wait_text("#save-state", "Saved in the draft").await;

    // Publish 1.1.0 with change notes in both languages.
    app.type_into("#publish-version", "1.1.0").await;
    app.type_into(
        "#notes-en",
        "Lesson 1 of Putting Clients First Level 2 ends with a summary line.",
    )
    .await;
    app.type_into(
        "#notes-fr",
        "La leçon 1 du niveau 2 se termine par une phrase de synthèse.",
    )
    .await;
    app.click("#publish").await;
    app.wait_text(".designer h1", "Course design").await;
    app.wait_count("#versions tr[data-version]", 2).await;
    app.wait_contains(
        "#versions tr[data-version='1.1.0']",
        "ends with a summary line",
    )
    .await;

    // Compare 1.0.0 → 1.1.0: one lesson changed.
    app.click("#diff-from option[value='1.0.0']").await;
    app.click("#diff-to option[value='1.1.0']").await;
    app.click("#compare").await;
    app.wait_contains("#diff-result", "clients-l2/01-analysing-a-case")
        .await;
    app.wait_contains("#diff-result caption", "1 difference")
        .await;
    app.scroll_to_top().await;
    app.screenshot("designer-versions").await;

    // Export 1.1.0, then import that archive back: it checks out and is
    // recognised as the version already stored.
    app.click("#export-version option[value='1.1.0']").await;
    app.click("#export").await;
    app.wait_contains("#export-result", "service-excellence-1.1.0.mpack")
        .await;
    let archive = app.data_dir().join("service-excellence-1.1.0.mpack");
    assert!(archive.is_file(), "{} was written", archive.display());
    app.send_keys("#import-file", &archive.to_string_lossy())
        .await;
    app.click("#import").await;
    app.wait_text("#import-result", "Imported service-excellence 1.1.0")
        .await;
    // A damaged copy is refused with the reason, and nothing changes.
    let mut bytes = std::fs::read(&archive).expect("archive");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    let damaged = app.data_dir().join("damaged.mpack");
    std::fs::write(&damaged, bytes).expect("write");
    app.send_keys("#import-file", &damaged.to_string_lossy())
        .await;
    app.click("#import").await;
    app.wait_contains("#import-result", "This archive cannot be imported")
        .await;
    app.wait_count("#versions tr[data-version]", 2).await;
    app.screenshot("designer-exchange").await;

    // The learner reads the published text.
    app.click("#sign-out").await;
    sign_in(&app, LEARNER).await;
    app.click("[data-open-course='clients-l2']").await;
    app.click("[data-lesson='clients-l2/01-analysing-a-case']")
        .await;
    app.wait_contains(".lesson .prose", NEW_LINE).await;
    // And cannot reach the designer's commands.
    let refused = app.invoke_error("designer_home").await;
    assert_eq!(refused["code"], "forbidden", "{refused}");
    app.stop().await;
}
