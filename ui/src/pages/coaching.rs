//! Coaches (and managers acting as coach): log an on-the-job coaching
//! session against the Five Drivers, guided by the course's checklist, and
//! see each logged session with the learner's response.

use crate::components::error_text;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load, MapAction, MapState};
use mastery_types::{
    ApiError, CoachingRequest, CoachingSessionView, CoachingStatus, CourseId, Driver, Observation,
    PersonId,
};
use std::collections::BTreeMap;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Today in the computer's own time zone, as `YYYY-MM-DD`.
fn local_today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

pub fn status_pill(t: &I18n, s: &CoachingStatus) -> Html {
    let (class, key) = match s {
        CoachingStatus::Awaiting => ("pill open", "coaching-awaiting"),
        CoachingStatus::Acknowledged => ("pill completed", "coaching-acknowledged"),
        CoachingStatus::Disputed => ("pill error", "coaching-disputed"),
    };
    html! { <span class={class} data-status={key}>{ t.t(key) }</span> }
}

/// One session, as coach and learner both read it.
pub fn session_html(t: &I18n, s: &CoachingSessionView, show_learner: bool) -> Html {
    let lang = t.lang();
    html! {
        <article class="session" data-session={s.id.clone()}>
            <header class="session-head">
                <strong>{ t.date(s.held_on) }</strong>
                if show_learner { <span>{ s.learner.clone() }</span> } else { <span>{ t.t_args("coaching-by", &[("coach", s.coach.clone().into())]) }</span> }
                <span class="muted">{ s.course_title.get(lang).to_owned() }</span>
                <span class="muted">{ t.t_args("coaching-minutes", &[("minutes", s.duration_minutes.into())]) }{ " · " }{ t.t(&format!("setting-{}", s.setting.as_str())) }</span>
                { status_pill(t, &s.status) }
            </header>
            <ul class="observations">
                { for s.observations.iter().map(|o| html! {
                    <li data-driver={o.driver.as_str()}>
                        <strong>{ t.t(&format!("driver-{}", o.driver.as_str())) }</strong>
                        { " " }<span class="pill open">{ t.t_args("coaching-rating", &[("rating", o.rating.into())]) }</span>
                        <p>{ o.evidence.clone() }</p>
                    </li>
                }) }
            </ul>
            <p><strong>{ t.t("coaching-next-steps") }</strong>{ " " }{ s.next_steps.clone() }</p>
            if !s.response_comment.is_empty() {
                <p class="muted">{ t.t_args("coaching-learner-said", &[("comment", s.response_comment.clone().into())]) }</p>
            }
        </article>
    }
}

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

/// Submissions awaiting review, each with the rubric to score it.
#[function_component(ReviewQueue)]
pub fn review_queue() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let queue = use_load(*reload, |_| ipc::review_queue());
    let body = match &*queue {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p class="muted" id="queue-empty">{ t.t("review-queue-empty") }</p> }
        }
        Some(Ok(list)) => html! { for list.iter().map(|s| html! {
            <ReviewCard submission={s.clone()} reload={reload.clone()} key={s.id.clone()} />
        }) },
    };
    html! {
        <section class="card" aria-labelledby="queue-title" id="review-queue">
            <h2 id="queue-title">{ t.t("review-queue-title") }</h2>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewCardProps {
    submission: mastery_types::SubmissionView,
    reload: UseStateHandle<u32>,
}

#[function_component(ReviewCard)]
fn review_card(p: &ReviewCardProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let s = &p.submission;
    let scores = use_reducer(MapState::<u8>::default);
    let comment = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let decide = |accept: bool| {
        let (scores, comment, error, reload, id) = (
            scores.clone(),
            comment.clone(),
            error.clone(),
            p.reload.clone(),
            s.id.clone(),
        );
        Callback::from(move |_| {
            let req = mastery_types::ReviewRequest {
                submission_id: id.clone(),
                scores: scores
                    .0
                    .iter()
                    .map(|(c, v)| mastery_types::CriterionScore {
                        criterion: c.clone(),
                        score: *v,
                    })
                    .collect(),
                comment: (*comment).clone(),
                accept,
            };
            let (error, reload) = (error.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::review_submission(&req).await {
                    Ok(_) => reload.set(*reload + 1),
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    html! {
        <article class="review-card" data-submission={s.id.clone()}>
            <h3>{ format!("{} — {}", s.learner, s.assignment_title.get(&lang)) }</h3>
            <p class="muted">{ format!("{} · {}", s.course_title.get(&lang), t.date_time(s.submitted_at)) }</p>
            <p class="submission-body">{ s.body.clone() }</p>
            if !s.files.is_empty() {
                <ul class="files">{ for s.files.iter().map(|f| html! { <li>{ format!("{} ({} KB)", f.name, f.size.div_ceil(1024)) }</li> }) }</ul>
            }
            if let Some(r) = &s.rubric {
                { for r.criteria.iter().map(|c| html! {
                    <fieldset class="criterion" data-criterion={c.id.clone()}>
                        <legend>{ c.title.get(&lang).to_owned() }</legend>
                        { for c.levels.iter().enumerate().map(|(i, level)| {
                            let v = u8::try_from(i + 1).unwrap_or(u8::MAX);
                            let id = format!("{}-{}-{v}", s.id, c.id);
                            let pick = {
                                let (scores, cid) = (scores.clone(), c.id.clone());
                                Callback::from(move |_| scores.dispatch(MapAction::Insert(cid.clone(), v)))
                            };
                            html! {
                                <label class="level-choice" for={id.clone()}>
                                    <input type="radio" id={id} name={format!("{}-{}", s.id, c.id)} data-score={v.to_string()}
                                        checked={scores.0.get(&c.id) == Some(&v)} onchange={pick} />
                                    <strong>{ v }</strong>{ " " }{ level.get(&lang).to_owned() }
                                </label>
                            }
                        }) }
                    </fieldset>
                }) }
            }
            <label for={format!("review-comment-{}", s.id)}>{ t.t("review-comment") }</label>
            <textarea id={format!("review-comment-{}", s.id)} rows="3" value={(*comment).clone()} oninput={{
                let h = comment.clone();
                Callback::from(move |e: InputEvent| { let a: HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); })
            }}></textarea>
            if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
            <div class="actions">
                <button type="button" class="primary" data-accept={s.id.clone()} onclick={decide(true)}>{ t.t("review-accept") }</button>
                <button type="button" class="secondary" data-return={s.id.clone()} onclick={decide(false)}>{ t.t("review-return") }</button>
            </div>
        </article>
    }
}

/// The form for a Level 3 observed or secret-shopper assessment.
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

/// Forming a team for a Level 2 team synthesis.
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
