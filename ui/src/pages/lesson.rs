//! One lesson. Its HTML comes from the backend already sanitized (Markdown
//! rendered by pulldown-cmark, cleaned by ammonia), so it is shown as is.

use crate::components::error_text;
use crate::ipc;
use crate::state::{navigate, use_app, use_load, Page};
use mastery_types::{LessonDoneRequest, LessonRequest};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub lesson: String,
}

#[function_component(LessonPage)]
pub fn lesson_page(p: &LessonPageProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang();
    let data = use_load(p.lesson.clone(), |lesson| async move {
        ipc::lesson(&LessonRequest { lesson }).await
    });
    let go = |page: Page| navigate(&state, page);
    let marked = use_state(|| false);
    let mark_done = {
        let (marked, lesson) = (marked.clone(), p.lesson.clone());
        Callback::from(move |_| {
            let (marked, lesson) = (marked.clone(), lesson.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if ipc::mark_lesson_done(&LessonDoneRequest { lesson })
                    .await
                    .is_ok()
                {
                    marked.set(true);
                }
            });
        })
    };
    let body = match &*data {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(l)) => html! {
            <>
                <nav class="crumbs" aria-label={t.t("breadcrumb")}>
                    <button type="button" class="link" id="back-to-course" onclick={go(Page::Course(l.course.id.clone()))}>
                        { "← " }{ l.course.title.get(lang).to_owned() }
                    </button>
                </nav>
                <article class="lesson" aria-labelledby="lesson-title">
                    <p class="level">{ t.t_args("lesson-position", &[("n", l.order.into()), ("of", l.of.into())]) }</p>
                    <h1 id="lesson-title">{ l.title.get(lang).to_owned() }</h1>
                    <div class="prose">{ Html::from_html_unchecked(AttrValue::from(l.html.get(lang).to_owned())) }</div>
                    <div class="lesson-done">
                        if l.done || *marked {
                            <p class="ok" id="lesson-is-done" role="status">{ "✓ " }{ t.t("lesson-marked-done") }</p>
                        } else {
                            <button type="button" class="secondary" id="mark-done" onclick={mark_done}>{ t.t("lesson-mark-done") }</button>
                        }
                    </div>
                </article>
                <nav class="pager" aria-label={t.t("lesson-pager")}>
                    if let Some(prev) = &l.previous {
                        <button type="button" class="secondary" id="previous-lesson" onclick={go(Page::Lesson(prev.clone()))}>
                            { "← " }{ t.t("lesson-previous") }
                        </button>
                    }
                    if let Some(next) = &l.next {
                        <button type="button" class="primary" id="next-lesson" onclick={go(Page::Lesson(next.clone()))}>
                            { t.t("lesson-next") }{ " →" }
                        </button>
                    } else {
                        <button type="button" class="primary" id="finish-lessons" onclick={go(Page::Course(l.course.id.clone()))}>
                            { t.t("lesson-back-to-course") }
                        </button>
                    }
                </nav>
            </>
        },
    };
    html! { <div class="page lesson-page">{ body }</div> }
}
