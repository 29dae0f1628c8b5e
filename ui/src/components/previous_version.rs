//! The draft editor's panel "what the previous version showed" for the
//! course of the open file: its survey results in brief (responses, and per
//! question the mean, the net score, the shares or the number of comments),
//! the knowledge check's flagged items, and the way to the full results. A
//! group under the threshold shows nothing, not even how many answered.

use crate::components::course_feedback::{is_weak, CourseFeedback};
use crate::components::item_flags::ItemFlags;
use crate::components::survey_charts::{choice_bars, likert_bar, likert_legend};
use crate::i18n::I18n;
use crate::state::{navigate, use_app, Page};
use mastery_types::{CourseId, GroupResults, QuestionResult, SurveyQuestion, SurveyResults};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviousVersionProps {
    pub course: CourseId,
    /// The course's title in the interface's language.
    pub title: AttrValue,
    /// `None` until the course's answers start loading.
    pub feedback: Option<CourseFeedback>,
    /// The knowledge check's flags already show beside the editor (the
    /// open file is the course's knowledge check): not repeated here.
    pub items_beside: bool,
}

/// One question in a line or two: the number that sums it up, and a mark
/// when it is low enough to look at.
fn question_summary(t: &I18n, q: &SurveyQuestion, result: &QuestionResult, responses: u32) -> Html {
    let lang = t.lang();
    let body = match result {
        QuestionResult::Likert { counts, mean } => {
            let answers: u32 = counts.iter().sum();
            html! {
                <>
                    { likert_bar(t, &q.id, counts) }
                    if let Some(mean) = mean {
                        <p class="result-summary">{ t.t_args("results-mean", &[
                            ("mean", t.number(*mean, 1, false).into()), ("count", answers.into()),
                        ]) }</p>
                    }
                </>
            }
        }
        QuestionResult::Recommend { counts, net } => {
            let answers: u32 = counts.iter().sum();
            match net {
                Some(net) => html! {
                    <p class="result-summary">{ t.t_args("results-net", &[
                        ("net", t.number(*net, 0, true).into()), ("count", answers.into()),
                    ]) }</p>
                },
                None => html! { <p class="muted">{ t.t("results-no-answers") }</p> },
            }
        }
        QuestionResult::Choice { counts } => {
            let rows = crate::components::question_result::choice_rows(q, counts, lang);
            choice_bars(t, &q.id, &rows, responses)
        }
        QuestionResult::Text { comments } => html! {
            <p class="muted">{ t.t_args("results-comments", &[("count", comments.len().into())]) }</p>
        },
    };
    html! {
        <li data-question={q.id.clone()}>
            <p>
                <strong>{ q.text.get(lang).to_owned() }</strong>
                if is_weak(result) {
                    { " " }<span class="pill warning">{ t.t("feedback-weak") }</span>
                }
            </p>
            { body }
        </li>
    }
}

fn survey_summary(t: &I18n, r: &SurveyResults) -> Html {
    match &r.results {
        GroupResults::Suppressed { threshold } => html! {
            <p class="notice" id="feedback-suppressed">
                { t.t_args("feedback-suppressed", &[("threshold", (*threshold).into())]) }
            </p>
        },
        GroupResults::Shown {
            responses,
            questions,
        } => {
            let has_likert = questions
                .iter()
                .any(|(_, q)| matches!(q, QuestionResult::Likert { .. }));
            html! {
                <>
                    if let Some(v) = &r.version {
                        <p class="muted">{ t.t_args("results-version-line", &[("version", v.clone().into())]) }</p>
                    }
                    <p class="results-count" id="feedback-responses">
                        { t.t_args("results-responses", &[("count", (*responses).into())]) }
                    </p>
                    { if has_likert { likert_legend(t) } else { html! {} } }
                    // In the survey's order; a question withheld (too few
                    // comments) is left out of the summary.
                    <ul class="feedback-questions">
                        { for r.questions.iter().filter_map(|q| {
                            questions
                                .iter()
                                .find(|(id, _)| id == &q.id)
                                .map(|(_, result)| question_summary(t, q, result, *responses))
                        }) }
                    </ul>
                </>
            }
        }
    }
}

#[function_component(PreviousVersion)]
pub fn previous_version(p: &PreviousVersionProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let feedback = p.feedback.clone().unwrap_or_default();
    let survey = match &feedback.survey {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        // No permission, or the course is unknown to the published
        // version: the editor goes on, with a quiet line.
        Some(Err(_)) => html! { <p class="muted">{ t.t("feedback-survey-unavailable") }</p> },
        Some(Ok(r)) => survey_summary(t, r),
    };
    html! {
        <section class="card feedback-panel" id="previous-version" data-course={p.course.as_str().to_owned()}
            aria-labelledby="previous-version-title">
            <h2 id="previous-version-title">{ t.t_args("feedback-title", &[("course", p.title.to_string().into())]) }</h2>
            <p class="hint">{ t.t("feedback-intro") }</p>
            <h3 id="previous-survey-title">{ t.t("feedback-survey-title") }</h3>
            { survey }
            if !p.items_beside {
                <ItemFlags analysis={feedback.items.clone()} heading_id="previous-items-title" />
            }
            <p>
                <button type="button" class="link" id="open-survey-results"
                    onclick={navigate(&state, Page::SurveyResults(Some(p.course.clone())))}>
                    { t.t("feedback-full-results") }
                </button>
            </p>
        </section>
    }
}
