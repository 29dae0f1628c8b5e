//! The organization's figures in the window: a manager sees her staff's
//! (completions by month, coaching by driver, certifications by office),
//! an administrator everyone's, in French too.

use crate::harness::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_and_an_administrator_read_the_figures() {
    let app = App::start("dashboard").await;
    app.sign_in_as("sophie").await;
    app.click("[data-nav='nav-dashboard']").await;
    app.find("#dashboard").await;
    app.find("#dashboard svg").await;
    app.screenshot("dashboard-manager").await;
    for section in ["dash-coaching", "dash-certifications"] {
        app.script(&format!(
            "document.getElementById('{section}').scrollIntoView(); return true"
        ))
        .await;
        app.screenshot(&format!("dashboard-manager-{section}"))
            .await;
    }
    app.scroll_to_top().await;
    app.sign_in_as("admin").await;
    app.click("[data-nav='nav-dashboard']").await;
    app.find("#dashboard svg").await;
    app.click("button[data-lang='fr']").await;
    app.wait_script(
        "return document.documentElement.lang === 'fr'",
        "the window in French",
    )
    .await;
    app.screenshot("dashboard-admin-fr").await;
    app.stop().await;
}
