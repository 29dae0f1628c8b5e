//! Forming a team for a Level 2 team synthesis.

use crate::components::error_text;
use crate::ipc;
use crate::state::{use_app, MapAction, MapState};
use mastery_types::{ApiError, CourseId, PersonId};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TeamFormProps {
    pub home: mastery_types::CoachHome,
}

#[function_component(TeamForm)]
pub fn team_form(p: &TeamFormProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let course = use_state(|| {
        p.home
            .synthesis_courses
            .first()
            .map(|c| c.id.as_str().to_owned())
            .unwrap_or_default()
    });
    let name = use_state(String::new);
    let picked = use_reducer(MapState::<bool>::default);
    let outcome = use_state(|| None::<Result<mastery_types::TeamInfo, ApiError>>);
    let Some(c) = p
        .home
        .synthesis_courses
        .iter()
        .find(|c| c.id.as_str() == course.as_str())
    else {
        return html! {};
    };
    let submit = {
        let (course, name, picked, outcome) = (
            course.clone(),
            name.clone(),
            picked.clone(),
            outcome.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let members = picked
                .0
                .iter()
                .filter(|(_, on)| **on)
                .filter_map(|(id, _)| id.parse().ok().map(PersonId))
                .collect();
            let req = mastery_types::FormTeamRequest {
                course: CourseId((*course).clone()),
                name: (*name).clone(),
                members,
            };
            let (outcome, picked, name) = (outcome.clone(), picked.clone(), name.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let r = ipc::form_team(&req).await;
                if r.is_ok() {
                    picked.dispatch(MapAction::Clear);
                    name.set(String::new());
                }
                outcome.set(Some(r));
            });
        })
    };
    html! {
        <section class="card" aria-labelledby="team-form-title">
            <h2 id="team-form-title">{ t.t("team-form-title") }</h2>
            <form id="team-form" onsubmit={submit} novalidate=true>
                <div class="form-grid">
                    <div class="field">
                        <label for="team-course">{ t.t("coaching-course") }</label>
                        <select id="team-course" onchange={{ let h = course.clone(); Callback::from(move |e: Event| { let s: HtmlSelectElement = e.target_unchecked_into(); h.set(s.value()); }) }}>
                            { for p.home.synthesis_courses.iter().map(|sc| html! {
                                <option value={sc.id.as_str().to_owned()} selected={sc.id == c.id}>{ sc.title.get(&lang).to_owned() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="team-name">{ t.t("team-name") }</label>
                        <input id="team-name" value={(*name).clone()} oninput={{ let h = name.clone(); Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); }) }} />
                    </div>
                </div>
                <fieldset class="members">
                    <legend>{ t.t_args("team-pick", &[("min", c.min_members.into()), ("max", c.max_members.into())]) }</legend>
                    { for p.home.learners.iter().map(|l| {
                        let id = l.person_id.0.to_string();
                        let input_id = format!("member-{id}");
                        let toggle = { let (picked, id) = (picked.clone(), id.clone()); Callback::from(move |e: Event| { let i: HtmlInputElement = e.target_unchecked_into(); picked.dispatch(MapAction::Insert(id.clone(), i.checked())); }) };
                        html! {
                            <label class="check" for={input_id.clone()}>
                                <input type="checkbox" id={input_id} checked={picked.0.get(&id).copied().unwrap_or(false)} onchange={toggle} />
                                { l.name.clone() }
                            </label>
                        }
                    }) }
                </fieldset>
                { match &*outcome {
                    Some(Ok(team)) => html! { <p class="ok" role="status" id="team-result">{ t.t_args("team-formed", &[("name", team.name.clone().into()), ("members", team.members.join(", ").into())]) }</p> },
                    Some(Err(e)) => html! { <p class="error" role="alert" id="team-result">{ error_text(t, e) }</p> },
                    None => html! {},
                } }
                <button type="submit" class="primary" id="team-submit">{ t.t("team-form-submit") }</button>
            </form>
        </section>
    }
}
