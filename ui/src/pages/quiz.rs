//! A course's knowledge check: where the learner stands, the attempt (each
//! answer saved as it is given, so closing the app loses nothing), and the
//! result with feedback on every item.

use crate::components::back_to_course::BackToCourse;
use crate::components::error_text;
use crate::hooks::loaded_view;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{
    Answer, ApiError, AttemptRequest, AttemptResult, AttemptView, CourseId, CourseRequest,
    ItemView, LocalizedText, Match, QuizItemView, SaveAnswerRequest,
};
use std::collections::BTreeMap;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    pub course: CourseId,
}

fn prompt_of(v: &ItemView) -> &LocalizedText {
    match v {
        ItemView::Single { prompt, .. }
        | ItemView::Multiple { prompt, .. }
        | ItemView::TrueFalse { prompt }
        | ItemView::Ordering { prompt, .. }
        | ItemView::Matching { prompt, .. } => prompt,
        ItemView::Scenario { situation, .. } => situation,
    }
}

/// Local work on items whose answer is not complete yet (a half-matched
/// list, a scenario part-way through).
#[derive(Clone, Default, PartialEq)]
struct Partial {
    matches: BTreeMap<String, BTreeMap<String, String>>,
    paths: BTreeMap<String, Vec<String>>,
}

fn item_html(
    t: &I18n,
    item: &QuizItemView,
    answer: Option<&Answer>,
    partial: &UseStateHandle<Partial>,
    on_answer: &Callback<(String, Answer)>,
) -> Html {
    let lang = t.lang();
    let id = item.id.clone();
    let answer_cb = |a: Answer| {
        let (cb, id) = (on_answer.clone(), id.clone());
        Callback::from(move |_: Event| cb.emit((id.clone(), a.clone())))
    };
    let click_cb = |a: Answer| {
        let (cb, id) = (on_answer.clone(), id.clone());
        Callback::from(move |_: MouseEvent| cb.emit((id.clone(), a.clone())))
    };
    match &item.view {
        ItemView::Single { choices, .. } => html! {
            <fieldset class="choices"><legend class="sr-only">{ t.t("quiz-choose-one") }</legend>
            { for choices.iter().map(|c| {
                let checked = matches!(answer, Some(Answer::Single(x)) if *x == c.id);
                let input_id = format!("{}-{}", item.id, c.id);
                html! { <label class="choice" for={input_id.clone()}>
                    <input type="radio" id={input_id} name={item.id.clone()} {checked}
                        onchange={answer_cb(Answer::Single(c.id.clone()))} />
                    { c.text.get(lang).to_owned() }</label> }
            }) }
            </fieldset>
        },
        ItemView::Multiple { choices, .. } => {
            let picked: Vec<String> = match answer {
                Some(Answer::Multiple(v)) => v.clone(),
                _ => vec![],
            };
            html! {
                <fieldset class="choices"><legend class="hint">{ t.t("quiz-choose-all") }</legend>
                { for choices.iter().map(|c| {
                    let checked = picked.contains(&c.id);
                    let input_id = format!("{}-{}", item.id, c.id);
                    // The answer is read from the boxes as they are when
                    // this one changes, so quick successive clicks are all
                    // kept (a value computed at render time would be stale).
                    let onchange = {
                        let (cb, id) = (on_answer.clone(), id.clone());
                        Callback::from(move |e: Event| {
                            let input: web_sys::Element = e.target_unchecked_into();
                            let Ok(Some(set)) = input.closest("fieldset") else { return };
                            let Ok(boxes) = set.query_selector_all("input[type=checkbox]:checked") else { return };
                            let picked = (0..boxes.length())
                                .filter_map(|i| boxes.item(i))
                                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                                .filter_map(|el| el.get_attribute("data-choice"))
                                .collect();
                            cb.emit((id.clone(), Answer::Multiple(picked)));
                        })
                    };
                    html! { <label class="choice" for={input_id.clone()}>
                        <input type="checkbox" id={input_id} data-choice={c.id.clone()} {checked} {onchange} />
                        { c.text.get(lang).to_owned() }</label> }
                }) }
                </fieldset>
            }
        }
        ItemView::TrueFalse { .. } => html! {
            <fieldset class="choices"><legend class="sr-only">{ t.t("quiz-choose-one") }</legend>
            { for [(true, "quiz-true"), (false, "quiz-false")].into_iter().map(|(v, key)| {
                let checked = matches!(answer, Some(Answer::TrueFalse(x)) if *x == v);
                let input_id = format!("{}-{v}", item.id);
                html! { <label class="choice" for={input_id.clone()}>
                    <input type="radio" id={input_id} name={item.id.clone()} {checked}
                        onchange={answer_cb(Answer::TrueFalse(v))} />{ t.t(key) }</label> }
            }) }
            </fieldset>
        },
        ItemView::Ordering { steps, .. } => {
            let order: Vec<String> = match answer {
                Some(Answer::Ordering(v)) => v.clone(),
                _ => steps.iter().map(|s| s.id.clone()).collect(),
            };
            let text = |sid: &str| {
                steps
                    .iter()
                    .find(|s| s.id == sid)
                    .map(|s| s.text.get(lang).to_owned())
                    .unwrap_or_default()
            };
            let moved = |i: usize, j: usize| {
                let mut v = order.clone();
                v.swap(i, j);
                Answer::Ordering(v)
            };
            html! {
                <div class="ordering">
                    <p class="hint">{ t.t("quiz-order-hint") }</p>
                    <ol>
                    { for order.iter().enumerate().map(|(i, sid)| html! {
                        <li data-step={sid.clone()}>
                            <span class="step-text">{ text(sid) }</span>
                            <button type="button" class="icon" disabled={i == 0}
                                aria-label={t.t_args("quiz-move-up", &[("step", text(sid).into())])}
                                onclick={click_cb(moved(i, i.saturating_sub(1)))}>{ "↑" }</button>
                            <button type="button" class="icon" disabled={i + 1 == order.len()}
                                aria-label={t.t_args("quiz-move-down", &[("step", text(sid).into())])}
                                onclick={click_cb(moved(i, (i + 1).min(order.len() - 1)))}>{ "↓" }</button>
                        </li>
                    }) }
                    </ol>
                    if answer.is_none() {
                        <button type="button" class="secondary" data-keep-order={item.id.clone()}
                            onclick={click_cb(Answer::Ordering(order.clone()))}>{ t.t("quiz-keep-order") }</button>
                    }
                </div>
            }
        }
        ItemView::Matching { lefts, rights, .. } => {
            let mut current: BTreeMap<String, String> = match answer {
                Some(Answer::Matching(v)) => v
                    .iter()
                    .map(|m| (m.left.clone(), m.right.clone()))
                    .collect(),
                _ => BTreeMap::new(),
            };
            if let Some(p) = partial.matches.get(&item.id) {
                current.extend(p.clone());
            }
            html! {
                <div class="matching">
                { for lefts.iter().map(|l| {
                    let select_id = format!("{}-{}", item.id, l.id);
                    let onchange = {
                        let (partial, cb, item_id, n) = (partial.clone(), on_answer.clone(), item.id.clone(), lefts.len());
                        // Every select of the item as it is now (a map made
                        // at render time would be stale after quick changes).
                        Callback::from(move |e: Event| {
                            let s: web_sys::Element = e.target_unchecked_into();
                            let Ok(Some(block)) = s.closest(".matching") else { return };
                            let Ok(selects) = block.query_selector_all("select") else { return };
                            let m: BTreeMap<String, String> = (0..selects.length())
                                .filter_map(|i| selects.item(i))
                                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(n).ok())
                                .filter(|sel| !sel.value().is_empty())
                                .filter_map(|sel| sel.get_attribute("data-left").map(|l| (l, sel.value())))
                                .collect();
                            let mut p = (*partial).clone();
                            p.matches.insert(item_id.clone(), m.clone());
                            partial.set(p);
                            if m.len() == n {
                                cb.emit((item_id.clone(), Answer::Matching(m.into_iter().map(|(left, right)| Match { left, right }).collect())));
                            }
                        })
                    };
                    html! {
                        <div class="match-row">
                            <label for={select_id.clone()}>{ l.text.get(lang).to_owned() }</label>
                            <select id={select_id} data-left={l.id.clone()} {onchange}>
                                <option value="" selected={!current.contains_key(&l.id)}>{ t.t("quiz-choose") }</option>
                                { for rights.iter().map(|r| html! {
                                    <option value={r.id.clone()} selected={current.get(&l.id) == Some(&r.id)}>{ r.text.get(lang).to_owned() }</option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
                </div>
            }
        }
        ItemView::Scenario { start, nodes, .. } => {
            let path: Vec<String> = match (partial.paths.get(&item.id), answer) {
                (Some(p), _) => p.clone(),
                (None, Some(Answer::Scenario(p))) => p.clone(),
                _ => vec![],
            };
            // Walk the path to find each node shown and the current one.
            let mut shown = Vec::new();
            let mut at = Some(start.clone());
            for cid in &path {
                let Some(node) = at.as_ref().and_then(|n| nodes.iter().find(|x| &x.id == n)) else {
                    break;
                };
                let taken = node.choices.iter().find(|(c, _)| &c.id == cid);
                shown.push((node, taken.map(|(c, _)| c.text.get(lang).to_owned())));
                at = taken.and_then(|(_, next)| next.clone());
            }
            let current = at.as_ref().and_then(|n| nodes.iter().find(|x| &x.id == n));
            let choose = |cid: String, ends: bool| {
                let (partial, cb, item_id, path) = (
                    partial.clone(),
                    on_answer.clone(),
                    item.id.clone(),
                    path.clone(),
                );
                Callback::from(move |_| {
                    let mut path = path.clone();
                    path.push(cid.clone());
                    let mut p = (*partial).clone();
                    p.paths.insert(item_id.clone(), path.clone());
                    partial.set(p);
                    if ends {
                        cb.emit((item_id.clone(), Answer::Scenario(path.clone())));
                    }
                })
            };
            let restart = {
                let (partial, item_id) = (partial.clone(), item.id.clone());
                Callback::from(move |_| {
                    let mut p = (*partial).clone();
                    p.paths.insert(item_id.clone(), vec![]);
                    partial.set(p);
                })
            };
            html! {
                <div class="scenario">
                    { for shown.iter().map(|(node, taken)| html! {
                        <div class="scenario-step done">
                            <p>{ node.prompt.get(lang).to_owned() }</p>
                            <p class="taken">{ "→ " }{ taken.clone().unwrap_or_default() }</p>
                        </div>
                    }) }
                    if let Some(node) = current {
                        <div class="scenario-step" data-node={node.id.clone()}>
                            <p>{ node.prompt.get(lang).to_owned() }</p>
                            <div class="actions">
                            { for node.choices.iter().map(|(c, next)| html! {
                                <button type="button" class="secondary" data-choice={c.id.clone()}
                                    onclick={choose(c.id.clone(), next.is_none())}>{ c.text.get(lang).to_owned() }</button>
                            }) }
                            </div>
                        </div>
                    } else {
                        <p class="ok">{ t.t("quiz-scenario-done") }</p>
                    }
                    if !path.is_empty() {
                        <button type="button" class="link" onclick={restart}>{ t.t("quiz-scenario-restart") }</button>
                    }
                </div>
            }
        }
    }
}

fn result_html(t: &I18n, r: &AttemptResult) -> Html {
    let lang = t.lang();
    html! {
        <section class="card" id="quiz-result" aria-labelledby="result-title">
            <h2 id="result-title">{ t.t_args("quiz-result-title", &[("n", r.number.into())]) }</h2>
            <p class={if r.passed { "ok" } else { "error" }} id="quiz-score" role="status">
                { t.t_args(if r.passed { "quiz-passed" } else { "quiz-failed" }, &[
                    ("percent", r.percent.into()), ("pass", r.pass_mark.into()),
                ]) }
            </p>
            if r.abandoned {
                <p class="muted" id="quiz-abandoned-note">{ t.t("quiz-abandoned-note") }</p>
            }
            if !r.passed {
                <p class="muted">{ t.t_args("quiz-attempts-left", &[("count", r.attempts_left.into())]) }</p>
            }
            <ol class="feedback">
            { for r.items.iter().map(|f| {
                let prompt = f.prompt.get(lang).to_owned();
                html! {
                    <li data-item={f.item_id.clone()} data-correct={f.correct.to_string()}>
                        <p class="prompt">{ prompt }</p>
                        <p class={if f.correct { "pill completed" } else { "pill error" }}>
                            { if f.unanswered { t.t("quiz-unanswered") } else if f.correct { t.t("quiz-correct") } else if f.earned_percent == 0 { t.t("quiz-wrong") } else { t.t_args("quiz-partly", &[("percent", f.earned_percent.into())]) } }
                        </p>
                        { for f.feedback.iter().map(|x| html! { <p class="item-feedback">{ x.get(lang).to_owned() }</p> }) }
                    </li>
                }
            }) }
            </ol>
        </section>
    }
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
                    { item_html(t, item, answers.0.get(&item.id), &partial, &on_answer) }
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
