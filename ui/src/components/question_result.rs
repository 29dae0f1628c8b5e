//! One survey question's results over a group large enough to show: its
//! chart with the numbers in words (the mean of an agreement question, the
//! net score of the recommendation), or its comments.

use crate::components::survey_charts::{
    choice_bars, likert_bar, recommend_chart, recommend_legend,
};
use crate::state::use_app;
use mastery_types::{QuestionResult, SurveyQuestion, SurveyQuestionKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionResultProps {
    pub question: SurveyQuestion,
    pub result: QuestionResult,
    /// Responses in the group: what a choice's share is of.
    pub responses: u32,
}

#[function_component(QuestionResultView)]
pub fn question_result_view(p: &QuestionResultProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let q = &p.question;
    let title_id = format!("result-{}-title", q.id);

    let body = match &p.result {
        QuestionResult::Likert { counts, mean } => {
            let answers: u32 = counts.iter().sum();
            html! {
                <>
                    { likert_bar(t, &q.id, counts) }
                    if let Some(mean) = mean {
                        <p class="result-summary" data-mean={format!("{mean:.2}")}>{ t.t_args("results-mean", &[
                            ("mean", t.number(*mean, 1, false).into()), ("count", answers.into()),
                        ]) }</p>
                    }
                </>
            }
        }
        QuestionResult::Recommend { counts, net } => {
            let answers: u32 = counts.iter().sum();
            html! {
                <>
                    { recommend_chart(t, &q.id, counts) }
                    { recommend_legend(t) }
                    if let Some(net) = net {
                        <p class="result-summary net-score" data-net={format!("{net:.0}")}>{ t.t_args("results-net", &[
                            ("net", t.number(*net, 0, true).into()), ("count", answers.into()),
                        ]) }</p>
                        <p class="hint">{ t.t("results-net-hint") }</p>
                    } else {
                        <p class="muted">{ t.t("results-no-answers") }</p>
                    }
                </>
            }
        }
        QuestionResult::Choice { counts } => {
            let rows = choice_rows(q, counts, &lang);
            html! {
                <>
                    if matches!(q.kind, SurveyQuestionKind::Multiple { .. }) {
                        <p class="hint">{ t.t("results-several-choices") }</p>
                    }
                    { choice_bars(t, &q.id, &rows, p.responses) }
                </>
            }
        }
        QuestionResult::Text { comments } => html! {
            <>
                <p class="muted">{ t.t_args("results-comments", &[("count", comments.len().into())]) }</p>
                <ul class="comments">
                    { for comments.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                </ul>
            </>
        },
    };

    html! {
        <section class="card question-result" data-question={q.id.clone()} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ q.text.get(&lang).to_owned() }</h3>
            { body }
        </section>
    }
}

/// A choice question's counts, each labelled with its option's text in
/// `lang` (an option the pack no longer names shows by its id).
pub fn choice_rows(q: &SurveyQuestion, counts: &[(String, u32)], lang: &str) -> Vec<(String, u32)> {
    let options: &[(String, mastery_types::LocalizedText)] = match &q.kind {
        SurveyQuestionKind::Single { options } | SurveyQuestionKind::Multiple { options } => {
            options
        }
        _ => &[],
    };
    counts
        .iter()
        .map(|(id, n)| {
            let label = options
                .iter()
                .find(|(o, _)| o == id)
                .map_or_else(|| id.clone(), |(_, text)| text.get(lang).to_owned());
            (label, *n)
        })
        .collect()
}
