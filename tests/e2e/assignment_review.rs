//! A learner submits a Level 2 assignment with an attachment, the coach
//! returns it with rubric scores and comments, the learner resubmits, the
//! coach accepts.

use crate::harness::App;

const LEARNER: &str = "amelie";
const COACH: &str = "marc";
const PASSWORD: &str = "mastery-demo-2026";

async fn sign_in(app: &App, who: &str) {
    app.type_into("#username", who).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.find("[data-testid='who']").await;
}

async fn open_assignments(app: &App) {
    app.click("[data-open-course='clients-l2']").await;
    app.click("#open-assignments").await;
    app.find("[data-assignment='a1']").await;
}

/// Scores every criterion of the first submission in the queue.
async fn score_all(app: &App, score: u8) -> String {
    let card = app.find("#review-queue article.review-card").await;
    let id = card
        .attr("data-submission")
        .await
        .ok()
        .flatten()
        .expect("submission id");
    let criteria = app
        .all("#review-queue article.review-card fieldset.criterion")
        .await;
    assert!(criteria.len() >= 4, "the rubric's criteria are shown");
    for c in criteria {
        let cid = c
            .attr("data-criterion")
            .await
            .ok()
            .flatten()
            .expect("criterion");
        app.click(&format!("[id='{id}-{cid}-{score}']")).await;
    }
    id
}

async fn coach_page(app: &App) {
    app.click("[data-nav='nav-coaching']").await;
    app.find("#review-queue").await;
    if app.text(".coaching h1").await != "Coaching" {
        app.click("button[data-lang='en']").await;
        app.wait_text(".coaching h1", "Coaching").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_assignment_is_returned_resubmitted_and_accepted() {
    let app = App::start("assignment").await;
    app.find("#sign-in-form").await;
    sign_in(&app, LEARNER).await;
    open_assignments(&app).await;
    app.wait_count(
        "[data-assignment='a1'] [data-status='assignment-not-started']",
        1,
    )
    .await;
    app.type_into(
        "#body-a1",
        "Client A: refused on day 21 for insufficient hours; four calls; reversed on day 47.",
    )
    .await;
    let attachment = app.data_dir().join("timeline.txt");
    std::fs::write(
        &attachment,
        "day 1 application\nday 21 refusal\nday 47 reversal\n",
    )
    .expect("write");
    app.send_keys("#files-a1", &attachment.to_string_lossy())
        .await;
    app.click("[data-submit='a1']").await;
    app.wait_count(
        "[data-assignment='a1'] [data-status='assignment-submitted']",
        1,
    )
    .await;
    app.wait_contains("[data-assignment='a1'] .files", "timeline.txt")
        .await;

    // The coach returns it with low scores and a comment.
    app.click("#sign-out").await;
    sign_in(&app, COACH).await;
    coach_page(&app).await;
    score_all(&app, 1).await;
    app.type_into(
        "#review-queue textarea",
        "Name the employer whose record was missing, and measure repeat calls.",
    )
    .await;
    app.click("#review-queue [data-return]").await;
    app.find("#queue-empty").await;

    // The learner reads the review and resubmits.
    app.click("#sign-out").await;
    sign_in(&app, LEARNER).await;
    open_assignments(&app).await;
    app.wait_count(
        "[data-assignment='a1'] [data-status='assignment-returned']",
        1,
    )
    .await;
    app.wait_contains(
        "[data-assignment='a1'] [data-review='returned']",
        "Name the employer",
    )
    .await;
    app.type_into("#body-a1", "Revised: Employer B's record of employment was missing; repeat calls fell from 4 to 1 in my test.")
        .await;
    app.click("[data-submit='a1']").await;
    app.wait_count(
        "[data-assignment='a1'] [data-status='assignment-submitted']",
        1,
    )
    .await;

    // The coach accepts the revision.
    app.click("#sign-out").await;
    sign_in(&app, COACH).await;
    coach_page(&app).await;
    app.wait_contains("#review-queue article.review-card", "Revised:")
        .await;
    score_all(&app, 3).await;
    app.scroll_to_top().await;
    app.screenshot("review").await;
    app.click("#review-queue [data-accept]").await;
    app.find("#queue-empty").await;

    app.click("#sign-out").await;
    sign_in(&app, LEARNER).await;
    open_assignments(&app).await;
    app.wait_count(
        "[data-assignment='a1'] [data-status='assignment-accepted']",
        1,
    )
    .await;
    app.wait_count("[data-assignment='a1'] article.submission", 2)
        .await;
    app.screenshot("assignment-accepted").await;
    app.stop().await;
}
