//! Certification in the window: a learner with the evidence requests Level
//! 1, her manager returns it with a reason she then reads, she asks again,
//! the manager approves; the administrator checks the audit chain.

use crate::harness::App;

const PASSWORD: &str = "mastery-demo-2026";
const REASON: &str = "Please add one phone-line coaching session before I approve.";

async fn sign_in_as(app: &App, who: &str) {
    if !app.all("#sign-out").await.is_empty() {
        app.click("#sign-out").await;
    }
    app.type_into("#username", who).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.find("#sign-out").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_is_returned_with_a_reason_then_approved() {
    let app = App::start("certification").await;

    // Amélie completed Putting Clients First, Level 1: she may request it.
    sign_in_as(&app, "amelie").await;
    app.click("[data-nav='nav-certification']").await;
    app.wait_count("#cert-clients-1[data-status='eligible']", 1)
        .await;
    app.wait_count("#cert-clients-2[data-status='not_started']", 1)
        .await;
    app.wait_contains("#cert-clients-2", "Level 1 of this track certified")
        .await;
    app.click("#request-clients-1").await;
    app.wait_count("#cert-clients-1[data-status='requested']", 1)
        .await;
    app.find("#cert-pending-clients-1").await;
    app.screenshot("certification-requested").await;

    // Sophie, her manager, sees the request with its evidence and returns it.
    sign_in_as(&app, "sophie").await;
    app.click("[data-nav='nav-approvals']").await;
    let card = "article.pending[data-person='Amélie Roy']";
    app.wait_count(card, 1).await;
    // Sophie works in French.
    app.wait_contains(&format!("{card} .evidence"), "formation antérieure")
        .await;
    app.screenshot("approvals").await;
    app.click(&format!("{card} [data-return]")).await;
    // Returning needs a reason: refused until one is given.
    app.wait_count(&format!("{card} .error"), 1).await;
    app.type_into(&format!("{card} textarea"), REASON).await;
    app.click(&format!("{card} [data-return]")).await;
    app.wait_count(card, 0).await;

    // Amélie reads the reason and asks again.
    sign_in_as(&app, "amelie").await;
    app.click("[data-nav='nav-certification']").await;
    app.wait_count("#cert-clients-1[data-status='returned']", 1)
        .await;
    app.wait_contains("#cert-returned-clients-1", REASON).await;
    app.wait_contains("#cert-returned-clients-1", "Sophie Tremblay")
        .await;
    app.screenshot("certification-returned").await;
    app.click("#request-clients-1").await;
    app.wait_count("#cert-clients-1[data-status='requested']", 1)
        .await;

    // Sophie approves.
    sign_in_as(&app, "sophie").await;
    app.click("[data-nav='nav-approvals']").await;
    app.wait_count(card, 1).await;
    app.click(&format!("{card} [data-approve]")).await;
    app.wait_count(card, 0).await;

    // Amélie is certified, with an expiry three years out and a code.
    sign_in_as(&app, "amelie").await;
    app.click("[data-nav='nav-certification']").await;
    app.wait_count("#cert-clients-1[data-status='certified']", 1)
        .await;
    app.wait_contains("#cert-valid-clients-1", "Certified until")
        .await;
    app.wait_contains("#cert-valid-clients-1", "MST-").await;
    app.wait_count("#cert-clients-1 li[data-period]", 1).await;
    app.screenshot("certification-certified").await;

    // The administrator checks the audit chain: four acts, intact.
    sign_in_as(&app, "admin").await;
    app.click("[data-nav='nav-cert-admin']").await;
    app.click("#verify-audit").await;
    app.wait_contains("#audit-result", "The chain is intact: 4 rows")
        .await;
    app.wait_count("#audit-rows tbody tr", 4).await;
    app.script("document.querySelector('#audit-title').scrollIntoView(); return true;")
        .await;
    app.screenshot("audit").await;
    app.stop().await;
}
