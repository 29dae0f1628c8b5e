//! Course completions over the months shown: a column per month, stacked
//! by Mastery Level, and under it the same figures by course in a table
//! (the chart's full text alternative), with each course's total to date
//! and its survey net score. Levels differ by shade and by pattern (light,
//! striped, dark), not by colour alone; colours come from CSS classes, as
//! the window's content policy allows no inline style.

use crate::i18n::I18n;
use crate::state::use_app;
use mastery_types::CourseCompletions;
use yew::prelude::*;

/// Room left of the plot for the axis numbers, in SVG units.
const AXIS: f64 = 48.0;
const SLOT: f64 = 64.0;
const COLUMN: f64 = 34.0;
const PLOT_TOP: f64 = 24.0;
const PLOT_BASE: f64 = 224.0;
/// Two lines of month labels under the plot.
const HEIGHT: f64 = PLOT_BASE + 44.0;
/// At most this many steps up the axis, so the gridlines stay few.
const MAX_STEPS: u64 = 4;
/// The striped fill of Level 2 segments (one chart per page).
const HATCH_ID: &str = "dash-level-2-hatch";

/// An SVG coordinate.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

/// `YYYY-MM` as (year, month 1–12); `None` for anything else.
fn parse_month(month: &str) -> Option<(i32, u32)> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// A `YYYY-MM` month in the interface language through `Intl` with
/// `options` (`month: "short"` gives "Mar." or « mars »); the month as
/// given when it cannot be read. `I18n` formats dates, not months, so the
/// months are formatted here.
fn month_name(t: &I18n, month: &str, options: &[(&str, &str)]) -> String {
    use wasm_bindgen::JsValue;
    let Some((year, m)) = parse_month(month) else {
        return month.to_owned();
    };
    let format = || -> Option<String> {
        let o = js_sys::Object::new();
        // Mid-month in UTC: the same month whatever the computer's zone.
        for (k, v) in options.iter().chain(&[("timeZone", "UTC")]) {
            js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(&format!("{}-CA", t.lang())));
        let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &o);
        let ms = js_sys::Date::utc(f64::from(year), f64::from(m - 1)) + 14.0 * 86_400_000.0;
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        formatter
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()?
            .as_string()
    };
    format().unwrap_or_else(|| month.to_owned())
}

/// The year of a `YYYY-MM` month.
fn year_of(month: &str) -> String {
    parse_month(month).map_or_else(String::new, |(y, _)| y.to_string())
}

/// Completions per month, by level (index 0 = Level 1). A level outside
/// 1–3 cannot come from a valid pack; it is counted with the nearest.
fn by_level(months: usize, completions: &[CourseCompletions]) -> Vec<[u32; 3]> {
    let mut out = vec![[0u32; 3]; months];
    for c in completions {
        let level = usize::from(c.level.clamp(1, 3)) - 1;
        for (month, n) in out.iter_mut().zip(&c.per_month) {
            month[level] = month[level].saturating_add(*n);
        }
    }
    out
}

/// The step between gridlines: 1, 2 or 5 times a power of ten, the
/// smallest that reaches `highest` in at most [`MAX_STEPS`] steps.
fn axis_step(highest: u32) -> u64 {
    let highest = u64::from(highest.max(1));
    let mut power = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * power;
            if highest.div_ceil(step) <= MAX_STEPS {
                return step;
            }
        }
        power *= 10;
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    pub completions: Vec<CourseCompletions>,
}

#[function_component(CompletionsOverTime)]
pub fn completions_over_time(p: &Props) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let columns = by_level(p.months.len(), &p.completions);
    let any = columns.iter().flatten().any(|n| *n > 0);
    let figure = if any {
        html! {
            <>
                { legend(t) }
                { chart(t, &p.months, &columns) }
            </>
        }
    } else {
        html! { <p class="muted" id="dash-completions-none">{ t.t("dashboard-completions-none") }</p> }
    };
    html! {
        <>
            { figure }
            if !p.completions.is_empty() {
                { table(t, p) }
            }
        </>
    }
}

/// The three levels: their fill and their name.
fn legend(t: &I18n) -> Html {
    html! {
        <ul class="chart-legend" aria-label={t.t("results-legend")}>
            { for (1..=3u8).map(|level| html! {
                <li>
                    <span class={format!("swatch dash-swatch-{level}")} aria-hidden="true"></span>
                    { t.t_args("mastery-level", &[("level", level.into())]) }
                </li>
            }) }
        </ul>
    }
}

/// The months shown, in a phrase: "between March 2025 and February 2026".
fn period(t: &I18n, months: &[String]) -> String {
    let long = [("month", "long"), ("year", "numeric")];
    match (months.first(), months.last()) {
        (Some(first), Some(last)) if first != last => t.t_args(
            "dashboard-period",
            &[
                ("first", month_name(t, first, &long).into()),
                ("last", month_name(t, last, &long).into()),
            ],
        ),
        (Some(only), _) => t.t_args(
            "dashboard-period-one",
            &[("month", month_name(t, only, &long).into())],
        ),
        _ => String::new(),
    }
}

/// What the chart shows, in sentences: the caption under it.
fn summary(t: &I18n, months: &[String], columns: &[[u32; 3]]) -> String {
    let mut levels = [0u32; 3];
    for column in columns {
        for (sum, n) in levels.iter_mut().zip(column) {
            *sum = sum.saturating_add(*n);
        }
    }
    let total = levels.iter().fold(0u32, |a, n| a.saturating_add(*n));
    // The first of the busiest months.
    let peak = columns
        .iter()
        .map(|c| c.iter().sum::<u32>())
        .enumerate()
        .fold(None::<(usize, u32)>, |best, (i, n)| match best {
            Some((_, b)) if b >= n => best,
            _ => Some((i, n)),
        });
    let mut text = t.t_args(
        "dashboard-completions-summary",
        &[
            ("count", total.into()),
            ("period", period(t, months).into()),
            ("l1", levels[0].into()),
            ("l2", levels[1].into()),
            ("l3", levels[2].into()),
        ],
    );
    if let Some((i, n)) = peak {
        let month = months.get(i).map(String::as_str).unwrap_or_default();
        text.push(' ');
        text.push_str(&t.t_args(
            "dashboard-completions-peak",
            &[
                (
                    "month",
                    month_name(t, month, &[("month", "long"), ("year", "numeric")]).into(),
                ),
                ("count", n.into()),
            ],
        ));
    }
    text.push(' ');
    text.push_str(&t.t("dashboard-completions-see-table"));
    text
}

/// The column chart: gridlines with their numbers, then one stacked
/// column per month with its total above and the month below.
fn chart(t: &I18n, months: &[String], columns: &[[u32; 3]]) -> Html {
    let highest = columns
        .iter()
        .map(|c| c.iter().sum::<u32>())
        .max()
        .unwrap_or(0);
    let step = axis_step(highest);
    let top = step * u64::from(highest.max(1)).div_ceil(step);
    let scale = (PLOT_BASE - PLOT_TOP) / top as f64;
    let width = AXIS + SLOT * months.len() as f64 + 8.0;
    let short = [("month", "short")];
    let long = [("month", "long"), ("year", "numeric")];

    let gridlines = (0..=top / step).map(|i| {
        let value = i * step;
        let y = PLOT_BASE - value as f64 * scale;
        html! {
            <g class="gridline">
                <line x1={at(AXIS)} y1={at(y)} x2={at(width)} y2={at(y)}
                    class={if value == 0 { "baseline" } else { "grid" }} />
                <text x={at(AXIS - 8.0)} y={at(y + 4.0)} text-anchor="end" class="chart-label">
                    { t.number(value as f64, 0, false) }
                </text>
            </g>
        }
    });

    let bars = months.iter().zip(columns).enumerate().map(|(i, (month, column))| {
        let x = AXIS + SLOT * i as f64 + (SLOT - COLUMN) / 2.0;
        let centre = x + COLUMN / 2.0;
        let month_long = month_name(t, month, &long);
        let mut y = PLOT_BASE;
        let mut segments = vec![];
        for (level, n) in (1u8..).zip(column) {
            if *n == 0 {
                continue;
            }
            let h = f64::from(*n) * scale;
            y -= h;
            // Level 2 is filled with the striped pattern; no CSS class may
            // set its fill, as a CSS fill would override the attribute.
            let fill = if level == 2 {
                Some(format!("url(#{HATCH_ID})"))
            } else {
                None
            };
            segments.push(html! {
                <rect x={at(x)} y={at(y)} width={at(COLUMN)} height={at(h)}
                    class={format!("dash-seg dash-seg-{level}")} fill={fill}>
                    <title>{ t.t_args("dashboard-completions-segment", &[
                        ("month", month_long.clone().into()),
                        ("level", level.into()),
                        ("count", (*n).into()),
                    ]) }</title>
                </rect>
            });
        }
        let total: u32 = column.iter().sum();
        // The year under the first month and under each January.
        let show_year = i == 0 || month.ends_with("-01");
        html! {
            <g data-month={month.clone()} data-total={total.to_string()}>
                { for segments }
                if total > 0 {
                    <rect x={at(x)} y={at(y)} width={at(COLUMN)} height={at(PLOT_BASE - y)} class="dash-column-frame" />
                }
                <text x={at(centre)} y={at(y - 6.0)} text-anchor="middle" class="chart-value">
                    { t.number(f64::from(total), 0, false) }
                </text>
                <text x={at(centre)} y={at(PLOT_BASE + 18.0)} text-anchor="middle" class="chart-label">
                    { month_name(t, month, &short) }
                </text>
                if show_year {
                    <text x={at(centre)} y={at(PLOT_BASE + 36.0)} text-anchor="middle" class="chart-label year">
                        { year_of(month) }
                    </text>
                }
            </g>
        }
    });

    html! {
        <figure class="dash-figure">
            <div class="table-scroll">
                <svg class="dash-chart dash-columns" width={at(width)} height={at(HEIGHT)}
                    viewBox={format!("0 0 {} {}", at(width), at(HEIGHT))} role="img"
                    aria-labelledby="dash-completions-chart-title"
                    aria-describedby="dash-completions-summary">
                    <title id="dash-completions-chart-title">{ t.t("dashboard-completions-chart-title") }</title>
                    <defs>
                        <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6"
                            patternTransform="rotate(45)">
                            <rect x="0" y="0" width="6" height="6" class="dash-hatch-base" />
                            <line x1="0" y1="0" x2="0" y2="6" class="dash-hatch" />
                        </pattern>
                    </defs>
                    { for gridlines }
                    { for bars }
                </svg>
            </div>
            <figcaption id="dash-completions-summary" class="hint">{ summary(t, months, columns) }</figcaption>
        </figure>
    }
}

/// Every course, month by month: the chart's figures as a table.
fn table(t: &I18n, p: &Props) -> Html {
    let lang = t.lang();
    let heading = [("month", "short"), ("year", "numeric")];
    let long = [("month", "long"), ("year", "numeric")];
    html! {
        <>
            <div class="table-scroll">
                <table class="data dash-table" id="dash-completions-table"
                    aria-describedby="dash-total-note">
                    <caption>{ t.t("dashboard-completions-table") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.t("dashboard-course") }</th>
                            <th scope="col" class="num">{ t.t("dashboard-level") }</th>
                            { for p.months.iter().map(|m| html! {
                                <th scope="col" class="num">
                                    <span aria-hidden="true">{ month_name(t, m, &heading) }</span>
                                    <span class="sr-only">{ month_name(t, m, &long) }</span>
                                </th>
                            }) }
                            <th scope="col" class="num">{ t.t("dashboard-total") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for p.completions.iter().map(|c| html! {
                            <tr data-course={c.course.to_string()}>
                                <th scope="row">{ c.title.get(lang).to_owned() }</th>
                                <td class="num">{ c.level.to_string() }</td>
                                { for p.months.iter().enumerate().map(|(i, _)| {
                                    let n = c.per_month.get(i).copied().unwrap_or(0);
                                    html! {
                                        <td class={classes!("num", (n == 0).then_some("muted"))}>
                                            { t.number(f64::from(n), 0, false) }
                                        </td>
                                    }
                                }) }
                                <td class="num">{ t.number(f64::from(c.total), 0, false) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="hint" id="dash-total-note">{ t.t("dashboard-total-note") }</p>
        </>
    }
}
