//! One lesson. Its HTML comes from the backend already sanitized (Markdown
//! rendered by pulldown-cmark, cleaned by ammonia), so it is shown as is.

use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{navigate, use_app, use_load, Action, Page};
use mastery_types::{LessonDoneRequest, LessonPositionRequest, LessonRequest};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The window's largest vertical scroll offset (0 when the page fits).
fn scroll_range(w: &web_sys::Window) -> f64 {
    let height = w
        .document()
        .and_then(|d| d.document_element())
        .map_or(0, |e| e.scroll_height());
    let inner = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    (f64::from(height) - inner).max(0.0)
}

/// How far down the page the reader is, in thousandths.
fn read_permille(w: &web_sys::Window) -> Option<u16> {
    let range = scroll_range(w);
    let y = w.scroll_y().ok()?;
    (range > 0.0).then(|| (y / range * 1000.0).round().clamp(0.0, 1000.0) as u16)
}

fn save_position(lesson: String, permille: u16) {
    wasm_bindgen_futures::spawn_local(async move {
        // A lost bookmark is harmless: the lesson then opens at the top.
        let _ = ipc::save_lesson_position(&LessonPositionRequest { lesson, permille }).await;
    });
}

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
    // Reopen where the learner stopped reading, then remember where they
    // are: a second after scrolling stops, and when leaving the page.
    let loaded = data
        .as_ref()
        .and_then(|d| d.as_ref().ok())
        .map(|l| (l.id.clone(), l.resume_permille));
    use_effect_with(loaded, |loaded| {
        let mut listener = None;
        let pending: Rc<RefCell<Option<gloo_timers::callback::Timeout>>> = Rc::default();
        let last: Rc<Cell<Option<u16>>> = Rc::default();
        if let (Some((id, resume)), Some(w)) = (loaded.clone(), web_sys::window()) {
            // A lesson never read opens at the top, not where the page
            // before it was scrolled to.
            let p = f64::from(resume.unwrap_or(0));
            w.scroll_to_with_x_and_y(0.0, scroll_range(&w) * p / 1000.0);
            // Pictures and fonts may still be changing the page's height:
            // place it once more when they have settled.
            if p > 0.0 {
                let again = w.clone();
                gloo_timers::callback::Timeout::new(300, move || {
                    again.scroll_to_with_x_and_y(0.0, scroll_range(&again) * p / 1000.0);
                })
                .forget();
            }
            let (pending, last) = (pending.clone(), last.clone());
            let window = w.clone();
            listener = Some(gloo_events::EventListener::new(&w, "scroll", move |_| {
                let Some(p) = read_permille(&window) else {
                    return;
                };
                last.set(Some(p));
                let (id, last) = (id.clone(), last.clone());
                *pending.borrow_mut() =
                    Some(gloo_timers::callback::Timeout::new(1000, move || {
                        if let Some(p) = last.take() {
                            save_position(id, p);
                        }
                    }));
            }));
        }
        let lesson = loaded.as_ref().map(|l| l.0.clone());
        move || {
            drop(listener);
            // Leaving before the timer fired: save what was last read.
            if let (Some(timer), Some(p), Some(id)) =
                (pending.borrow_mut().take(), last.take(), lesson)
            {
                timer.cancel();
                save_position(id, p);
            }
        }
    });
    let go = |page: Page| navigate(&state, page);
    let marked = use_state(|| false);
    let mark_error = use_state(|| None::<mastery_types::ApiError>);
    // The pager's main button counts the lesson as read, then moves on: a
    // learner who reads every lesson with "Next" has read every lesson. If
    // the mark is refused, the learner stays and sees why.
    let complete_then = |done: bool, page: Page| {
        let (state, marked, error, lesson) = (
            state.clone(),
            marked.clone(),
            mark_error.clone(),
            p.lesson.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if done || *marked {
                state.dispatch(Action::Go(page.clone()));
                return;
            }
            let (state, marked, error, lesson, page) = (
                state.clone(),
                marked.clone(),
                error.clone(),
                lesson.clone(),
                page.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::mark_lesson_done(&LessonDoneRequest { lesson }).await {
                    Ok(_) => {
                        marked.set(true);
                        state.dispatch(Action::Go(page));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
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
    let body = loaded_view(t, &data, |l| {
        html! {
            <>
                <nav class="crumbs" aria-label={t.t("breadcrumb")}>
                    <button type="button" class="link" id="back-to-course" onclick={go(Page::Course(l.course.id.clone()))}>
                        { "← " }{ l.course.title.get(lang).to_owned() }
                    </button>
                </nav>
                <article class="lesson" aria-labelledby="lesson-title">
                    <p class="level">{ t.t_args("lesson-position", &[("n", l.order.into()), ("of", l.of.into())]) }</p>
                    <h1 id="lesson-title">{ l.title.get(lang).to_owned() }</h1>
                    <crate::components::prose::Prose html={AttrValue::from(l.html.get(lang).to_owned())} />
                    <div class="lesson-done">
                        if l.done || *marked {
                            <p class="ok" id="lesson-is-done" role="status">{ "✓ " }{ t.t("lesson-marked-done") }</p>
                        } else {
                            <button type="button" class="secondary bordered" id="mark-done" onclick={mark_done}>{ t.t("lesson-mark-done") }</button>
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
                        <button type="button" class="primary" id="next-lesson"
                            onclick={complete_then(l.done, Page::Lesson(next.clone()))}>
                            { if l.done || *marked { t.t("lesson-next") } else { t.t("lesson-complete-next") } }{ " →" }
                        </button>
                    } else {
                        <button type="button" class="primary" id="finish-lessons"
                            onclick={complete_then(l.done, Page::Course(l.course.id.clone()))}>
                            { if l.done || *marked { t.t("lesson-back-to-course") } else { t.t("lesson-complete-finish") } }
                        </button>
                    }
                </nav>
                { crate::hooks::action_error(t, &mark_error) }
            </>
        }
    });
    html! { <div class="page lesson-page">{ body }</div> }
}
