//! Managers: their own staff (from the org structure), what is assigned to
//! each with its due date and whether it is late, and assigning a course.

use crate::components::error_text;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{
    ApiError, AssignCourseRequest, CourseId, CourseProgress, OverviewColumn, TeamMember, TeamView,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct MemberProps {
    member: TeamMember,
    courses: Vec<(CourseId, mastery_types::LocalizedText)>,
    reload: UseStateHandle<u32>,
}

#[function_component(MemberCard)]
fn member_card(p: &MemberProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let m = &p.member;
    let course = use_state(|| {
        p.courses
            .first()
            .map(|c| c.0.to_string())
            .unwrap_or_default()
    });
    let due = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let key = m.person_id.0.to_string();
    let submit = {
        let (course, due, error, reload, learner) = (
            course.clone(),
            due.clone(),
            error.clone(),
            p.reload.clone(),
            m.person_id,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(due_on) = chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d") else {
                error.set(Some(ApiError::problem(mastery_types::Problem::NotADate {
                    field: mastery_types::Field::DueDate,
                })));
                return;
            };
            let req = AssignCourseRequest {
                learner,
                course: CourseId((*course).clone()),
                due_on,
                note: String::new(),
            };
            let (error, reload) = (error.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::assign_course(&req).await {
                    Ok(_) => {
                        error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    html! {
        <article class="member" data-member={m.name.clone()}>
            <h3>{ format!("{} ({})", m.name, m.employee_number) }</h3>
            if m.assigned.is_empty() {
                <p class="muted">{ t.t("team-nothing-assigned") }</p>
            } else {
                <ul class="due-list">{ for m.assigned.iter().map(|d| html! {
                    <li data-due-course={d.course.to_string()} data-overdue={d.overdue.to_string()}>
                        <span>{ d.title.get(&lang).to_owned() }</span>
                        <span class={if d.completed { "pill completed" } else if d.overdue { "pill error" } else { "pill open" }}>
                            { if d.completed { t.t("due-done") } else if d.overdue { t.t_args("due-late", &[("date", t.date(d.due_on).into())]) } else { t.t_args("due-on", &[("date", t.date(d.due_on).into())]) } }
                        </span>
                    </li>
                }) }</ul>
            }
            <form class="inline-form" onsubmit={submit}>
                <label for={format!("assign-course-{key}")}>{ t.t("team-assign-course") }</label>
                <select id={format!("assign-course-{key}")} onchange={{
                    let h = course.clone();
                    Callback::from(move |e: Event| { let s: HtmlSelectElement = e.target_unchecked_into(); h.set(s.value()); })
                }}>
                    { for p.courses.iter().map(|(id, title)| html! {
                        <option value={id.to_string()} selected={id.as_str() == course.as_str()}>{ title.get(&lang).to_owned() }</option>
                    }) }
                </select>
                <label for={format!("assign-due-{key}")}>{ t.t("team-due") }</label>
                <input type="date" id={format!("assign-due-{key}")} value={(*due).clone()} oninput={{
                    let h = due.clone();
                    Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); })
                }} />
                <button type="submit" class="secondary">{ t.t("team-assign") }</button>
            </form>
            if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    view: TeamView,
}

/// Every member × every course: completed, requirements met so far, or
/// locked. Each cell says in words what its symbol shows.
#[function_component(Overview)]
fn overview(p: &OverviewProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let v = &p.view;
    let mut tracks: Vec<(&OverviewColumn, usize)> = Vec::new();
    for col in &v.columns {
        match tracks.last_mut() {
            Some((first, n)) if first.track == col.track => *n += 1,
            _ => tracks.push((col, 1)),
        }
    }
    let cell = |col: &OverviewColumn, progress: Option<&CourseProgress>| {
        let course = col.title.get(&lang).to_owned();
        let (class, symbol, words) = match progress {
            Some(CourseProgress::Completed) => {
                ("completed", "✓".to_owned(), t.t("overview-completed"))
            }
            Some(CourseProgress::Open { met, of }) => (
                "open",
                format!("{met}/{of}"),
                t.t_args(
                    "overview-open",
                    &[("met", (*met).into()), ("of", (*of).into())],
                ),
            ),
            Some(CourseProgress::Locked) | None => {
                ("locked", "—".to_owned(), t.t("overview-locked"))
            }
        };
        html! {
            <td class={classes!("progress-cell", class)} data-course={col.course.to_string()} title={format!("{course}: {words}")}>
                <span aria-hidden="true">{ symbol }</span>
                <span class="sr-only">{ format!("{course}: {words}") }</span>
            </td>
        }
    };
    html! {
        <div class="grow">
        <table class="data overview" id="team-overview">
            <caption>{ t.t("overview-title") }</caption>
            <thead>
                <tr>
                    <th rowspan="2" scope="col">{ t.t("overview-person") }</th>
                    { for tracks.iter().map(|(c, n)| html! {
                        <th scope="colgroup" colspan={n.to_string()} class="track-col">{ c.track_title.get(&lang).to_owned() }</th>
                    }) }
                </tr>
                <tr>
                    { for v.columns.iter().map(|c| html! {
                        <th scope="col" title={c.title.get(&lang).to_owned()}>{ t.t_args("overview-level", &[("n", u8::from(c.level).into())]) }</th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for v.members.iter().map(|m| html! {
                    <tr data-member={m.name.clone()}>
                        <th scope="row">{ m.name.clone() }</th>
                        { for v.columns.iter().enumerate().map(|(i, c)| cell(c, m.progress.get(i))) }
                    </tr>
                }) }
            </tbody>
        </table>
        <p class="muted legend">{ t.t("overview-legend") }</p>
        </div>
    }
}

#[function_component(TeamPage)]
pub fn team_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let team = use_load(*reload, |_| ipc::my_team());
    let body = match &*team {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(v)) if v.members.is_empty() => html! { <p class="muted">{ t.t("team-empty") }</p> },
        Some(Ok(v)) => html! {
            <>
            <Overview view={v.clone()} />
            { for v.members.iter().map(|m| html! {
                <MemberCard key={m.person_id.0.to_string()} member={m.clone()} courses={v.courses.clone()} reload={reload.clone()} />
            }) }
            </>
        },
    };
    let pairings = match &*team {
        Some(Ok(v)) if !v.members.is_empty() => html! {
            <crate::components::pairings::Pairings pairings={v.pairings.clone()} coaches={v.coaches.clone()}
                members={v.members.clone()} reload={reload.clone()} />
        },
        _ => html! {},
    };
    html! {
        <div class="page team">
            <div class="page-head"><h1>{ t.t("team-title") }</h1></div>
            <section class="card">{ body }</section>
            { pairings }
        </div>
    }
}
