//! Coaches (and managers acting as coach): log an on-the-job coaching
//! session against the Five Drivers, guided by the course's checklist, and
//! see each logged session with the learner's response.

use crate::components::coaching_session::session_html;
use crate::components::error_text;
use crate::components::observation_form::ObservationForm;
use crate::components::review_queue::ReviewQueue;
use crate::components::team_form::TeamForm;
use crate::i18n::local_today;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{ApiError, CoachingRequest, CourseId, Driver, Observation, PersonId};
use std::collections::BTreeMap;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Clone, Default, PartialEq)]
struct DriverInput {
    observed: bool,
    rating: u8,
    evidence: String,
}

#[function_component(CoachingPage)]
pub fn coaching_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let reload = use_state(|| 0u32);
    let home = use_load(*reload, |_| ipc::coach_home());
    let learner = use_state(String::new);
    let course = use_state(String::new);
    let date = use_state(local_today);
    let duration = use_state(|| "30".to_owned());
    let setting = use_state(|| mastery_types::CoachingSetting::Counter);
    let drivers = use_state(BTreeMap::<Driver, DriverInput>::new);
    let next_steps = use_state(String::new);
    let outcome = use_state(|| None::<Result<String, ApiError>>);

    let home = match &*home {
        None => return html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => return html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(h)) => h.clone(),
    };
    let learner_v = if learner.is_empty() {
        home.learners
            .first()
            .map(|l| l.person_id.0.to_string())
            .unwrap_or_default()
    } else {
        (*learner).clone()
    };
    let course_v = if course.is_empty() {
        home.courses
            .first()
            .map(|c| c.id.as_str().to_owned())
            .unwrap_or_default()
    } else {
        (*course).clone()
    };
    let checklist = home
        .courses
        .iter()
        .find(|c| c.id.as_str() == course_v)
        .map(|c| c.checklist.clone())
        .unwrap_or_default();

    let on_select = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            h.set(s.value());
        })
    };
    let on_input = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            let s: HtmlInputElement = e.target_unchecked_into();
            h.set(s.value());
        })
    };
    let driver_rows = Driver::ALL.into_iter().map(|d| {
        let key = d.as_str();
        let input = drivers.get(&d).cloned().unwrap_or_default();
        let toggle = {
            let drivers = drivers.clone();
            Callback::from(move |e: Event| {
                let c: HtmlInputElement = e.target_unchecked_into();
                let mut next = (*drivers).clone();
                next.entry(d).or_default().observed = c.checked();
                drivers.set(next);
            })
        };
        let evidence = {
            let drivers = drivers.clone();
            Callback::from(move |e: InputEvent| {
                let a: HtmlTextAreaElement = e.target_unchecked_into();
                let mut next = (*drivers).clone();
                next.entry(d).or_default().evidence = a.value();
                drivers.set(next);
            })
        };
        let guide = checklist.iter().find(|(x, _)| *x == d).map(|(_, items)| items.clone()).unwrap_or_default();
        html! {
            <fieldset class="driver-input" data-driver={key}>
                <legend>
                    <label class="check" for={format!("obs-{key}")}>
                        <input type="checkbox" id={format!("obs-{key}")} checked={input.observed} onchange={toggle} />
                        { t.t(&format!("driver-{key}")) }
                    </label>
                </legend>
                if !guide.is_empty() {
                    <ul class="checklist-guide">{ for guide.iter().map(|g| html! { <li>{ g.get(&lang).to_owned() }</li> }) }</ul>
                }
                if input.observed {
                    <div class="scale" role="radiogroup" aria-label={t.t_args("coaching-rating-for", &[("driver", t.t(&format!("driver-{key}")).into())])}>
                        { for (1..=4u8).map(|n| {
                            let pick = {
                                let drivers = drivers.clone();
                                Callback::from(move |_| {
                                    let mut next = (*drivers).clone();
                                    next.entry(d).or_default().rating = n;
                                    drivers.set(next);
                                })
                            };
                            let id = format!("rate-{key}-{n}");
                            html! {
                                <label class="scale-point" for={id.clone()}>
                                    <input type="radio" id={id} name={format!("rate-{key}")} checked={input.rating == n} onchange={pick} />
                                    { t.t(&format!("rating-{n}")) }
                                </label>
                            }
                        }) }
                    </div>
                    <label for={format!("evidence-{key}")}>{ t.t("coaching-evidence") }</label>
                    <textarea id={format!("evidence-{key}")} rows="2" value={input.evidence.clone()} oninput={evidence}></textarea>
                }
            </fieldset>
        }
    });

    let submit = {
        let (learner_v, course_v, date, duration, setting, drivers, next_steps, outcome, reload) = (
            learner_v.clone(),
            course_v.clone(),
            date.clone(),
            duration.clone(),
            setting.clone(),
            drivers.clone(),
            next_steps.clone(),
            outcome.clone(),
            reload.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let held_on = match chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
                Ok(d) => d,
                Err(_) => {
                    outcome.set(Some(Err(ApiError::problem(
                        mastery_types::Problem::NotADate {
                            field: mastery_types::Field::Date,
                        },
                    ))));
                    return;
                }
            };
            let Ok(uuid) = learner_v.parse() else { return };
            let req = CoachingRequest {
                learner: PersonId(uuid),
                course: CourseId(course_v.clone()),
                held_on,
                duration_minutes: duration.trim().parse().unwrap_or(0),
                setting: *setting,
                observations: drivers
                    .iter()
                    .filter(|(_, i)| i.observed)
                    .map(|(d, i)| Observation {
                        driver: *d,
                        rating: i.rating,
                        evidence: i.evidence.clone(),
                    })
                    .collect(),
                next_steps: (*next_steps).clone(),
            };
            let (outcome, reload, drivers, next_steps) = (
                outcome.clone(),
                reload.clone(),
                drivers.clone(),
                next_steps.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::log_coaching(&req).await {
                    Ok(s) => {
                        outcome.set(Some(Ok(s.learner)));
                        drivers.set(BTreeMap::new());
                        next_steps.set(String::new());
                        reload.set(*reload + 1);
                    }
                    Err(e) => outcome.set(Some(Err(e))),
                }
            });
        })
    };

    html! {
        <div class="page coaching">
            <div class="page-head"><h1>{ t.t("coaching-title") }</h1></div>
            <ReviewQueue />
            <section class="card" aria-labelledby="log-title">
                <h2 id="log-title">{ t.t("coaching-log-title") }</h2>
                <form id="coaching-form" onsubmit={submit} novalidate=true>
                    <div class="form-grid">
                        <div class="field">
                            <label for="coach-learner">{ t.t("coaching-learner") }</label>
                            <select id="coach-learner" onchange={on_select(&learner)}>
                                { for home.learners.iter().map(|l| html! {
                                    <option value={l.person_id.0.to_string()} data-name={l.name.clone()} selected={l.person_id.0.to_string() == learner_v}>
                                        { format!("{} ({})", l.name, l.employee_number) }
                                    </option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="coach-course">{ t.t("coaching-course") }</label>
                            <select id="coach-course" onchange={on_select(&course)}>
                                { for home.courses.iter().map(|c| html! {
                                    <option value={c.id.as_str().to_owned()} selected={c.id.as_str() == course_v}>{ c.title.get(&lang).to_owned() }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="coach-date">{ t.t("coaching-date") }</label>
                            <input type="date" id="coach-date" value={(*date).clone()} oninput={on_input(&date)} />
                        </div>
                        <div class="field">
                            <label for="coach-duration">{ t.t("coaching-duration") }</label>
                            <input type="number" id="coach-duration" min="1" max="480" value={(*duration).clone()} oninput={on_input(&duration)} />
                        </div>
                        <div class="field">
                            <label for="coach-setting">{ t.t("coaching-setting") }</label>
                            <select id="coach-setting" onchange={{
                                let h = setting.clone();
                                Callback::from(move |e: Event| {
                                    let s: HtmlSelectElement = e.target_unchecked_into();
                                    if let Some(v) = mastery_types::CoachingSetting::parse(&s.value()) { h.set(v); }
                                })
                            }}>
                                { for mastery_types::CoachingSetting::ALL.iter().map(|s| html! {
                                    <option value={s.as_str()} selected={*s == *setting}>{ t.t(&format!("setting-{}", s.as_str())) }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                    <p class="hint">{ t.t("coaching-drivers-hint") }</p>
                    { for driver_rows }
                    <div class="field">
                        <label for="coach-next">{ t.t("coaching-next-steps") }</label>
                        <textarea id="coach-next" rows="2" value={(*next_steps).clone()} oninput={{
                            let h = next_steps.clone();
                            Callback::from(move |e: InputEvent| { let a: HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); })
                        }}></textarea>
                    </div>
                    { match &*outcome {
                        Some(Ok(who)) => html! { <p class="ok" id="coaching-result" role="status">{ t.t_args("coaching-logged", &[("name", who.clone().into())]) }</p> },
                        Some(Err(e)) => html! { <p class="error" id="coaching-result" role="alert">{ error_text(t, e) }</p> },
                        None => html! {},
                    } }
                    <button type="submit" class="primary" id="coach-submit">{ t.t("coaching-submit") }</button>
                </form>
            </section>
            <ObservationForm home={home.clone()} reload={reload.clone()} />
            <TeamForm home={home.clone()} />
            <section class="card" aria-labelledby="logged-title" id="coach-logged">
                <h2 id="logged-title">{ t.t_args("coaching-logged-title", &[("count", home.logged.len().into())]) }</h2>
                { for home.logged.iter().map(|s| session_html(t, s, true)) }
            </section>
        </div>
    }
}
