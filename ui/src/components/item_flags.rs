//! The flagged items of a course's knowledge check, compact enough to sit
//! beside the draft editor: each with its share of right answers, its
//! discrimination and why it is flagged. The full table lives on the
//! survey results page (`item_analysis_view`).

use crate::components::course_feedback::flagged;
use crate::components::item_analysis_view::flag_text;
use crate::i18n::I18n;
use crate::state::use_app;
use mastery_types::{ApiError, ItemAnalysis, ItemAnalysisRow};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemFlagsProps {
    /// `None` while it loads.
    pub analysis: Option<Result<ItemAnalysis, ApiError>>,
    /// The heading's id, for the region that names itself after it.
    pub heading_id: AttrValue,
}

/// "+0,12", or that it could not be measured (everyone scored alike).
pub fn discrimination_text(t: &I18n, d: Option<f64>) -> String {
    d.map_or_else(|| t.t("feedback-not-measured"), |d| t.number(d, 2, true))
}

fn flagged_row(t: &I18n, i: &ItemAnalysisRow) -> Html {
    html! {
        <li data-item={i.item.clone()}>
            <p><code>{ i.item.clone() }</code>{ " " }{ i.prompt.get(t.lang()).to_owned() }</p>
            <p class="flag-line">
                { for i.flags.iter().map(|f| html! {
                    <span class="pill warning">{ flag_text(t, *f) }</span>
                }) }
                <span class="muted">{ t.t_args("feedback-item-stats", &[
                    ("right", t.number(i.difficulty * 100.0, 0, false).into()),
                    ("discrimination", discrimination_text(t, i.discrimination).into()),
                ]) }</span>
            </p>
        </li>
    }
}

#[function_component(ItemFlags)]
pub fn item_flags(p: &ItemFlagsProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let body = match &p.analysis {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        // A course without a knowledge check, or a refusal: a quiet line.
        Some(Err(_)) => html! { <p class="muted">{ t.t("feedback-items-unavailable") }</p> },
        Some(Ok(a)) if a.attempts == 0 => {
            html! { <p class="muted">{ t.t("items-none") }</p> }
        }
        Some(Ok(a)) => {
            let rows: Vec<&ItemAnalysisRow> = flagged(a).collect();
            // Below the minimum no item is flagged yet: the line above says so.
            let list = if a.attempts < a.min_attempts_for_flags {
                html! {}
            } else if rows.is_empty() {
                html! { <p class="ok">{ t.t("feedback-items-none-flagged") }</p> }
            } else {
                html! { <ul class="flagged-items">{ for rows.iter().map(|i| flagged_row(t, i)) }</ul> }
            };
            html! {
                <>
                    <p class="muted">
                        { t.t_args("feedback-items-version", &[("version", a.version.clone().into())]) }
                        { " " }
                        { t.t_args("items-attempts", &[
                            ("count", a.attempts.into()), ("min", a.min_attempts_for_flags.into()),
                        ]) }
                    </p>
                    { list }
                </>
            }
        }
    };
    html! {
        <>
            <h3 id={p.heading_id.clone()}>{ t.t("feedback-items-title") }</h3>
            { body }
        </>
    }
}
