//! A demo learner signs in, sees the 12 catalogue entries with the right
//! open/completed/locked state, switches to French, signs out; then a wrong
//! password and an unknown user get the same error.

use crate::harness::App;

/// The demo learner: completed Putting Clients First Level 1 (see
/// `crates/api/src/demo.rs`).
const LEARNER: &str = "amelie";
const PASSWORD: &str = "mastery-demo-2026";
/// The French titles of the first two lessons of clients-l2 (courses/).
const LESSON_1_FR: &str = "Analyser un dossier du point de vue du client";
const LESSON_2_FR: &str = "Recouvrer un trop-payé de façon équitable";

fn expected_state(course: &str) -> &'static str {
    match course {
        "clients-l1" => "completed",
        "clients-l2" | "colleagues-l1" | "communities-l1" | "staff-l1" => "open",
        _ => "locked",
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn learner_catalogue_language_and_sign_in_errors() {
    let app = App::start("catalogue").await;

    // Sign in as the demo learner.
    app.find("#sign-in-form").await;
    app.wait_text("#sign-in-title", "Sign in").await;
    app.type_into("#username", LEARNER).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;

    // The catalogue: 4 tracks × 3 levels with their lock state.
    app.wait_text("#catalogue-title", "My certification program")
        .await;
    let cards = app.wait_count("[data-course-id]", 12).await;
    let mut seen = vec![];
    for card in &cards {
        let id = card
            .attr("data-course-id")
            .await
            .expect("attr")
            .expect("course id");
        let state = card.attr("data-state").await.expect("attr").expect("state");
        assert_eq!(state, expected_state(&id), "state of {id}");
        seen.push(id);
    }
    seen.sort();
    let mut want: Vec<String> = ["clients", "colleagues", "communities", "staff"]
        .iter()
        .flat_map(|t| (1..=3).map(move |l| format!("{t}-l{l}")))
        .collect();
    want.sort();
    assert_eq!(seen, want);
    assert_eq!(app.all("section.track").await.len(), 4);
    let requires = app.text("[data-course-id='clients-l3'] .requires").await;
    assert_eq!(
        requires,
        "Complete first: Putting Clients First — Mastery Level 2"
    );
    assert_eq!(app.text("[data-stat='completed']").await, "1");
    assert_eq!(app.text("[data-stat='open']").await, "4");
    assert_eq!(app.text("[data-stat='locked']").await, "7");
    assert_eq!(
        app.text("section.track.home h2").await,
        "Putting Clients First"
    );
    app.screenshot("catalogue-en").await;
    let memory = app.memory_report();
    eprintln!("after sign-in, {memory}");
    let _ = std::fs::write(
        crate::harness::screenshot_dir().join("memory-after-sign-in.txt"),
        &memory,
    );

    // Security lives in the backend: a learner calling an administrator's
    // command straight over IPC is refused with `forbidden`, and a core
    // plugin command outside the capability file is refused by Tauri.
    let refused = app.invoke_error("list_users").await;
    assert_eq!(refused["code"], "forbidden", "{refused}");
    let plugin = app.invoke_error("plugin:app|version").await;
    assert!(plugin.to_string().contains("not allowed"), "{plugin}");

    // The whole interface switches to French, course text included.
    app.click("button[data-lang='fr']").await;
    app.wait_text("#catalogue-title", "Mon programme de certification")
        .await;
    // The choice is saved to the profile before anything else happens.
    app.find(".lang-switch[aria-busy='false']").await;
    assert_eq!(app.text("#sign-out").await, "Se déconnecter");
    assert_eq!(
        app.text("[data-nav='nav-catalogue']").await,
        "Mon programme"
    );
    assert_eq!(
        app.text("section.track.home h2").await,
        "Priorité aux clients"
    );
    let pill = app.text("[data-course-id='clients-l3'] .pill").await;
    assert!(pill.ends_with("Verrouillé"), "{pill:?}");
    assert_eq!(
        app.text("[data-course-id='clients-l1'] h3").await,
        "Priorité aux clients — Niveau de maîtrise 1"
    );
    app.screenshot("catalogue").await;

    // An open course: its lessons, then a lesson, in French.
    app.click("[data-open-course='clients-l2']").await;
    app.wait_text(
        "#course-title",
        "Priorité aux clients — Niveau de maîtrise 2",
    )
    .await;
    app.wait_count("[data-lesson]", 4).await;
    assert!(app
        .text("#check-facts")
        .await
        .contains("note de passage 80 %"));
    app.click("[data-lesson='clients-l2/01-analysing-a-case']")
        .await;
    app.wait_text("#lesson-title", LESSON_1_FR).await;
    // The kicker is shown in capitals by CSS; WebDriver reports it so.
    assert_eq!(
        app.text(".lesson .level").await.to_lowercase(),
        "leçon 1 sur 4"
    );
    app.find(".prose blockquote").await;
    app.screenshot("lesson").await;
    // "Next" counts the lesson read (issue 14: reading every lesson with
    // "Next" used to leave "Read every lesson" unmet).
    app.click("#next-lesson").await;
    app.wait_text("#lesson-title", LESSON_2_FR).await;
    app.click("#back-to-course").await;
    app.wait_count(
        "[data-lesson='clients-l2/01-analysing-a-case'] [data-done='true']",
        1,
    )
    .await;
    app.click("#back-to-catalogue").await;
    app.wait_count("[data-course-id]", 12).await;
    // No button opens a locked course.
    assert!(app.all("[data-open-course='clients-l3']").await.is_empty());

    // Sign out: back to the sign-in screen, still in French.
    app.click("#sign-out").await;
    app.wait_text("#sign-in-title", "Connexion").await;

    // A wrong password and an unknown user get the same message.
    app.type_into("#username", LEARNER).await;
    app.type_into("#password", "not-the-right-password").await;
    app.click("#sign-in-submit").await;
    app.wait_text(
        "#sign-in-error",
        "Le nom d'utilisateur ou le mot de passe est incorrect.",
    )
    .await;
    let code = app
        .find("#sign-in-error")
        .await
        .attr("data-code")
        .await
        .expect("attr");
    assert_eq!(code.as_deref(), Some("invalid_credentials"));
    app.screenshot("sign-in-error").await;
    app.type_into("#username", "nobody-by-this-name").await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.wait_text(
        "#sign-in-error",
        "Le nom d'utilisateur ou le mot de passe est incorrect.",
    )
    .await;

    // The learner's language choice was saved to her profile.
    app.type_into("#username", LEARNER).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.wait_text("#catalogue-title", "Mon programme de certification")
        .await;

    app.stop().await;
}
