//! A course's knowledge check: where the learner stands, the attempt (each
//! answer saved as it is given, so closing the app loses nothing), and the
//! result with feedback on every item.

use crate::components::attempt_result::result_html;
use crate::components::back_to_course::BackToCourse;
use crate::components::error_text;
use crate::components::quiz_item::{self, prompt_of, ItemCx, Partial};
use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{
    Answer, ApiError, AttemptRequest, AttemptResult, AttemptView, CourseId, CourseRequest,
    SaveAnswerRequest,
};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    pub course: CourseId,
}

/// The answers of the attempt on screen. A reducer, so answers given in
/// quick succession each land on the latest state.
#[derive(Default, PartialEq)]
struct Answers(BTreeMap<String, Answer>);

enum AnswersAction {
    Set(String, Answer),
    Reset(BTreeMap<String, Answer>),
}

impl Reducible for Answers {
    type Action = AnswersAction;
    fn reduce(self: std::rc::Rc<Self>, action: AnswersAction) -> std::rc::Rc<Self> {
        let mut next = self.0.clone();
        match action {
            AnswersAction::Set(item, answer) => {
                next.insert(item, answer);
            }
            AnswersAction::Reset(all) => next = all,
        }
        std::rc::Rc::new(Answers(next))
    }
}

#[function_component(QuizPage)]
pub fn quiz_page(p: &QuizPageProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let reload = use_state(|| 0u32);
    let status = use_load((p.course.clone(), *reload), |(course, _)| async move {
        ipc::quiz_status(&CourseRequest { course }).await
    });
    let attempt = use_state(|| None::<AttemptView>);
    let answers = use_reducer(Answers::default);
    let partial = use_state(Partial::default);
    let result = use_state(|| None::<AttemptResult>);
    let error = use_state(|| None::<ApiError>);

    let start = {
        let (attempt, answers, partial, error, course) = (
            attempt.clone(),
            answers.clone(),
            partial.clone(),
            error.clone(),
            p.course.clone(),
        );
        Callback::from(move |_| {
            let (attempt, answers, partial, error, course) = (
                attempt.clone(),
                answers.clone(),
                partial.clone(),
                error.clone(),
                course.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::start_quiz(&CourseRequest { course }).await {
                    Ok(a) => {
                        answers.dispatch(AnswersAction::Reset(a.saved.clone()));
                        partial.set(Partial::default());
                        attempt.set(Some(a));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_answer = {
        let (attempt, answers, error) = (attempt.clone(), answers.clone(), error.clone());
        Callback::from(move |(item_id, answer): (String, Answer)| {
            let Some(a) = (*attempt).clone() else { return };
            answers.dispatch(AnswersAction::Set(item_id.clone(), answer.clone()));
            let error = error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let req = SaveAnswerRequest {
                    attempt_id: a.attempt_id,
                    item_id,
                    answer,
                };
                match ipc::save_answer(&req).await {
                    Ok(()) => error.set(None),
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let confirm_abandon = use_state(|| false);
    // The question appears below the last item: bring it into view and
    // give it the keyboard focus.
    let confirm_ref = use_node_ref();
    {
        let r = confirm_ref.clone();
        use_effect_with(*confirm_abandon, move |shown| {
            if let Some(e) = r.cast::<web_sys::HtmlElement>().filter(|_| *shown) {
                e.scroll_into_view();
                let _ = e.focus();
            }
        });
    }
    let finish = |abandon: bool| {
        let (attempt, result, error, reload, confirm) = (
            attempt.clone(),
            result.clone(),
            error.clone(),
            reload.clone(),
            confirm_abandon.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(a) = (*attempt).clone() else { return };
            let (attempt, result, error, reload) = (
                attempt.clone(),
                result.clone(),
                error.clone(),
                reload.clone(),
            );
            let confirm = confirm.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let req = AttemptRequest {
                    attempt_id: a.attempt_id.clone(),
                };
                let outcome = if abandon {
                    ipc::abandon_quiz(&req).await
                } else {
                    ipc::submit_quiz(&req).await
                };
                match outcome {
                    Ok(r) => {
                        confirm.set(false);
                        result.set(Some(r));
                        attempt.set(None);
                        reload.set(*reload + 1);
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let back = html! { <BackToCourse course={p.course.clone()} /> };
    let error_html = (*error)
        .as_ref()
        .map(|e| html! { <p class="error" role="alert" id="quiz-error">{ error_text(t, e) }</p> });

    let body = if let Some(a) = &*attempt {
        let answered = a
            .items
            .iter()
            .filter(|i| answers.0.contains_key(&i.id))
            .count();
        html! {
            <>
            <div class="page-head"><h1 id="quiz-title">{ a.title.get(&lang).to_owned() }</h1></div>
            <p class="muted" id="quiz-progress" role="status">{ t.t_args("quiz-answered", &[
                ("answered", answered.into()), ("total", a.items.len().into()),
                ("n", a.number.into()), ("max", a.max_attempts.into()),
            ]) }</p>
            <ol class="quiz-items">
            { for a.items.iter().map(|item| html! {
                <li class="card quiz-item" data-item={item.id.clone()} data-answered={answers.0.contains_key(&item.id).to_string()}>
                    <p class="prompt">{ prompt_of(&item.view).get(&lang).to_owned() }</p>
                    { quiz_item::render(&ItemCx { t, item, answer: answers.0.get(&item.id), partial: &partial, on_answer: &on_answer }) }
                </li>
            }) }
            </ol>
            { error_html.clone().unwrap_or_default() }
            <div class="actions">
                <button type="button" class="primary" id="submit-quiz" disabled={answered < a.items.len()} onclick={finish(false)}>
                    { t.t("quiz-submit") }
                </button>
                if answered < a.items.len() && !*confirm_abandon {
                    <button type="button" class="secondary" id="abandon-quiz" onclick={{
                        let c = confirm_abandon.clone();
                        Callback::from(move |_| c.set(true))
                    }}>{ t.t("quiz-abandon") }</button>
                }
            </div>
            if *confirm_abandon {
                <section class="card warn" id="abandon-confirm" role="alertdialog" aria-labelledby="abandon-title" tabindex="-1" ref={confirm_ref.clone()}>
                    <h2 id="abandon-title">{ t.t("quiz-abandon-title") }</h2>
                    <p>{ t.t_args("quiz-abandon-explain", &[
                        ("unanswered", (a.items.len() - answered).into()),
                        ("n", a.number.into()), ("max", a.max_attempts.into()),
                    ]) }</p>
                    <div class="actions">
                        <button type="button" class="danger" id="abandon-yes" onclick={finish(true)}>{ t.t("quiz-abandon-yes") }</button>
                        <button type="button" class="secondary" id="abandon-no" onclick={{
                            let c = confirm_abandon.clone();
                            Callback::from(move |_| c.set(false))
                        }}>{ t.t("quiz-abandon-no") }</button>
                    </div>
                </section>
            }
            </>
        }
    } else {
        let status_html = loaded_view(t, &status, |s| {
            html! {
                <section class="card" id="quiz-status">
                    <h1 id="quiz-title">{ t.t("quiz-title") }</h1>
                    <p>{ t.t_args("quiz-status-line", &[
                        ("used", s.attempts_used.into()), ("max", s.max_attempts.into()),
                        ("best", s.best_percent.map_or_else(|| "—".to_owned(), |b| format!("{b} %")).into()),
                    ]) }</p>
                    if s.passed {
                        <p class="ok" id="quiz-passed-note">{ t.t("quiz-already-passed") }</p>
                    } else if let Some(at) = s.next_attempt_at {
                        <p class="muted" id="quiz-wait">{ t.t_args("quiz-wait", &[("at", t.date_time(at).into())]) }</p>
                    }
                    if s.can_start {
                        <button type="button" class="primary" id="start-quiz" onclick={start}>
                            { if s.in_progress.is_some() { t.t("quiz-resume") } else { t.t("quiz-start") } }
                        </button>
                    }
                </section>
            }
        });
        let last = (*result).clone().or_else(|| match &*status {
            Some(Ok(s)) => s.last.clone(),
            _ => None,
        });
        html! {
            <>
            { status_html }
            { error_html.unwrap_or_default() }
            { last.map(|r| result_html(t, &r)).unwrap_or_default() }
            </>
        }
    };
    html! { <div class="page quiz-page">{ back }{ body }</div> }
}
