//! The form for a Level 3 observed or secret-shopper assessment.

use crate::components::error_text;
use crate::i18n::local_today;
use crate::ipc;
use crate::state::{use_app, MapAction, MapState};
use mastery_types::{ApiError, CourseId, PersonId};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ObservationFormProps {
    pub home: mastery_types::CoachHome,
    pub reload: UseStateHandle<u32>,
}

#[function_component(ObservationForm)]
pub fn observation_form(p: &ObservationFormProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let learner = use_state(|| {
        p.home
            .learners
            .first()
            .map(|l| l.person_id.0.to_string())
            .unwrap_or_default()
    });
    let course = use_state(|| {
        p.home
            .observation_courses
            .first()
            .map(|c| c.id.as_str().to_owned())
            .unwrap_or_default()
    });
    let kind = use_state(|| mastery_types::AssessmentKind::Observed);
    let date = use_state(local_today);
    let scores = use_reducer(MapState::<u8>::default);
    let notes = use_state(String::new);
    let outcome = use_state(|| None::<Result<bool, ApiError>>);
    let Some(c) = p
        .home
        .observation_courses
        .iter()
        .find(|c| c.id.as_str() == course.as_str())
    else {
        return html! {};
    };
    let select = |h: &UseStateHandle<String>| {
        let (h, scores) = (h.clone(), scores.clone());
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            h.set(s.value());
            scores.dispatch(MapAction::Clear);
        })
    };
    let submit = {
        let (learner, course, kind, date, scores, notes, outcome, reload) = (
            learner.clone(),
            course.clone(),
            kind.clone(),
            date.clone(),
            scores.clone(),
            notes.clone(),
            outcome.clone(),
            p.reload.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Ok(uuid), Ok(held_on)) = (
                learner.parse(),
                chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d"),
            ) else {
                outcome.set(Some(Err(ApiError::new(
                    mastery_types::ErrorCode::InvalidInput,
                    "choose a learner and a date",
                ))));
                return;
            };
            let req = mastery_types::ObservationRequest {
                learner: PersonId(uuid),
                course: CourseId((*course).clone()),
                kind: *kind,
                held_on,
                scores: scores
                    .0
                    .iter()
                    .map(|(c, v)| mastery_types::CriterionScore {
                        criterion: c.clone(),
                        score: *v,
                    })
                    .collect(),
                notes: (*notes).clone(),
            };
            let (outcome, reload, scores, notes) = (
                outcome.clone(),
                reload.clone(),
                scores.clone(),
                notes.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::record_observation(&req).await {
                    Ok(o) => {
                        outcome.set(Some(Ok(o.passed)));
                        scores.dispatch(MapAction::Clear);
                        notes.set(String::new());
                        reload.set(*reload + 1);
                    }
                    Err(e) => outcome.set(Some(Err(e))),
                }
            });
        })
    };
    html! {
        <section class="card" aria-labelledby="observe-title">
            <h2 id="observe-title">{ t.t("observe-title") }</h2>
            <form id="observation-form" onsubmit={submit} novalidate=true>
                <div class="form-grid">
                    <div class="field">
                        <label for="obs-learner">{ t.t("coaching-learner") }</label>
                        <select id="obs-learner" onchange={select(&learner)}>
                            { for p.home.learners.iter().map(|l| html! {
                                <option value={l.person_id.0.to_string()} selected={l.person_id.0.to_string() == *learner}>{ format!("{} ({})", l.name, l.employee_number) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="obs-course">{ t.t("coaching-course") }</label>
                        <select id="obs-course" onchange={select(&course)}>
                            { for p.home.observation_courses.iter().map(|oc| html! {
                                <option value={oc.id.as_str().to_owned()} selected={oc.id == c.id}>{ oc.title.get(&lang).to_owned() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="obs-kind">{ t.t("observe-kind") }</label>
                        <select id="obs-kind" onchange={{ let h = kind.clone(); Callback::from(move |e: Event| { let s: HtmlSelectElement = e.target_unchecked_into(); if let Some(k) = mastery_types::AssessmentKind::parse(&s.value()) { h.set(k); } }) }}>
                            <option value="observed" selected={*kind == mastery_types::AssessmentKind::Observed}>{ t.t("observe-kind-observed") }</option>
                            <option value="secret_shopper" selected={*kind == mastery_types::AssessmentKind::SecretShopper}>{ t.t("observe-kind-secret") }</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="obs-date">{ t.t("coaching-date") }</label>
                        <input type="date" id="obs-date" value={(*date).clone()} oninput={{ let h = date.clone(); Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); }) }} />
                    </div>
                </div>
                <p class="hint">{ t.t_args("rubric-summary", &[("title", c.rubric.title.get(&lang).to_owned().into()), ("pass", c.rubric.min_total_percent.into()), ("each", c.rubric.min_each.into())]) }</p>
                { for c.rubric.criteria.iter().map(|cr| html! {
                    <fieldset class="criterion" data-criterion={cr.id.clone()}>
                        <legend>{ cr.title.get(&lang).to_owned() }</legend>
                        { for cr.levels.iter().enumerate().map(|(i, level)| {
                            let v = u8::try_from(i + 1).unwrap_or(u8::MAX);
                            let id = format!("obs-{}-{v}", cr.id);
                            let pick = { let (scores, cid) = (scores.clone(), cr.id.clone()); Callback::from(move |_| scores.dispatch(MapAction::Insert(cid.clone(), v))) };
                            html! {
                                <label class="level-choice" for={id.clone()}>
                                    <input type="radio" id={id} name={format!("obs-{}", cr.id)} checked={scores.0.get(&cr.id) == Some(&v)} onchange={pick} />
                                    <strong>{ v }</strong>{ " " }{ level.get(&lang).to_owned() }
                                </label>
                            }
                        }) }
                    </fieldset>
                }) }
                <label for="obs-notes">{ t.t("observe-notes") }</label>
                <textarea id="obs-notes" rows="3" value={(*notes).clone()} oninput={{ let h = notes.clone(); Callback::from(move |e: InputEvent| { let a: HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); }) }}></textarea>
                { match &*outcome {
                    Some(Ok(passed)) => html! { <p class="ok" role="status" id="observe-result">{ t.t(if *passed { "observe-passed" } else { "observe-not-passed" }) }</p> },
                    Some(Err(e)) => html! { <p class="error" role="alert" id="observe-result">{ error_text(t, e) }</p> },
                    None => html! {},
                } }
                <button type="submit" class="primary" id="observe-submit">{ t.t("observe-submit") }</button>
            </form>
        </section>
    }
}
