//! The learner's catalogue: the four tracks × three Mastery Levels, each
//! course open, completed or locked behind its prerequisites.

use crate::components::course_card::CourseCard;
use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{navigate, use_app, use_load, Page};
use mastery_types::Availability;
use yew::prelude::*;

#[function_component(CataloguePage)]
pub fn catalogue_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang();
    let data = use_load((), |()| ipc::catalogue());
    let due = use_load((), |()| ipc::due_courses());
    let go = |page: Page| navigate(&state, page);
    let due_card = match &*due {
        Some(Ok(list)) if !list.is_empty() => html! {
            <section class="card due" aria-labelledby="due-title" id="due-courses">
                <h2 id="due-title">{ t.t("due-title") }</h2>
                <ul class="due-list">
                    { for list.iter().map(|d| html! {
                        <li data-due-course={d.course.to_string()} data-overdue={d.overdue.to_string()}>
                            <button type="button" class="link" onclick={go(Page::Course(d.course.clone()))}>{ d.title.get(lang).to_owned() }</button>
                            <span class={if d.completed { "pill completed" } else if d.overdue { "pill error" } else { "pill open" }}>
                                { if d.completed { t.t("due-done") } else if d.overdue { t.t_args("due-late", &[("date", t.date(d.due_on).into())]) } else { t.t_args("due-on", &[("date", t.date(d.due_on).into())]) } }
                            </span>
                            <span class="muted">{ t.t_args("due-by", &[("who", d.assigned_by.clone().into())]) }</span>
                            if !d.note.is_empty() { <span class="muted">{ format!("« {} »", d.note) }</span> }
                        </li>
                    }) }
                </ul>
            </section>
        },
        _ => html! {},
    };
    let body = loaded_view(t, &data, |cat| {
        let all = cat.tracks.iter().flat_map(|tr| tr.courses.iter());
        let (mut done, mut open, mut locked) = (0, 0, 0);
        for c in all {
            match c.availability {
                Availability::Completed => done += 1,
                Availability::Open => open += 1,
                Availability::Locked { .. } => locked += 1,
            }
        }
        let tracks = cat.tracks.iter().map(|tr| {
                let heading_id = format!("track-{}", tr.track);
                html! {
                    <section class={classes!("track", tr.is_home_track.then_some("home"))} data-track={tr.track.as_str()}
                        aria-labelledby={heading_id.clone()}>
                        <div class="track-head">
                            <h2 id={heading_id}>{ tr.title.get(lang).to_owned() }</h2>
                            if tr.is_home_track {
                                <span class="badge">{ t.t("your-track") }</span>
                            }
                        </div>
                        <p class="muted audience">{ tr.audience.get(lang).to_owned() }</p>
                        <div class="courses">
                            { for tr.courses.iter().map(|c| html! { <CourseCard key={c.id.to_string()} course={c.clone()} /> }) }
                        </div>
                    </section>
                }
            });
        html! {
            <>
                <div class="page-head">
                    <div>
                        <h1 id="catalogue-title">{ t.t("catalogue-title") }</h1>
                        <p class="muted">{ cat.pack_title.get(lang).to_owned() }{ " · " }
                            { t.t_args("pack-version", &[("version", cat.pack_version.clone().into())]) }</p>
                    </div>
                    <dl class="stats" aria-label={t.t("catalogue-summary")}>
                        <div><dt>{ t.t("course-completed") }</dt><dd data-stat="completed">{ done }</dd></div>
                        <div><dt>{ t.t("course-open") }</dt><dd data-stat="open">{ open }</dd></div>
                        <div><dt>{ t.t("course-locked") }</dt><dd data-stat="locked">{ locked }</dd></div>
                    </dl>
                </div>
                { due_card.clone() }
                { for tracks }
            </>
        }
    });
    html! { <div class="page catalogue">{ body }</div> }
}
