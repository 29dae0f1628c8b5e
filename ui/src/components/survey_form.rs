//! The survey after a class the person attended: every question answered
//! by keyboard (a five-point agreement scale and the 0–10 recommendation
//! as radio groups in a fieldset, one choice as radios, several as
//! checkboxes, a comment in a text area), required ones marked. The answers
//! are sent, or the survey declined with "No thanks"; either way it is not
//! asked again.

use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::refusals::{likert_label, survey_answer_text, survey_problem_question};
use crate::state::{use_app, MapAction, MapState};
use mastery_types::{
    AnswerSurveyRequest, ApiError, DeclineSurveyRequest, PendingSurvey, Problem, SurveyAnswer,
    SurveyQuestion, SurveyQuestionKind,
};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SurveyFormProps {
    pub survey: PendingSurvey,
    /// After the answers are saved (`true`) or the survey declined (`false`).
    pub done: Callback<bool>,
}

/// The key of one checkbox of a several-choice question.
fn check_key(question: &str, option: &str) -> String {
    format!("{question}\u{1f}{option}")
}

/// The answers to send, in the survey's order; a question left blank is
/// left out (the backend says if it was required).
fn collect(
    questions: &[SurveyQuestion],
    answers: &MapState<SurveyAnswer>,
    checks: &MapState<bool>,
) -> Vec<(String, SurveyAnswer)> {
    questions
        .iter()
        .filter_map(|q| {
            let answer = match &q.kind {
                SurveyQuestionKind::Multiple { options } => {
                    let chosen: Vec<String> = options
                        .iter()
                        .filter(|(o, _)| checks.0.get(&check_key(&q.id, o)) == Some(&true))
                        .map(|(o, _)| o.clone())
                        .collect();
                    (!chosen.is_empty()).then_some(SurveyAnswer::Multiple(chosen))
                }
                SurveyQuestionKind::Text => match answers.0.get(&q.id) {
                    Some(SurveyAnswer::Text(s)) if !s.trim().is_empty() => {
                        Some(SurveyAnswer::Text(s.trim().to_owned()))
                    }
                    _ => None,
                },
                _ => answers.0.get(&q.id).cloned(),
            };
            answer.map(|a| (q.id.clone(), a))
        })
        .collect()
}

/// The question a refusal is about, if it is about one.
fn refused_question(e: &Option<ApiError>) -> Option<String> {
    match e.as_ref()?.problem.as_ref()? {
        Problem::SurveyAnswer { problem } => Some(survey_problem_question(problem).to_owned()),
        _ => None,
    }
}

#[function_component(SurveyForm)]
pub fn survey_form(p: &SurveyFormProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let s = &p.survey;
    let max_text = s.max_text;
    let answers = use_reducer(MapState::<SurveyAnswer>::default);
    let checks = use_reducer(MapState::<bool>::default);
    let send = use_action(
        |request: AnswerSurveyRequest| async move { ipc::answer_survey(&request).await },
        p.done.reform(|_: ()| true),
    );
    let decline = use_action(
        |request: DeclineSurveyRequest| async move { ipc::decline_survey(&request).await },
        p.done.reform(|_: ()| false),
    );
    let busy = send.busy || decline.busy;

    let onsubmit = {
        let (answers, checks, run, id, questions) = (
            answers.clone(),
            checks.clone(),
            send.run.clone(),
            s.occasion.clone(),
            s.questions.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(AnswerSurveyRequest {
                occasion: id.clone(),
                answers: collect(&questions, &answers, &checks),
            });
        })
    };
    let on_decline = {
        let (run, id) = (decline.run.clone(), s.occasion.clone());
        Callback::from(move |_: MouseEvent| {
            run.emit(DeclineSurveyRequest {
                occasion: id.clone(),
            })
        })
    };

    let refused = refused_question(&send.error);
    // The occasion as an element id ("course:clients-l1@1.0.0" has
    // characters a selector would have to escape).
    let dom_key: String = s
        .occasion
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let base = format!("survey-{dom_key}");
    let title_id = format!("{base}-title");
    let note_id = format!("{base}-note");

    let question = |q: &SurveyQuestion| -> Html {
        let qbase = format!("{base}-{}", q.id);
        let text = q.text.get(&lang).to_owned();
        let required = if q.required {
            html! { <span class="required">{ " " }{ t.t("survey-required") }</span> }
        } else {
            html! {}
        };
        let is_refused = refused.as_deref() == Some(q.id.as_str());
        let inline_error = match (
            is_refused,
            send.error.as_ref().and_then(|e| e.problem.as_ref()),
        ) {
            (true, Some(Problem::SurveyAnswer { problem })) => html! {
                <p class="error" id={format!("{qbase}-error")}>{ survey_answer_text(t, problem) }</p>
            },
            _ => html! {},
        };
        // One radio of a one-answer question.
        let radio = |value: SurveyAnswer, suffix: String, label: String| {
            let input_id = format!("{qbase}-{suffix}");
            let checked = answers.0.get(&q.id) == Some(&value);
            let onchange = {
                let (answers, qid) = (answers.clone(), q.id.clone());
                Callback::from(move |_: Event| {
                    answers.dispatch(MapAction::Insert(qid.clone(), value.clone()))
                })
            };
            html! {
                <label for={input_id.clone()} class="scale-point">
                    <input type="radio" id={input_id} name={qbase.clone()} {checked} {onchange} />
                    { label }
                </label>
            }
        };
        let class = classes!("survey-question", is_refused.then_some("invalid"));
        match &q.kind {
            SurveyQuestionKind::Likert => html! {
                <fieldset {class} data-question={q.id.clone()}>
                    <legend>{ text }{ required }</legend>
                    <div class="scale likert">
                        { for (1..=5u8).map(|v| radio(SurveyAnswer::Likert(v), v.to_string(), likert_label(t, v))) }
                    </div>
                    { inline_error }
                </fieldset>
            },
            SurveyQuestionKind::Recommend => {
                let ends_id = format!("{qbase}-ends");
                html! {
                    <fieldset {class} data-question={q.id.clone()} aria-describedby={ends_id.clone()}>
                        <legend>{ text }{ required }</legend>
                        <div class="scale recommend">
                            { for (0..=10u8).map(|v| radio(SurveyAnswer::Recommend(v), v.to_string(), v.to_string())) }
                        </div>
                        <p class="scale-ends hint" id={ends_id}>
                            <span>{ t.t("survey-recommend-low") }</span>
                            <span>{ t.t("survey-recommend-high") }</span>
                        </p>
                        { inline_error }
                    </fieldset>
                }
            }
            SurveyQuestionKind::Single { options } => html! {
                <fieldset {class} data-question={q.id.clone()}>
                    <legend>{ text }{ required }</legend>
                    <div class="choices">
                        { for options.iter().map(|(o, label)| radio(
                            SurveyAnswer::Single(o.clone()), o.clone(), label.get(&lang).to_owned(),
                        )) }
                    </div>
                    { inline_error }
                </fieldset>
            },
            SurveyQuestionKind::Multiple { options } => {
                let hint_id = format!("{qbase}-hint");
                html! {
                    <fieldset {class} data-question={q.id.clone()} aria-describedby={hint_id.clone()}>
                        <legend>{ text }{ required }</legend>
                        <p class="hint" id={hint_id}>{ t.t("survey-choose-all") }</p>
                        <div class="choices">
                            { for options.iter().map(|(o, label)| {
                                let key = check_key(&q.id, o);
                                let input_id = format!("{qbase}-{o}");
                                let onchange = {
                                    let (checks, key) = (checks.clone(), key.clone());
                                    Callback::from(move |e: Event| {
                                        let i: HtmlInputElement = e.target_unchecked_into();
                                        checks.dispatch(MapAction::Insert(key.clone(), i.checked()));
                                    })
                                };
                                html! {
                                    <label for={input_id.clone()} class="choice">
                                        <input type="checkbox" id={input_id}
                                            checked={checks.0.get(&key) == Some(&true)} {onchange} />
                                        { label.get(&lang).to_owned() }
                                    </label>
                                }
                            }) }
                        </div>
                        { inline_error }
                    </fieldset>
                }
            }
            SurveyQuestionKind::Text => {
                let value = match answers.0.get(&q.id) {
                    Some(SurveyAnswer::Text(v)) => v.clone(),
                    _ => String::new(),
                };
                let oninput = {
                    let (answers, qid) = (answers.clone(), q.id.clone());
                    Callback::from(move |e: InputEvent| {
                        let a: HtmlTextAreaElement = e.target_unchecked_into();
                        answers.dispatch(MapAction::Insert(
                            qid.clone(),
                            SurveyAnswer::Text(a.value()),
                        ));
                    })
                };
                html! {
                    <div {class} data-question={q.id.clone()}>
                        <div class="field">
                            <label for={qbase.clone()}>{ text }{ required }</label>
                            <textarea id={qbase.clone()} rows="4" maxlength={max_text.to_string()}
                                required={q.required} aria-invalid={is_refused.then_some("true")}
                                aria-describedby={is_refused.then(|| format!("{qbase}-error"))}
                                {value} {oninput} />
                        </div>
                        { inline_error }
                    </div>
                }
            }
        }
    };

    html! {
        <article class="card survey-card" data-occasion={s.occasion.clone()} aria-labelledby={title_id.clone()}>
            <p class="level">{ s.title.get(&lang).to_owned() }</p>
            <h3 id={title_id}>{ match s.ended_at {
                Some(ended) => t.t_args("survey-card-title", &[
                    ("course", s.course_title.get(&lang).to_owned().into()),
                    ("date", t.date_of(ended).into()),
                ]),
                None => t.t_args("survey-card-title-online", &[
                    ("course", s.course_title.get(&lang).to_owned().into()),
                ]),
            } }</h3>
            if !s.intro.get(&lang).is_empty() {
                <p class="lead">{ s.intro.get(&lang).to_owned() }</p>
            }
            <p class="hint" id={note_id.clone()}>{ t.t_args("survey-anonymous", &[("min", s.min_group.into())]) }</p>
            <form id={format!("survey-form-{dom_key}")} {onsubmit} novalidate=true aria-describedby={note_id}>
                <ol class="survey-questions">
                    { for s.questions.iter().map(|q| html! { <li>{ question(q) }</li> }) }
                </ol>
                { action_error(t, &send.error) }
                { action_error(t, &decline.error) }
                <div class="actions">
                    <button type="submit" class="primary" data-answer="" disabled={busy}
                        aria-busy={send.busy.then_some("true")}>{ t.t("survey-send") }</button>
                    <button type="button" class="secondary bordered" data-decline="" disabled={busy}
                        aria-busy={decline.busy.then_some("true")} onclick={on_decline}>{ t.t("survey-decline") }</button>
                </div>
            </form>
        </article>
    }
}
