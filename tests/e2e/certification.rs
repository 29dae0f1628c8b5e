//! Certification in the window: a learner with the evidence requests Level
//! 1, her manager returns it with a reason she then reads, she asks again,
//! the manager approves; she downloads the PDF certificate and the Open
//! Badges credential and checks it in the app (and a forged copy); the
//! administrator checks the audit chain.

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

    // She downloads the certificate and the credential, and checks the
    // credential in the app: genuine; a copy with her name changed is not.
    app.click("#download-pdf-clients-1").await;
    app.wait_contains("#saved-clients-1", ".pdf").await;
    app.click("#download-credential-clients-1").await;
    app.wait_contains("#saved-clients-1", ".json").await;
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(app.data_dir())
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let pdf = files
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("the PDF was saved");
    assert!(std::fs::read(pdf).expect("pdf").starts_with(b"%PDF-"));
    let credential = files
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("the credential was saved");
    let text = std::fs::read_to_string(credential).expect("credential");
    assert!(text.contains("OpenBadgeCredential") && text.contains("eddsa-rdfc-2022"));
    app.send_keys("#verify-file", &credential.to_string_lossy())
        .await;
    app.wait_count("#verify-result[data-verdict='valid']", 1)
        .await;
    app.wait_contains("#verify-result", "Amélie Roy").await;
    app.script("document.querySelector('#verify-title').scrollIntoView(); return true;")
        .await;
    app.screenshot("credential-verified").await;
    let forged = app.data_dir().join("forged.json");
    std::fs::write(&forged, text.replace("Amélie Roy", "Amelia Royce")).expect("forged copy");
    app.send_keys("#verify-file", &forged.to_string_lossy())
        .await;
    app.wait_count("#verify-result[data-verdict='tampered']", 1)
        .await;
    // A genuine credential signed by someone else's key (issued by the npm
    // implementation) is flagged as such, not shown as this organization's.
    let foreign = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/credentials/tests/fixtures/signed-ob3.json");
    app.send_keys("#verify-file", &foreign.to_string_lossy())
        .await;
    app.wait_count("#verify-result.warn-box #verify-other-issuer", 1)
        .await;
    app.wait_contains("#verify-other-issuer", "did:key:z6Mk")
        .await;
    app.screenshot("credential-other-issuer").await;

    // The administrator shortens the validity of new certifications, then
    // checks the audit chain: the signing key made at first run, four acts
    // on the request and the new setting, intact.
    sign_in_as(&app, "admin").await;
    app.click("[data-nav='nav-cert-admin']").await;
    app.wait_contains("#validity", "36 months").await;
    app.type_into("#validity-months", "24").await;
    app.click("#validity-save").await;
    app.wait_contains("#validity", "24 months").await;
    app.screenshot("certification-admin").await;
    app.click("#verify-audit").await;
    // Six acts here, after the demo's seeded history (15 role grants, a
    // pairing, 2 approvals) and the signing key made at first run.
    app.wait_contains("#audit-result", "The chain is intact: 24 rows")
        .await;
    app.wait_count("#audit-rows tbody tr", 24).await;
    app.script("document.querySelector('#audit-title').scrollIntoView(); return true;")
        .await;
    app.screenshot("audit").await;
    app.stop().await;
}
