//! One course as its learner opens it: summary, lessons in order, and the
//! knowledge check that closes it.

use crate::components::error_text;
use crate::ipc;
use crate::state::{navigate, use_app, use_load, Page};
use mastery_types::{CourseId, CourseRequest};
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
    let data = use_load(p.course.clone(), |course| async move {
        ipc::course_outline(&CourseRequest { course }).await
    });
    let go = |page: Page| navigate(&state, page);
    let back = html! {
        <nav class="crumbs" aria-label={t.t("breadcrumb")}>
            <button type="button" class="link" id="back-to-catalogue" onclick={go(Page::Catalogue)}>
                { "← " }{ t.t("nav-catalogue") }
            </button>
        </nav>
    };
    let body = match &*data {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(o)) => {
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
                        <ul class="requirements" id="requirements">
                            { for o.requirements.iter().map(|r| html! {
                                <li data-requirement={r.key.clone()} data-met={r.met.to_string()}
                                    class={if r.met { "met" } else { "unmet" }}>
                                    <span aria-hidden="true">{ if r.met { "✓" } else { "○" } }</span>
                                    { t.t(&format!("requirement-{}", r.key)) }
                                    <span class="sr-only">{ if r.met { t.t("requirement-met") } else { t.t("requirement-unmet") } }</span>
                                </li>
                            }) }
                        </ul>
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
        }
    };
    html! { <div class="page course-page">{ back }{ body }</div> }
}
