//! Coaching in the months shown, by driver: a horizontal bar of the
//! sessions that observed each driver, a thinner, darker bar inside it for
//! those the learner acknowledged, the numbers beside the bar and the
//! mean rating at the end of the row. The chart's `<desc>` says it all in
//! sentences for screen readers; colours come from CSS classes.

use crate::i18n::I18n;
use crate::state::use_app;
use mastery_types::DriverCoaching;
use yew::prelude::*;

/// Where the bars start (the drivers' names are to their left), in SVG units.
const BAR_START: f64 = 180.0;
const BAR_MAX: f64 = 320.0;
/// The mean rating, right-aligned here.
const WIDTH: f64 = 840.0;
const ROW: f64 = 40.0;
const BAR_HEIGHT: f64 = 22.0;
const INNER_HEIGHT: f64 = 10.0;
/// The top of the coaching rating scale: coaches rate each driver 1 to 4
/// (`api::coaching` refuses anything else).
const RATING_TOP: u8 = 4;

/// An SVG coordinate.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

fn driver_name(t: &I18n, d: &DriverCoaching) -> String {
    t.t(&format!("driver-{}", d.driver.as_str()))
}

/// The mean rating at the end of a row ("mean 3.8 / 4"), or in a
/// sentence for the chart's description ("mean rating 3.8 out of 4").
fn mean_text(t: &I18n, d: &DriverCoaching, sentence: bool) -> String {
    let Some(mean) = d.mean_rating else {
        return t.t("dashboard-coaching-no-rating");
    };
    let args: [(&str, fluent_bundle::FluentValue<'static>); 2] = [
        ("mean", t.number(mean, 1, false).into()),
        ("top", RATING_TOP.into()),
    ];
    if sentence {
        t.t_args("dashboard-coaching-mean-words", &args)
    } else {
        t.t_args("dashboard-coaching-mean", &args)
    }
}

/// The sessions and acknowledged counts beside a bar.
fn counts_text(t: &I18n, d: &DriverCoaching) -> String {
    t.t_args(
        "dashboard-coaching-counts",
        &[
            ("sessions", d.sessions.into()),
            ("acknowledged", d.acknowledged.into()),
        ],
    )
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Every driver, in the program's order.
    pub coaching: Vec<DriverCoaching>,
}

#[function_component(CoachingByDriver)]
pub fn coaching_by_driver(p: &Props) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let highest = p.coaching.iter().map(|d| d.sessions).max().unwrap_or(0);
    if highest == 0 {
        return html! {
            <p class="muted" id="dash-coaching-none">{ t.t("dashboard-coaching-none") }</p>
        };
    }
    let scale = BAR_MAX / f64::from(highest);
    let height = ROW * p.coaching.len() as f64 + 8.0;
    let description = p
        .coaching
        .iter()
        .map(|d| {
            t.t_args(
                "dashboard-coaching-row",
                &[
                    ("driver", driver_name(t, d).into()),
                    ("sessions", d.sessions.into()),
                    ("acknowledged", d.acknowledged.into()),
                    ("mean", mean_text(t, d, true).into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let rows = p.coaching.iter().enumerate().map(|(i, d)| {
        let top = ROW * i as f64 + 8.0;
        let middle = top + BAR_HEIGHT / 2.0 + 5.0;
        let outer = f64::from(d.sessions) * scale;
        // Never wider than the sessions bar, whatever the data says.
        let inner = f64::from(d.acknowledged.min(d.sessions)) * scale;
        html! {
            <g data-driver={d.driver.as_str()} data-sessions={d.sessions.to_string()}
                data-acknowledged={d.acknowledged.to_string()}>
                <text x={at(BAR_START - 10.0)} y={at(middle)} text-anchor="end" class="chart-label">
                    { driver_name(t, d) }
                </text>
                <rect x={at(BAR_START)} y={at(top)} width={at(BAR_MAX)} height={at(BAR_HEIGHT)} class="bar-track" />
                if d.sessions > 0 {
                    <>
                        <rect x={at(BAR_START)} y={at(top)} width={at(outer)} height={at(BAR_HEIGHT)} class="dash-sessions" />
                        <rect x={at(BAR_START)} y={at(top + (BAR_HEIGHT - INNER_HEIGHT) / 2.0)}
                            width={at(inner)} height={at(INNER_HEIGHT)} class="dash-acknowledged" />
                    </>
                }
                <text x={at(BAR_START + outer + 8.0)} y={at(middle)} class="chart-value">
                    { counts_text(t, d) }
                </text>
                <text x={at(WIDTH - 4.0)} y={at(middle)} text-anchor="end" class="chart-label mean">
                    { mean_text(t, d, false) }
                </text>
            </g>
        }
    });
    html! {
        <>
            <ul class="chart-legend" aria-label={t.t("results-legend")}>
                <li><span class="swatch dash-swatch-sessions" aria-hidden="true"></span>{ t.t("dashboard-coaching-sessions") }</li>
                <li><span class="swatch dash-swatch-acknowledged" aria-hidden="true"></span>{ t.t("dashboard-coaching-acknowledged") }</li>
            </ul>
            <div class="table-scroll">
                <svg class="dash-chart dash-bars" width={at(WIDTH)} height={at(height)}
                    viewBox={format!("0 0 {} {}", at(WIDTH), at(height))} role="img"
                    aria-labelledby="dash-coaching-chart-title" aria-describedby="dash-coaching-chart-desc">
                    <title id="dash-coaching-chart-title">{ t.t("dashboard-coaching-chart-title") }</title>
                    <desc id="dash-coaching-chart-desc">{ description }</desc>
                    { for rows }
                </svg>
            </div>
            <p class="hint">{ t.t_args("dashboard-coaching-note", &[("top", RATING_TOP.into())]) }</p>
        </>
    }
}
