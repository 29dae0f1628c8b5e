//! The charts of survey results, drawn as inline SVG: a 100 % stacked bar
//! for an agreement question, a bar per score for the 0–10 recommendation,
//! a bar per option for a choice. Colours come from CSS classes (the
//! window's content policy allows no inline style): a blue–red diverging
//! palette that colour-blind readers tell apart, each segment edged in
//! white and labelled, with a legend. Every chart carries its numbers as
//! text too (a `<title>` naming each count, or the counts beside the bars).

use crate::i18n::I18n;
use crate::refusals::likert_label;
use yew::prelude::*;

/// Width of the agreement bar and the recommendation chart, in SVG units.
const LIKERT_WIDTH: f64 = 600.0;
const LIKERT_HEIGHT: f64 = 36.0;
/// Narrower segments carry no percentage: it would not fit.
const LABEL_MIN_WIDTH: f64 = 44.0;
const SCORE_SLOT: f64 = 40.0;
const PLOT_TOP: f64 = 24.0;
const PLOT_BASE: f64 = 170.0;

/// `count` in whole percent of `total` (0 when nobody answered).
fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    (100.0 * f64::from(count) / f64::from(total)).round() as u32
}

/// An SVG coordinate.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

/// The five points of the agreement scale and their colours.
pub fn likert_legend(t: &I18n) -> Html {
    html! {
        <ul class="chart-legend" aria-label={t.t("results-legend")}>
            { for (1..=5u8).map(|point| html! {
                <li>
                    <span class={format!("swatch seg-{point}")} aria-hidden="true"></span>
                    { likert_label(t, point) }
                </li>
            }) }
        </ul>
    }
}

/// One agreement question: its answers as shares of a single bar, from
/// "strongly disagree" on the left to "strongly agree" on the right.
pub fn likert_bar(t: &I18n, question: &str, counts: &[u32; 5]) -> Html {
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return html! { <p class="muted">{ t.t("results-no-answers") }</p> };
    }
    let points = counts
        .iter()
        .zip(1u8..)
        .map(|(c, point)| {
            t.t_args(
                "results-point",
                &[
                    ("label", likert_label(t, point).into()),
                    ("count", (*c).into()),
                    ("percent", percent(*c, total).into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut x = 0.0;
    let mut segments = vec![];
    for (c, point) in counts.iter().zip(1u8..) {
        if *c == 0 {
            continue;
        }
        let w = LIKERT_WIDTH * f64::from(*c) / f64::from(total);
        // The darkest ends take white text; the lighter middle, dark text.
        let text_class = if point == 1 || point == 5 {
            "seg-value on-dark"
        } else {
            "seg-value"
        };
        segments.push(html! {
            <g data-point={point.to_string()} data-count={c.to_string()}>
                <rect x={at(x)} y="0" width={at(w)} height={at(LIKERT_HEIGHT)} class={format!("seg seg-{point}")} />
                if w >= LABEL_MIN_WIDTH {
                    <text x={at(x + w / 2.0)} y="23" text-anchor="middle" class={text_class}>
                        { format!("{} %", percent(*c, total)) }
                    </text>
                }
            </g>
        });
        x += w;
    }
    let title_id = format!("likert-{question}-title");
    html! {
        <svg class="likert-bar" data-question={question.to_owned()}
            viewBox={format!("0 0 {LIKERT_WIDTH} {LIKERT_HEIGHT}")} role="img" aria-labelledby={title_id.clone()}>
            <title id={title_id}>{ t.t_args("results-likert-alt", &[("points", points.into())]) }</title>
            { for segments }
            // The bar's outline sets it off from the page where a light
            // segment meets it; the numbers are in the labels and the title.
            <rect x="1" y="1" width={at(LIKERT_WIDTH - 2.0)} height={at(LIKERT_HEIGHT - 2.0)} class="bar-frame" />
        </svg>
    }
}

/// The three groups of the recommendation scale and their colours.
pub fn recommend_legend(t: &I18n) -> Html {
    html! {
        <ul class="chart-legend" aria-label={t.t("results-legend")}>
            <li><span class="swatch rec-detractor" aria-hidden="true"></span>{ t.t("results-detractors") }</li>
            <li><span class="swatch rec-passive" aria-hidden="true"></span>{ t.t("results-passives") }</li>
            <li><span class="swatch rec-promoter" aria-hidden="true"></span>{ t.t("results-promoters") }</li>
        </ul>
    }
}

/// The recommendation question: how many gave each score from 0 to 10,
/// coloured by group (0–6, 7–8, 9–10).
pub fn recommend_chart(t: &I18n, question: &str, counts: &[u32; 11]) -> Html {
    let highest = counts.iter().copied().max().unwrap_or(0).max(1);
    let scores = counts
        .iter()
        .zip(0u8..)
        .map(|(c, score)| {
            t.t_args(
                "results-score-count",
                &[("score", score.into()), ("count", (*c).into())],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let bars = counts.iter().zip(0u8..).map(|(c, score)| {
        let h = (PLOT_BASE - PLOT_TOP) * f64::from(*c) / f64::from(highest);
        let slot = SCORE_SLOT * f64::from(score);
        let group = match score {
            0..=6 => "bar rec-detractor",
            7 | 8 => "bar rec-passive",
            _ => "bar rec-promoter",
        };
        html! {
            <g data-score={score.to_string()} data-count={c.to_string()}>
                <rect x={at(slot + 6.0)} y={at(PLOT_BASE - h)} width="28" height={at(h)} class={group} />
                <text x={at(slot + 20.0)} y={at(PLOT_BASE - h - 6.0)} text-anchor="middle" class="chart-value">
                    { c.to_string() }
                </text>
                <text x={at(slot + 20.0)} y={at(PLOT_BASE + 20.0)} text-anchor="middle" class="chart-label">
                    { score.to_string() }
                </text>
            </g>
        }
    });
    let title_id = format!("recommend-{question}-title");
    let width = SCORE_SLOT * 11.0;
    html! {
        <svg class="recommend-chart" data-question={question.to_owned()}
            viewBox={format!("0 0 {width} {}", PLOT_BASE + 28.0)} role="img" aria-labelledby={title_id.clone()}>
            <title id={title_id}>{ t.t_args("results-recommend-alt", &[("scores", scores.into())]) }</title>
            <line x1="0" y1={at(PLOT_BASE)} x2={at(width)} y2={at(PLOT_BASE)} class="baseline" />
            { for bars }
        </svg>
    }
}

/// A choice question: one bar per option, its share of the responses, the
/// count and percentage written beside it (the text a screen reader reads;
/// the bar itself is decoration).
pub fn choice_bars(t: &I18n, question: &str, rows: &[(String, u32)], responses: u32) -> Html {
    html! {
        <ul class="choice-bars" data-question={question.to_owned()}>
            { for rows.iter().map(|(label, count)| {
                let share = percent(*count, responses);
                html! {
                    <li>
                        <span class="choice-label">{ label.clone() }</span>
                        <svg class="choice-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                            aria-hidden="true" focusable="false">
                            <rect class="bar-track" x="0" y="0" width="100" height="10" />
                            <rect class="bar-fill" x="0" y="0" width={share.min(100).to_string()} height="10" />
                        </svg>
                        <span class="choice-value">{ t.t_args("results-count-percent", &[
                            ("count", (*count).into()), ("percent", share.into()),
                        ]) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
