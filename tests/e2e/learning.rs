//! A demo learner works through a Level 1 course in the window: lessons
//! marked done (and the course resumes where she stopped), the knowledge
//! check with one wrong answer (feedback, still a pass), and the
//! communication-style self-assessment with its profile and chart.

use crate::harness::App;
use mastery_packs::{ItemKind, QuizItem};

/// A demo learner with nothing done yet (see `crates/api/src/demo.rs`).
const LEARNER: &str = "jordan";
const PASSWORD: &str = "mastery-demo-2026";
const COURSE: &str = "clients-l1";
const LEARNER_NAME: &str = "Jordan Baptiste";
/// The demo coach.
const COACH: &str = "marc";
/// Jordan's manager.
const MANAGER: &str = "sophie";

/// Clicks the way to the pack's best answer for `item`; `wrong` picks a
/// wrong one instead (for single-choice items).
async fn answer(app: &App, item: &QuizItem, wrong: bool) {
    let scope = format!("li[data-item='{}']", item.id);
    match &item.kind {
        ItemKind::Single { choices, .. } => {
            let c = choices
                .iter()
                .find(|c| c.correct != wrong)
                .expect("a choice");
            app.click(&format!("#{}-{}", item.id, c.id)).await;
        }
        ItemKind::Multiple { choices, .. } => {
            for c in choices.iter().filter(|c| c.correct) {
                app.click(&format!("#{}-{}", item.id, c.id)).await;
            }
        }
        ItemKind::TrueFalse { answer, .. } => {
            app.click(&format!("#{}-{answer}", item.id)).await;
        }
        ItemKind::Ordering { steps, .. } => {
            // Bubble each step up into place with the arrow buttons.
            for (target, step) in steps.iter().enumerate() {
                loop {
                    let mut order = Vec::new();
                    for li in app.all(&format!("{scope} li[data-step]")).await {
                        order.push(
                            li.attr("data-step")
                                .await
                                .ok()
                                .flatten()
                                .unwrap_or_default(),
                        );
                    }
                    let at = order
                        .iter()
                        .position(|s| *s == step.id)
                        .expect("step shown");
                    if at == target {
                        break;
                    }
                    app.click(&format!(
                        "{scope} li[data-step='{}'] button:first-of-type",
                        step.id
                    ))
                    .await;
                }
            }
            if app.all(&format!("{scope} [data-keep-order]")).await.len() == 1 {
                app.click(&format!("{scope} [data-keep-order]")).await;
            }
        }
        ItemKind::Matching { pairs, .. } => {
            for p in pairs {
                app.click(&format!("#{}-{} option[value='{}']", item.id, p.id, p.id))
                    .await;
            }
        }
        ItemKind::Scenario { start, nodes, .. } => {
            let mut at = Some(start.clone());
            while let Some(id) = at {
                let node = nodes.iter().find(|n| n.id == id).expect("node");
                let best = node
                    .choices
                    .iter()
                    .max_by_key(|c| c.points)
                    .expect("choice");
                app.click(&format!(
                    "{scope} [data-node='{id}'] button[data-choice='{}']",
                    best.id
                ))
                .await;
                at = best.next.clone();
            }
        }
    }
    app.wait_count(&format!("{scope}[data-answered='true']"), 1)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_learner_reads_passes_the_check_and_gets_a_style_profile() {
    let pack = mastery_packs::shipped().expect("shipped pack");
    let items = pack.quiz_of(&COURSE.into()).expect("quiz").items.clone();
    let app = App::start("learning").await;
    app.type_into("#username", LEARNER).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.wait_text("#catalogue-title", "My certification program")
        .await;
    app.click(&format!("[data-open-course='{COURSE}']")).await;
    // Lessons, the check, the self-assessment, coaching and six hours in
    // class: three of those were the demo's class three weeks ago.
    app.wait_count("#requirements li[data-met='false']", 5)
        .await;
    app.wait_contains("#class-time", "3 h of 6 h").await;

    // Lessons: open the second, come back: the course offers to resume it.
    app.click("[data-lesson='clients-l1/02-explaining-decisions']")
        .await;
    app.find("#lesson-title").await;
    app.click("#back-to-course").await;
    app.click("#resume").await;
    app.wait_text(
        "#lesson-title",
        "Plain Language: Explaining Decisions and Requests",
    )
    .await;
    // Read 60 % of it, leave, come back: it reopens there. (The page is
    // left by a script click: a WebDriver click would first scroll the
    // link at the top into view, which is reading back up.)
    const RANGE: &str = "(document.documentElement.scrollHeight - window.innerHeight)";
    app.script(&format!("window.scrollTo(0, {RANGE} * 0.6); return true;"))
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(2000)).await;
    app.script("document.querySelector('#back-to-course').click(); return true;")
        .await;
    app.click("[data-lesson='clients-l1/02-explaining-decisions']")
        .await;
    app.wait_script(
        &format!("return window.scrollY > {RANGE} * 0.5 && window.scrollY < {RANGE} * 0.7;"),
        "the lesson reopens 60 % down",
    )
    .await;
    app.screenshot("lesson-resumed").await;
    app.script("document.querySelector('#back-to-course').click(); return true;")
        .await;
    for n in [
        "01-first-contact",
        "02-explaining-decisions",
        "03-frustration-and-expectations",
        "04-communication-style",
    ] {
        app.click(&format!("[data-lesson='clients-l1/{n}']")).await;
        app.click("#mark-done").await;
        app.find("#lesson-is-done").await;
        app.click("#back-to-course").await;
    }
    app.wait_count("[data-lesson] [data-done='true']", 4).await;
    app.wait_count(
        "#requirements li[data-requirement='lessons'][data-met='true']",
        1,
    )
    .await;

    // The knowledge check: the first item wrong, the rest right.
    app.click("#open-check").await;
    app.click("#start-quiz").await;
    app.wait_count("li.quiz-item", items.len()).await;
    for (i, item) in items.iter().enumerate() {
        answer(&app, item, i == 0).await;
    }
    app.screenshot("quiz").await;
    app.click("#submit-quiz").await;
    app.wait_contains("#quiz-score", "Passed:").await;
    app.wait_count("#quiz-result li[data-correct='false']", 1)
        .await;
    app.wait_count(
        &format!(
            "#quiz-result li[data-item='{}'] .item-feedback",
            items[0].id
        ),
        1,
    )
    .await;
    app.find("#quiz-passed-note").await;
    app.scroll_to_top().await;
    app.screenshot("quiz-result").await;

    // The self-assessment: every statement rated, then the profile.
    app.click("#back-to-course").await;
    app.click("#open-style").await;
    let statements = app.wait_count("li.statement", 20).await;
    for (i, s) in statements.iter().enumerate() {
        let id = s.attr("data-statement").await.ok().flatten().expect("id");
        // The first profile's statements (every fourth) rated highest.
        let rating = if i % 4 == 0 { 5 } else { 2 };
        app.click(&format!("#{id}-{rating}")).await;
    }
    app.click("#style-submit").await;
    app.find("#style-chart").await;
    app.wait_count("#style-chart g[data-profile]", 4).await;
    assert!(!app.text("#style-profile").await.is_empty());
    app.scroll_to_top().await;
    app.screenshot("style-profile").await;

    app.click("#back-to-course").await;
    app.wait_count("#requirements li[data-met='true']", 3).await;
    app.wait_count(
        "#requirements li[data-requirement='coaching'][data-met='false']",
        1,
    )
    .await;
    app.screenshot("course-progress").await;

    // The demo coach logs two sessions that together cover the five drivers.
    app.click("#sign-out").await;
    app.type_into("#username", COACH).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.click("[data-nav='nav-coaching']").await;
    // Marc works in French.
    app.wait_text(".coaching h1", "Accompagnement").await;
    app.click("button[data-lang='en']").await;
    app.wait_text(".coaching h1", "Coaching").await;
    for (drivers, next) in [
        (
            &["knowledge", "timeliness", "fairness"][..],
            "Use the plain-language close on every call this week.",
        ),
        (
            &["outcome", "extra_mile"][..],
            "Offer the direct-deposit form to clients still paid by cheque.",
        ),
    ] {
        app.click(&format!(
            "#coach-learner option[data-name='{LEARNER_NAME}']"
        ))
        .await;
        app.click("#coach-course option[value='clients-l1']").await;
        app.type_into("#coach-duration", "40").await;
        app.click("#coach-setting option[value='phone']").await;
        for d in drivers {
            app.click(&format!("#obs-{d}")).await;
            app.click(&format!("#rate-{d}-3")).await;
            app.type_into(
                &format!("#evidence-{d}"),
                "Heard on two calls: clear, checked understanding.",
            )
            .await;
        }
        app.type_into("#coach-next", next).await;
        app.click("#coach-submit").await;
        app.wait_contains("#coaching-result", "Session logged for Jordan Baptiste")
            .await;
    }
    app.wait_count("#coach-logged [data-status='coaching-awaiting']", 2)
        .await;
    app.scroll_to_top().await;
    app.screenshot("coaching").await;

    // He takes attendance of yesterday's class, which Jordan attended:
    // three more hours in class.
    app.click("[data-nav='nav-classes']").await;
    app.click("#classes-running article.class-card [data-run]")
        .await;
    app.find("#classes-running table.attendance").await;
    app.script(&format!(
        "const row = Array.from(document.querySelectorAll('#classes-running table.attendance tr'))
             .find(r => r.textContent.includes('{LEARNER_NAME}'));
         row.querySelector('[data-present]').click(); return true"
    ))
    .await;
    app.find("#classes-running table.attendance [data-present][aria-pressed='true']")
        .await;
    app.screenshot("classes-attendance").await;

    // The learner acknowledges both; the course is complete and Level 2 opens.
    app.click("#sign-out").await;
    app.type_into("#username", LEARNER).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.click(&format!("[data-open-course='{COURSE}']")).await;
    app.wait_count("#my-coaching [data-acknowledge]", 2).await;
    app.click("#my-coaching [data-acknowledge]").await;
    app.wait_count("#my-coaching [data-acknowledge]", 1).await;
    app.click("#my-coaching [data-acknowledge]").await;
    app.wait_count("#my-coaching [data-status='coaching-acknowledged']", 2)
        .await;
    app.find("#course-complete").await;
    app.wait_count("#requirements li[data-met='true']", 5).await;
    app.scroll_to_top().await;
    app.screenshot("course-complete").await;
    app.click("#back-to-catalogue").await;
    app.wait_count("[data-course-id='clients-l1'][data-state='completed']", 1)
        .await;
    app.wait_count("[data-course-id='clients-l2'][data-state='open']", 1)
        .await;

    // Another course's check, left after one answer and ended explicitly:
    // scored on what was saved, every unanswered item named.
    let other = pack
        .quiz_of(&"colleagues-l1".into())
        .expect("quiz")
        .items
        .clone();
    app.click("[data-open-course='colleagues-l1']").await;
    app.click("#open-check").await;
    app.click("#start-quiz").await;
    app.wait_count("li.quiz-item", other.len()).await;
    let first = app
        .find("li.quiz-item")
        .await
        .attr("data-item")
        .await
        .ok()
        .flatten()
        .expect("item id");
    let item = other.iter().find(|i| i.id == first).expect("shown item");
    answer(&app, item, false).await;
    app.click("#abandon-quiz").await;
    app.wait_contains("#abandon-confirm", "not answered").await;
    app.screenshot("quiz-abandon").await;
    app.click("#abandon-yes").await;
    app.find("#quiz-abandoned-note").await;
    app.wait_contains("#quiz-score", "Not passed").await;
    app.wait_count("#quiz-result li[data-correct='false']", other.len() - 1)
        .await;
    app.wait_contains("#quiz-result", "Not answered").await;

    // Jordan's manager sees where he stands on every course.
    app.click("#sign-out").await;
    app.type_into("#username", MANAGER).await;
    app.type_into("#password", PASSWORD).await;
    app.click("#sign-in-submit").await;
    app.click("[data-nav='nav-team']").await;
    app.wait_count(
        &format!("#team-overview tr[data-member='{LEARNER_NAME}'] td[data-course='clients-l1'].completed"),
        1,
    )
    .await;
    app.wait_count(
        &format!(
            "#team-overview tr[data-member='{LEARNER_NAME}'] td[data-course='clients-l2'].open"
        ),
        1,
    )
    .await;
    app.screenshot("team-overview").await;
    app.stop().await;
}
