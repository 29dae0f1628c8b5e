//! HR in the window, against the real SCIM peer: the administrator
//! connects and tests the connection, previews and applies the roster
//! from HR; after a manager approves a certification, "Send now" delivers
//! it and the HR server holds it.

use crate::harness::App;
use crate::peer;
use serde_json::{json, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const TRAINING: &str = "urn:mastery:params:scim:schemas:extension:training:2.0:User";

fn client() -> reqwest::Client {
    mastery_hr::install_crypto_provider();
    reqwest::Client::new()
}

/// HR holds Sophie and Amélie as the demo has them, and two newcomers.
async fn seed(scim: &peer::Scim) {
    let sophie = scim
        .create(
            "/Users",
            json!({"userName": "100010", "displayName": "Sophie Tremblay",
                "preferredLanguage": "fr-CA", "userType": "staff",
                ENTERPRISE: {"employeeNumber": "100010", "department": "riverside"}}),
        )
        .await;
    for (number, name, lang, track) in [
        ("200101", "Amélie Roy", "en-CA", "clients"),
        ("300001", "Nora Haddad", "en-CA", "clients"),
        ("300002", "Tomás Reyes", "fr-CA", "communities"),
    ] {
        scim.create(
            "/Users",
            json!({"userName": number, "displayName": name, "preferredLanguage": lang,
                "userType": track,
                ENTERPRISE: {"employeeNumber": number, "department": "riverside",
                             "manager": {"value": sophie}}}),
        )
        .await;
    }
}

async fn amelie_at_hr(scim: &peer::Scim) -> Value {
    let v: Value = client()
        .get(format!(
            "{}/Users?filter=userName%20eq%20%22200101%22",
            scim.url()
        ))
        .bearer_auth(peer::TOKEN)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("json");
    v["Resources"][0].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_administrator_connects_imports_and_sees_a_certification_reach_hr() {
    let scim = peer::Scim::start();
    seed(&scim).await;
    let app = App::start("hr").await;

    app.sign_in_as("admin").await;
    app.click("[data-nav='nav-hr']").await;
    app.find("#hr-connection-form").await;
    app.click("#hr-mode-scim").await;
    app.type_into("#hr-base-url", &scim.url()).await;
    app.type_into("#hr-token", peer::TOKEN).await;
    app.click("#hr-save").await;
    app.find("#hr-saved").await;
    // The token is never shown back.
    let html: String = app
        .script("return document.body.innerHTML")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!html.contains(peer::TOKEN), "the token is write-only");
    app.click("#hr-test").await;
    app.wait_contains("#hr-test-result", "4 people, 3 with a manager")
        .await;
    app.wait_contains("#hr-test-result", "extension: present")
        .await;

    app.click("#roster-preview-scim").await;
    app.wait_count("#roster-preview [data-count='added'] dd", 1)
        .await;
    app.wait_text("#roster-preview [data-count='added'] dd", "2")
        .await;
    app.script("document.getElementById('roster-preview').scrollIntoView(); return true")
        .await;
    app.screenshot("hr-preview").await;
    app.click("#roster-apply").await;
    app.find("#roster-applied").await;
    app.wait_text("#roster-applied [data-count='added'] dd", "2")
        .await;

    // Amélie asks for Level 1; Sophie approves.
    app.sign_in_as("amelie").await;
    app.click("[data-nav='nav-certification']").await;
    app.click("#request-clients-1").await;
    app.wait_count("#cert-clients-1[data-status='requested']", 1)
        .await;
    app.sign_in_as("sophie").await;
    app.click("[data-nav='nav-approvals']").await;
    let card = "article.pending[data-person='Amélie Roy']";
    app.wait_count(card, 1).await;
    app.click(&format!("{card} [data-approve]")).await;
    app.wait_count(card, 0).await;

    // The administrator sends it now; HR holds it.
    app.sign_in_as("admin").await;
    app.click("[data-nav='nav-hr']").await;
    app.click("#hr-sync").await;
    app.find("#hr-sync-result").await;
    app.wait_script(
        "return Number(document.querySelector(\"#hr-delivery-counts [data-count='delivered'] dd\")?.textContent) >= 1",
        "a delivery counted",
    )
    .await;
    app.script("document.getElementById('hr-status-title').scrollIntoView(); return true")
        .await;
    app.screenshot("hr-status").await;
    let amelie = amelie_at_hr(&scim).await;
    let ext = &amelie[TRAINING];
    assert_eq!(ext["sequence"], json!(1), "{amelie}");
    assert_eq!(ext["certifications"][0]["track"], json!("clients"));
    assert_eq!(ext["certifications"][0]["status"], json!("certified"));
    app.stop().await;
}
