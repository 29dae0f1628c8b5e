//! A coach or manager schedules a class of a course: the day and times in
//! their office's time zone, the place, and how many seats. The person
//! scheduling teaches it; the backend checks the times and the seats.

use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::use_app;
use mastery_types::{ApiError, ClassView, CourseId, LocalizedText, Problem, ScheduleClassRequest};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScheduleClassFormProps {
    /// Courses the person may schedule a class of.
    pub courses: Vec<(CourseId, LocalizedText)>,
    /// The person's office time zone, where the times typed are read.
    pub time_zone: String,
    /// Bumped to reload the classes once one is scheduled.
    pub reload: UseStateHandle<u32>,
}

/// The fields a refusal points at, to mark them `aria-invalid`.
#[derive(Default)]
struct Invalid {
    date: bool,
    starts: bool,
    ends: bool,
    capacity: bool,
}

fn invalid(e: &Option<ApiError>, starts: &str, ends: &str) -> Invalid {
    let Some(p) = e.as_ref().and_then(|e| e.problem.as_ref()) else {
        return Invalid::default();
    };
    match p {
        Problem::NotADate { .. } | Problem::DateInPast { .. } => Invalid {
            date: true,
            ..Invalid::default()
        },
        Problem::ClassInThePast => Invalid {
            date: true,
            starts: true,
            ..Invalid::default()
        },
        Problem::NotATime { given } => Invalid {
            starts: given.as_str() == starts,
            ends: given.as_str() == ends,
            ..Invalid::default()
        },
        Problem::ClassEndsBeforeStart | Problem::ClassTooLong { .. } => Invalid {
            ends: true,
            ..Invalid::default()
        },
        Problem::ClassNoCapacity | Problem::OutOfRange { .. } => Invalid {
            capacity: true,
            ..Invalid::default()
        },
        _ => Invalid::default(),
    }
}

#[function_component(ScheduleClassForm)]
pub fn schedule_class_form(p: &ScheduleClassFormProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let course = use_state(|| {
        p.courses
            .first()
            .map(|(id, _)| id.as_str().to_owned())
            .unwrap_or_default()
    });
    let date = use_state(String::new);
    let starts = use_state(String::new);
    let ends = use_state(String::new);
    let place = use_state(String::new);
    let capacity = use_state(|| "12".to_owned());
    let capacity_invalid = use_state(|| false);

    let schedule = use_action(
        |request: ScheduleClassRequest| async move { ipc::schedule_class(&request).await },
        {
            let (reload, date, starts, ends, place) = (
                p.reload.clone(),
                date.clone(),
                starts.clone(),
                ends.clone(),
                place.clone(),
            );
            Callback::from(move |_: ClassView| {
                // The course and the seats are kept: the next class is
                // often of the same course, in another slot.
                for h in [&date, &starts, &ends, &place] {
                    h.set(String::new());
                }
                reload.set(*reload + 1);
            })
        },
    );

    let onsubmit = {
        let (course, date, starts, ends, place, capacity, capacity_invalid, run) = (
            course.clone(),
            date.clone(),
            starts.clone(),
            ends.clone(),
            place.clone(),
            capacity.clone(),
            capacity_invalid.clone(),
            schedule.run.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Reading the number is form mechanics; the backend checks
            // that a class has at least one seat.
            let seats = capacity.trim().parse::<u32>().ok().filter(|n| *n >= 1);
            capacity_invalid.set(seats.is_none());
            let Some(capacity) = seats else {
                return;
            };
            run.emit(ScheduleClassRequest {
                course: CourseId((*course).clone()),
                date: (*date).clone(),
                starts: (*starts).clone(),
                ends: (*ends).clone(),
                place: (*place).trim().to_owned(),
                facilitator: None,
                capacity,
            });
        })
    };
    let input = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            h.set(i.value());
        })
    };
    let on_course = {
        let h = course.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            h.set(s.value());
        })
    };
    let bad = invalid(&schedule.error, &starts, &ends);
    let flag = |b: bool| b.then_some("true");

    html! {
        <section class="card" aria-labelledby="schedule-class-title">
            <h2 id="schedule-class-title">{ t.t("schedule-title") }</h2>
            <form id="schedule-class-form" {onsubmit} novalidate=true>
                <div class="form-grid">
                    <div class="field">
                        <label for="class-course">{ t.t("schedule-course") }</label>
                        <select id="class-course" required=true onchange={on_course}>
                            { for p.courses.iter().map(|(id, title)| html! {
                                <option value={id.as_str().to_owned()} selected={id.as_str() == course.as_str()}>
                                    { title.get(&lang).to_owned() }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="class-date">{ t.t("schedule-date") }</label>
                        <input id="class-date" type="date" required=true value={(*date).clone()}
                            aria-invalid={flag(bad.date)} aria-describedby="class-zone-hint"
                            oninput={input(&date)} />
                    </div>
                    <div class="field">
                        <label for="class-starts">{ t.t("schedule-starts") }</label>
                        <input id="class-starts" type="time" required=true value={(*starts).clone()}
                            aria-invalid={flag(bad.starts)} aria-describedby="class-zone-hint"
                            oninput={input(&starts)} />
                    </div>
                    <div class="field">
                        <label for="class-ends">{ t.t("schedule-ends") }</label>
                        <input id="class-ends" type="time" required=true value={(*ends).clone()}
                            aria-invalid={flag(bad.ends)} aria-describedby="class-zone-hint"
                            oninput={input(&ends)} />
                    </div>
                    <div class="field">
                        <label for="class-place">{ t.t("schedule-place") }</label>
                        <input id="class-place" type="text" required=true value={(*place).clone()}
                            aria-describedby="class-place-hint" oninput={input(&place)} />
                        <p class="hint" id="class-place-hint">{ t.t("schedule-place-hint") }</p>
                    </div>
                    <div class="field">
                        <label for="class-capacity">{ t.t("schedule-capacity") }</label>
                        <input id="class-capacity" type="number" min="1" step="1" inputmode="numeric"
                            required=true value={(*capacity).clone()}
                            aria-invalid={flag(*capacity_invalid || bad.capacity)}
                            oninput={input(&capacity)} />
                    </div>
                </div>
                <p class="hint" id="class-zone-hint">
                    { t.t_args("schedule-zone-hint", &[("zone", p.time_zone.clone().into())]) }
                </p>
                if *capacity_invalid {
                    <p class="error" role="alert">{ t.t("schedule-capacity-invalid") }</p>
                }
                { action_error(t, &schedule.error) }
                <div aria-live="polite">
                    if schedule.done.is_some() && !schedule.busy {
                        <p class="ok" id="class-scheduled">{ t.t("schedule-done") }</p>
                    }
                </div>
                <button type="submit" id="class-schedule" class="primary" disabled={schedule.busy}
                    aria-busy={schedule.busy.then_some("true")}>{ t.t("schedule-submit") }</button>
            </form>
        </section>
    }
}
