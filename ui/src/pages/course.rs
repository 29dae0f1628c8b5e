//! One course as its learner opens it: summary, lessons in order, and the
//! knowledge check that closes it.

use crate::components::error_text;
use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{navigate, use_app, use_load, Page};
use mastery_types::{CoachingResponseRequest, CoachingStatus, CourseId, CourseRequest};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CoursePageProps {
    pub course: CourseId,
}

#[function_component(CoursePage)]
pub fn course_page(p: &CoursePageProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang();
    // Responding to a coaching session can meet a requirement: both reload.
    let reload = use_state(|| 0u32);
    let data = use_load((p.course.clone(), *reload), |(course, _)| async move {
        ipc::course_outline(&CourseRequest { course }).await
    });
    let go = |page: Page| navigate(&state, page);
    let sessions = use_load(*reload, |_| ipc::my_coaching());
    let observations = use_load(*reload, |_| ipc::my_observations());
    let comment = use_state(String::new);
    let response_error = use_state(|| None::<mastery_types::ApiError>);
    let respond = |session: String, acknowledge: bool| {
        let (comment, reload, response_error) =
            (comment.clone(), reload.clone(), response_error.clone());
        Callback::from(move |_| {
            let req = CoachingResponseRequest {
                session_id: session.clone(),
                acknowledge,
                comment: (*comment).clone(),
            };
            let (comment, reload, response_error) =
                (comment.clone(), reload.clone(), response_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::respond_to_coaching(&req).await {
                    Ok(_) => {
                        comment.set(String::new());
                        response_error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => response_error.set(Some(e)),
                }
            });
        })
    };
    let back = html! {
        <nav class="crumbs" aria-label={t.t("breadcrumb")}>
            <button type="button" class="link" id="back-to-catalogue" onclick={go(Page::Catalogue)}>
                { "← " }{ t.t("nav-catalogue") }
            </button>
        </nav>
    };
    let body = loaded_view(t, &data, |o| {
        let lessons = o.lessons.iter().map(|l| {
                html! {
                    <li>
                        <button type="button" class="lesson-link" data-lesson={l.id.clone()}
                            onclick={go(Page::Lesson(l.id.clone()))}>
                            <span class="lesson-number" aria-hidden="true">{ l.order }</span>
                            <span>{ l.title.get(lang).to_owned() }</span>
                            if l.done {
                                <span class="pill completed" data-done="true">{ "✓ " }{ t.t("lesson-done") }</span>
                            }
                        </button>
                    </li>
                }
            });
        html! {
            <>
                <div class="page-head">
                    <div>
                        <p class="level">{ t.t_args("mastery-level", &[("level", o.course.level.get().into())]) }</p>
                        <h1 id="course-title">{ o.course.title.get(lang).to_owned() }</h1>
                    </div>
                </div>
                <p class="lead">{ o.course.summary.get(lang).to_owned() }</p>
                <section class="card" aria-labelledby="progress-title">
                    <h2 id="progress-title">{ t.t("course-progress") }</h2>
                    if !o.requirements.is_empty() && o.requirements.iter().all(|r| r.met) {
                        <p class="ok" id="course-complete" role="status">{ t.t("course-complete") }</p>
                    }
                    <ul class="requirements" id="requirements">
                        { for o.requirements.iter().map(|r| html! {
                            <li data-requirement={r.key.as_str()} data-met={r.met.to_string()}
                                class={if r.met { "met" } else { "unmet" }}>
                                <span aria-hidden="true">{ if r.met { "✓" } else { "○" } }</span>
                                { t.t(&format!("requirement-{}", r.key.as_str())) }
                                <span class="sr-only">{ if r.met { t.t("requirement-met") } else { t.t("requirement-unmet") } }</span>
                            </li>
                        }) }
                    </ul>
                    if let Some(ct) = &o.class_time {
                        <p class="muted" id="class-time">
                            { t.t_args("course-class-time", &[
                                ("attended", class_hours(ct.attended_minutes, lang).into()),
                                ("required", ct.required_hours.into()),
                            ]) }
                            { " " }
                            <button type="button" class="link" id="see-classes" onclick={go(Page::Classes)}>
                                { t.t("course-see-classes") }
                            </button>
                        </p>
                    }
                    if let Some(r) = &o.resume {
                        <button type="button" class="primary" id="resume" onclick={go(Page::Lesson(r.clone()))}>
                            { t.t("course-resume") }
                        </button>
                    }
                </section>
                <section class="card" aria-labelledby="lessons-title">
                    <h2 id="lessons-title">{ t.t_args("course-lessons", &[("count", o.lessons.len().into())]) }</h2>
                    <ol class="lessons">{ for lessons }</ol>
                </section>
                if let Some(k) = &o.knowledge_check {
                    <section class="card" aria-labelledby="check-title">
                        <h2 id="check-title">{ k.title.get(lang).to_owned() }</h2>
                        <p class="muted" id="check-facts">{ t.t_args("check-facts", &[
                            ("items", k.items.into()),
                            ("pass", k.pass_mark.into()),
                            ("attempts", k.max_attempts.into()),
                        ]) }</p>
                        <button type="button" class="primary" id="open-check" onclick={go(Page::Quiz(o.course.id.clone()))}>
                            { t.t("check-open") }
                        </button>
                    </section>
                }
                if o.requirements.iter().any(|r| r.key == mastery_types::RequirementKind::Coaching) {
                    <section class="card" aria-labelledby="coaching-title" id="my-coaching">
                        <h2 id="coaching-title">{ t.t("coaching-mine-title") }</h2>
                        { match &*sessions {
                            Some(Ok(list)) => {
                                let mine: Vec<_> = list.iter().filter(|s| s.course == o.course.id).collect();
                                if mine.is_empty() {
                                    html! { <p class="muted">{ t.t("coaching-none-yet") }</p> }
                                } else {
                                    html! { for mine.into_iter().map(|s| html! {
                                        <>
                                        { crate::components::coaching_session::session_html(t, s, false) }
                                        if s.status == CoachingStatus::Awaiting {
                                            <div class="respond" data-respond={s.id.clone()}>
                                                <label for={format!("comment-{}", s.id)}>{ t.t("coaching-comment") }</label>
                                                <textarea id={format!("comment-{}", s.id)} rows="2" value={(*comment).clone()} oninput={{
                                                    let h = comment.clone();
                                                    Callback::from(move |e: InputEvent| { let a: web_sys::HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); })
                                                }}></textarea>
                                                <div class="actions">
                                                    <button type="button" class="primary" data-acknowledge={s.id.clone()} onclick={respond(s.id.clone(), true)}>{ t.t("coaching-acknowledge") }</button>
                                                    <button type="button" class="secondary" data-dispute={s.id.clone()} onclick={respond(s.id.clone(), false)}>{ t.t("coaching-dispute") }</button>
                                                </div>
                                            </div>
                                        }
                                        </>
                                    }) }
                                }
                            }
                            Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
                            None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
                        } }
                        if let Some(e) = &*response_error { <p class="error" role="alert">{ error_text(t, e) }</p> }
                    </section>
                }
                if o.requirements.iter().any(|r| r.key == mastery_types::RequirementKind::Assignments) {
                    <section class="card" aria-labelledby="assignments-title">
                        <h2 id="assignments-title">{ t.t("assignments-card-title") }</h2>
                        <p class="muted">{ t.t("assignments-card-text") }</p>
                        <button type="button" class="primary" id="open-assignments" onclick={go(Page::Assignments(o.course.id.clone()))}>
                            { t.t("assignments-open") }
                        </button>
                    </section>
                }
                if o.requirements.iter().any(|r| r.key == mastery_types::RequirementKind::Observation) {
                    <section class="card" aria-labelledby="observed-title" id="my-observations">
                        <h2 id="observed-title">{ t.t("observed-mine-title") }</h2>
                        { match &*observations {
                            Some(Ok(list)) => {
                                let mine: Vec<_> = list.iter().filter(|x| x.course == o.course.id).collect();
                                if mine.is_empty() {
                                    html! { <p class="muted">{ t.t("observed-none-yet") }</p> }
                                } else {
                                    html! { <ul class="due-list">{ for mine.into_iter().map(|x| html! {
                                        <li data-observation={x.id.clone()}>
                                            <strong>{ t.date(x.held_on) }</strong>
                                            <span>{ t.t(if x.kind == mastery_types::AssessmentKind::SecretShopper { "observe-kind-secret" } else { "observe-kind-observed" }) }</span>
                                            <span class={if x.passed { "pill completed" } else { "pill error" }}>{ t.t(if x.passed { "observe-passed" } else { "observe-not-passed" }) }</span>
                                            <span class="muted">{ x.notes.clone() }</span>
                                        </li>
                                    }) }</ul> }
                                }
                            }
                            Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
                            None => html! {},
                        } }
                    </section>
                }
                if o.has_self_assessment {
                    <section class="card" aria-labelledby="style-title">
                        <h2 id="style-title">{ t.t("style-card-title") }</h2>
                        <p class="muted">{ t.t("style-card-text") }</p>
                        <button type="button" class="secondary" id="open-style" onclick={go(Page::SelfAssessment(o.course.id.clone()))}>
                            { t.t("style-open") }
                        </button>
                    </section>
                }
            </>
        }
    });
    html! { <div class="page course-page">{ back }{ body }</div> }
}

/// Minutes in class as hours, to the half hour below, with the language's
/// decimal mark ("2.5" / "2,5").
fn class_hours(minutes: u32, lang: &str) -> String {
    let halves = minutes / 30;
    let text = if halves.is_multiple_of(2) {
        (halves / 2).to_string()
    } else {
        format!("{}.5", halves / 2)
    };
    if lang == "fr" {
        text.replace('.', ",")
    } else {
        text
    }
}
