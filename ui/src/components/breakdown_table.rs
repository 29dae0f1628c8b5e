//! Survey results by office or by facilitator, as a table: one row per
//! group, its responses, each Likert question's mean and the net score. A
//! hidden group says only that it is hidden (the API has already hidden it,
//! and any group whose numbers could be worked out from the others).

use crate::state::use_app;
use mastery_types::{GroupResults, QuestionResult, SurveyQuestion, SurveyQuestionKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// `office` or `facilitator`: the table's id and headings.
    pub by: AttrValue,
    pub questions: Vec<SurveyQuestion>,
    pub groups: Vec<(Option<String>, GroupResults)>,
}

#[function_component(BreakdownTable)]
pub fn breakdown_table(p: &Props) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang();
    if p.groups.is_empty() {
        return html! {};
    }
    let likert: Vec<&SurveyQuestion> = p
        .questions
        .iter()
        .filter(|q| matches!(q.kind, SurveyQuestionKind::Likert))
        .collect();
    let has_recommend = p
        .questions
        .iter()
        .any(|q| matches!(q.kind, SurveyQuestionKind::Recommend));
    let title_id = format!("breakdown-{}-title", p.by);
    let row = |(name, g): &(Option<String>, GroupResults)| {
        let name = name
            .clone()
            .unwrap_or_else(|| t.t(&format!("results-by-{}-none", p.by)));
        match g {
            GroupResults::Suppressed { threshold } => html! {
                <tr data-suppressed="true">
                    <th scope="row">{ name }</th>
                    <td colspan={(likert.len() + 1 + usize::from(has_recommend)).to_string()} class="muted">
                        { t.t_args("results-group-hidden", &[("threshold", (*threshold).into())]) }
                    </td>
                </tr>
            },
            GroupResults::Shown {
                responses,
                questions,
            } => {
                let result = |id: &str| questions.iter().find(|(q, _)| q == id).map(|(_, r)| r);
                html! {
                    <tr>
                        <th scope="row">{ name }</th>
                        <td>{ *responses }</td>
                        { for likert.iter().map(|q| html! {
                            <td>{ match result(&q.id) {
                                Some(QuestionResult::Likert { mean: Some(m), .. }) => t.number(*m, 1, false),
                                _ => "—".to_owned(),
                            } }</td>
                        }) }
                        if has_recommend {
                            <td>{ p.questions.iter()
                                .find(|q| matches!(q.kind, SurveyQuestionKind::Recommend))
                                .and_then(|q| match result(&q.id) {
                                    Some(QuestionResult::Recommend { net: Some(n), .. }) => Some(t.number(*n, 0, true)),
                                    _ => None,
                                })
                                .unwrap_or_else(|| "—".to_owned()) }</td>
                        }
                    </tr>
                }
            }
        }
    };
    html! {
        <section class="card breakdown" id={format!("breakdown-{}", p.by)} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ t.t(&format!("results-by-{}", p.by)) }</h3>
            <p class="hint">{ t.t("results-breakdown-note") }</p>
            <div class="table-scroll">
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{ t.t(&format!("results-by-{}-column", p.by)) }</th>
                            <th scope="col">{ t.t("results-breakdown-responses") }</th>
                            { for likert.iter().enumerate().map(|(i, q)| html! {
                                <th scope="col" title={q.text.get(lang).to_owned()}>
                                    { t.t_args("results-breakdown-mean", &[("n", (i + 1).into())]) }
                                    <span class="sr-only">{ format!(" — {}", q.text.get(lang)) }</span>
                                </th>
                            }) }
                            if has_recommend {
                                <th scope="col">{ t.t("results-breakdown-net") }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>{ for p.groups.iter().map(row) }</tbody>
                </table>
            </div>
        </section>
    }
}
