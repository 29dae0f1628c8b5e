//! A brand-new database opens on the screen that creates the first
//! administrator, who then adds an account; a file that is not a database
//! gets a clear message and is left untouched.

use crate::harness::{App, Start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_administrator_then_a_new_account() {
    let app = App::start_with("setup", Start::Empty).await;

    app.wait_text("#setup-title", "Set up Mastery").await;
    app.type_into("#organization", "Agence des services de l'Estuaire")
        .await;
    app.type_into("#display-name", "Nadia Haddad").await;
    app.type_into("#employee-number", "500001").await;
    app.type_into("#new-username", "nadia.haddad").await;
    app.type_into("#new-password", "the river runs east").await;
    app.type_into("#confirm-password", "the river runs west")
        .await;
    app.click("#setup-submit").await;
    app.wait_text("#setup-form .error", "The two passwords are not the same.")
        .await;
    app.type_into("#confirm-password", "the river runs east")
        .await;
    app.click("#setup-submit").await;

    // The administrator lands on the accounts page, signed in.
    app.wait_text("[data-testid='who']", "Nadia Haddad").await;
    app.wait_text(".accounts h1", "Accounts").await;
    assert_eq!(
        app.text(".brand-org").await,
        "Agence des services de l'Estuaire"
    );
    app.wait_count("tr[data-username]", 1).await;

    // A password that is too short is refused with the reason; nothing is added.
    app.type_into("#au-employee-number", "500002").await;
    app.type_into("#au-name", "Olivier Paquette").await;
    app.type_into("#au-username", "olivier").await;
    app.type_into("#au-password", "short").await;
    app.click("#add-user-form button[type='submit']").await;
    app.wait_text(
        "#add-user-form .error",
        "The password must have at least 10 characters.",
    )
    .await;
    assert_eq!(app.all("tr[data-username]").await.len(), 1);

    app.type_into("#au-password", "lighthouse keeper 7").await;
    app.click("#role-coach").await;
    app.click("#add-user-form button[type='submit']").await;
    app.wait_text("#add-user-form .ok", "Olivier Paquette can now sign in.")
        .await;
    app.wait_count("tr[data-username]", 2).await;
    let roles = app.text("tr[data-username='olivier'] td:last-child").await;
    assert_eq!(roles, "Learner, Coach");
    app.scroll_to_top().await;
    app.screenshot("accounts").await;

    // The new person signs in.
    app.click("#sign-out").await;
    app.type_into("#username", "olivier").await;
    app.type_into("#password", "lighthouse keeper 7").await;
    app.click("#sign-in-submit").await;
    app.wait_text("#catalogue-title", "My certification program")
        .await;
    app.wait_count("[data-course-id]", 12).await;
    eprintln!("after a learner's sign-in, {}", app.memory_report());

    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_that_is_not_a_database_is_reported_and_kept() {
    let notes = b"Team notes: coaching sessions moved to Thursday.\n".repeat(100);
    let app = App::start_with("not-a-db", Start::ExistingFile(notes.clone())).await;
    app.wait_text("[role='alert'] h1", "Mastery could not open its data")
        .await;
    let text = app.text("[role='alert']").await;
    assert!(
        text.contains("The data file is not a Mastery database. It was left untouched."),
        "{text}"
    );
    app.screenshot("startup-error").await;
    let kept = std::fs::read(app.data_dir.join("mastery.sqlite3")).expect("file still there");
    assert_eq!(kept, notes);
    app.stop().await;
}
