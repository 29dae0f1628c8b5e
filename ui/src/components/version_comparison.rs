//! This pack version's survey results against the version before, per
//! question that has a single measure: the mean of an agreement question,
//! the net score of the recommendation. Each side with its number of
//! answers, and the change with an arrow and its direction in words.

use crate::i18n::I18n;
use crate::state::use_app;
use mastery_types::{QuestionResult, SurveyQuestion};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VersionComparisonProps {
    pub questions: Vec<SurveyQuestion>,
    pub version: String,
    pub current: Vec<(String, QuestionResult)>,
    pub previous_version: String,
    pub previous: Vec<(String, QuestionResult)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Measure {
    /// The mean on the 1–5 agreement scale, to one decimal.
    Mean,
    /// The net recommendation score, in whole points.
    Net,
}

impl Measure {
    fn digits(self) -> u8 {
        match self {
            Measure::Mean => 1,
            Measure::Net => 0,
        }
    }

    fn show(self, t: &I18n, v: f64) -> String {
        t.number(v, self.digits(), self == Measure::Net)
    }
}

/// A question's measure in one version, and how many answered it.
fn measure(r: &QuestionResult) -> Option<(Measure, Option<f64>, u32)> {
    match r {
        QuestionResult::Likert { counts, mean } => {
            Some((Measure::Mean, *mean, counts.iter().sum()))
        }
        QuestionResult::Recommend { counts, net } => {
            Some((Measure::Net, *net, counts.iter().sum()))
        }
        QuestionResult::Choice { .. } | QuestionResult::Text { .. } => None,
    }
}

/// The change from `before` to `now`, rounded as it is shown.
fn change(t: &I18n, m: Measure, now: Option<f64>, before: Option<f64>) -> Html {
    let (Some(now), Some(before)) = (now, before) else {
        return html! { { "—" } };
    };
    let scale = 10f64.powi(i32::from(m.digits()));
    let d = ((now - before) * scale).round() / scale;
    let (arrow, words, class) = if d > 0.0 {
        ("↑", t.t("results-up"), "change up")
    } else if d < 0.0 {
        ("↓", t.t("results-down"), "change down")
    } else {
        ("=", t.t("results-same"), "change same")
    };
    html! {
        <span class={class}>
            <span aria-hidden="true">{ arrow }{ " " }</span>
            <span class="sr-only">{ words }{ " " }</span>
            { t.number(d, m.digits(), true) }
        </span>
    }
}

#[function_component(VersionComparison)]
pub fn version_comparison(p: &VersionComparisonProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let rows: Vec<Html> = p
        .current
        .iter()
        .filter_map(|(qid, r)| {
            let (m, now, n_now) = measure(r)?;
            let (m_before, before, n_before) = p
                .previous
                .iter()
                .find(|(id, _)| id == qid)
                .and_then(|(_, r)| measure(r))?;
            if m != m_before {
                return None;
            }
            let text = p
                .questions
                .iter()
                .find(|q| &q.id == qid)
                .map_or_else(|| qid.clone(), |q| q.text.get(&lang).to_owned());
            let value = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| m.show(t, v));
            Some(html! {
                <tr data-question={qid.clone()}>
                    <th scope="row">{ text }</th>
                    <td>{ t.t(match m { Measure::Mean => "results-measure-mean", Measure::Net => "results-measure-net" }) }</td>
                    <td>{ value(now) }</td>
                    <td>{ n_now.to_string() }</td>
                    <td>{ value(before) }</td>
                    <td>{ n_before.to_string() }</td>
                    <td>{ change(t, m, now, before) }</td>
                </tr>
            })
        })
        .collect();
    let this = t.t_args("results-version", &[("version", p.version.clone().into())]);
    let before = t.t_args(
        "results-version",
        &[("version", p.previous_version.clone().into())],
    );

    html! {
        <section class="card" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ t.t_args("results-comparison-title", &[
                ("version", p.version.clone().into()), ("previous", p.previous_version.clone().into()),
            ]) }</h2>
            if rows.is_empty() {
                <p class="muted">{ t.t("results-comparison-none") }</p>
            } else {
                <div class="grow">
                    <table class="data" id="version-comparison">
                        <thead><tr>
                            <th scope="col">{ t.t("results-question") }</th>
                            <th scope="col">{ t.t("results-measure") }</th>
                            <th scope="col">{ this.clone() }</th>
                            <th scope="col">{ t.t_args("results-answers-in", &[("version", this.clone().into())]) }</th>
                            <th scope="col">{ before.clone() }</th>
                            <th scope="col">{ t.t_args("results-answers-in", &[("version", before.clone().into())]) }</th>
                            <th scope="col">{ t.t("results-change") }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
