//! A manager sees the coach paired with one of their staff across offices,
//! pairs another coach, and ends that pairing.

use crate::harness::App;

const PASSWORD: &str = "mastery-demo-2026";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_pairs_a_coach_with_one_of_their_staff_and_ends_it() {
    let app = App::start("pairing").await;
    app.find("#sign-in-form").await;
    app.type_into("#username", "rajinder").await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.find("[data-testid='who']").await;
    app.click("[data-nav='nav-team']").await;
    // The demo's pairing: Marc-André (Riverside) coaches Chloé.
    app.wait_count("#pairings tbody tr", 1).await;
    app.wait_contains("#pairings", "Marc-André Gagnon").await;
    app.wait_contains("#pairings", "Chloé Bergeron").await;

    app.click("#pair-learner option[data-name='Kwame Mensah']")
        .await;
    app.click("#pair-coach option[data-name='Sophie Tremblay']")
        .await;
    app.click("#pair-submit").await;
    app.wait_count("#pairings tbody tr", 2).await;
    app.wait_contains("#pairings", "Kwame Mensah").await;
    app.scroll_to_top().await;
    app.script("document.querySelector('#pairings-title').scrollIntoView(); return true;")
        .await;
    app.screenshot("team-pairings").await;

    // Ending it: the row stays, marked ended.
    app.click("#pairings tbody tr:last-child button").await;
    app.wait_contains("#pairings tbody tr:last-child", "Ended")
        .await;
    app.stop().await;
}
