//! The window never leaves the app: a web link in a lesson asks first and
//! would open in the system's browser, a page script setting
//! `window.location` or opening a window goes nowhere, and nothing answers
//! before sign-in.

use crate::harness::App;

const PASSWORD: &str = "mastery-demo-2026";
const LESSON_FILE: &str = "lessons/clients-l2/01-analysing-a-case.en.md";
const LINK: &str = "https://www.canada.ca/en/employment-social-development.html";

// WebDriver key codes.
const CTRL: &str = "\u{E009}";
const END: &str = "\u{E010}";

/// Is the window still showing the app's own page?
const ON_THE_APP: &str = "return location.protocol === 'tauri:' && location.host === 'localhost' \
     && !!document.querySelector('[data-testid=\"who\"]');";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lesson_links_and_page_scripts_never_take_the_window_away() {
    let app = App::start("navigation").await;
    app.find("#sign-in-form").await;
    // Nothing answers before sign-in, progress polls included.
    let refused = app.invoke_error("pack_progress").await;
    assert_eq!(refused["code"], "not_signed_in", "{refused}");

    app.type_into("#username", "mathieu").await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.find("[data-testid='who']").await;
    app.click("button[data-lang='en']").await;
    app.click("[data-nav='nav-designer']").await;
    app.click("#open-draft").await;
    app.click("details[data-group='clients-l2'] > summary")
        .await;
    app.click(&format!("button[data-path='{LESSON_FILE}']"))
        .await;
    app.wait_contains("#preview", "Analysing a Case").await;

    // A lesson with a link to the web, as learners see it in the preview.
    app.send_keys("#file-text", &format!("{CTRL}{END}")).await;
    app.send_keys(
        "#file-text",
        &format!("\n\nRead [the department's service standards]({LINK})."),
    )
    .await;
    app.wait_count(&format!("#preview a[href='{LINK}']"), 1)
        .await;
    app.click(&format!("#preview a[href='{LINK}']")).await;
    // The address is shown and the person decides; the window stays.
    app.wait_text("#link-confirm-url", LINK).await;
    app.screenshot("link-confirm").await;
    app.wait_script(ON_THE_APP, "the window is still on the app")
        .await;
    app.click("#link-stay").await;
    assert!(app.all("#link-confirm").await.is_empty());

    // A script in the page tries to take the window elsewhere.
    app.script("window.location.href = 'https://example.org/sign-in'; return true;")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    app.wait_script(
        ON_THE_APP,
        "the window is still on the app after window.location",
    )
    .await;
    let opened = app
        .script("return window.open('https://example.org/') === null;")
        .await;
    assert_eq!(opened, serde_json::Value::Bool(true), "no new window");
    app.wait_script(
        ON_THE_APP,
        "the window is still on the app after window.open",
    )
    .await;
    app.stop().await;
}
