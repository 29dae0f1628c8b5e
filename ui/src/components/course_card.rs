//! One course of the catalogue: level, title, summary, and whether the
//! learner can start it (and if not, which course unlocks it).

use crate::state::{navigate, use_app, Page};
use mastery_types::{Availability, CatalogueCourse};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CourseCardProps {
    pub course: CatalogueCourse,
}

#[function_component(CourseCard)]
pub fn course_card(p: &CourseCardProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang();
    let c = &p.course;
    let (state_key, label) = match &c.availability {
        Availability::Open => ("open", t.t("course-open")),
        Availability::Completed => ("completed", t.t("course-completed")),
        Availability::Locked { .. } => ("locked", t.t("course-locked")),
    };
    let requires = match &c.availability {
        Availability::Locked { missing } => {
            let names = missing
                .iter()
                .map(|m| m.title.get(lang).to_owned())
                .collect::<Vec<_>>()
                .join(" · ");
            Some(
                html! { <p class="requires">{ t.t_args("course-requires", &[("courses", names.into())]) }</p> },
            )
        }
        _ => None,
    };
    let title_id = format!("course-{}-title", c.id);
    let open = navigate(&state, Page::Course(c.id.clone()));
    html! {
        <article class={classes!("course", state_key)} data-course-id={c.id.to_string()} data-state={state_key}
            aria-labelledby={title_id.clone()}>
            <div class="course-top">
                <span class="level">{ t.t_args("mastery-level", &[("level", c.level.get().into())]) }</span>
                <span class={classes!("pill", state_key)}>{ icon(state_key) }{ label }</span>
            </div>
            <h3 id={title_id.clone()}>{ c.title.get(lang).to_owned() }</h3>
            <p class="summary">{ c.summary.get(lang).to_owned() }</p>
            { requires.unwrap_or_default() }
            <div class="course-foot">
                <p class="hours muted">{ t.t_args("course-hours", &[("hours", c.estimated_hours.into())]) }</p>
                if state_key != "locked" {
                    <button type="button" class="secondary open-course" data-open-course={c.id.to_string()}
                        aria-describedby={title_id.clone()} onclick={open}>{ t.t("course-open-button") }</button>
                }
            </div>
        </article>
    }
}

/// A small state icon drawn in SVG (no icon font or emoji font needed).
fn icon(state: &str) -> Html {
    let path = match state {
        "completed" => "M3 8.5l3 3 7-7",
        "open" => "M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11z",
        _ => "M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z",
    };
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d={path} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
