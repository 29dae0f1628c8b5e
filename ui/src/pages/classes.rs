//! Classes: in-class sessions of a course. First the surveys the person
//! owes for classes they attended, then word of classes of theirs that were
//! cancelled, the classes ahead (to enrol, join the waiting list or
//! withdraw), and for coaches and managers scheduling a class and the
//! classes they run (attendance, cancelling). The cards live in
//! `components/`.

use crate::components::class_card::ClassCard;
use crate::components::schedule_class_form::ScheduleClassForm;
use crate::components::survey_form::SurveyForm;
use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{use_app, use_load};
use yew::prelude::*;

#[function_component(ClassesPage)]
pub fn classes_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let reload = use_state(|| 0u32);
    let home = use_load(*reload, |_| ipc::classes_home());
    // What became of the last survey: answered (`true`) or declined.
    let survey_outcome = use_state(|| None::<bool>);
    let survey_done = {
        let (reload, outcome) = (reload.clone(), survey_outcome.clone());
        Callback::from(move |answered: bool| {
            outcome.set(Some(answered));
            reload.set(*reload + 1);
            // The survey's card goes; keyboard and screen-reader users
            // continue from the word that it was saved.
            use wasm_bindgen::JsCast;
            if let Some(status) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("classes-status"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = status.focus();
            }
        })
    };

    let body = loaded_view(t, &home, |h| {
        let surveys = if h.surveys.is_empty() {
            html! {}
        } else {
            html! {
                <section id="classes-surveys" class="classes-section" aria-labelledby="classes-surveys-title">
                    <h2 id="classes-surveys-title">{ t.t("classes-surveys-title") }</h2>
                    { for h.surveys.iter().map(|s| html! {
                        <SurveyForm key={s.occasion.clone()} survey={s.clone()} done={survey_done.clone()} />
                    }) }
                </section>
            }
        };
        let cancelled = if h.cancelled.is_empty() {
            html! {}
        } else {
            html! {
                <section id="classes-cancelled" class="classes-section" aria-labelledby="classes-cancelled-title">
                    <h2 id="classes-cancelled-title">{ t.t("classes-cancelled-title") }</h2>
                    <ul class="notices">{ for h.cancelled.iter().map(|c| {
                        let (course, date) = (
                            c.course_title.get(&lang).to_owned(),
                            t.date_in(c.starts_at, &c.time_zone),
                        );
                        html! {
                            <li class="notice" data-cancelled={c.id.clone()}>{ match &c.cancel_reason {
                                Some(reason) => t.t_args("classes-cancelled-notice", &[
                                    ("course", course.into()), ("date", date.into()), ("reason", reason.clone().into()),
                                ]),
                                None => t.t_args("classes-cancelled-notice-no-reason", &[
                                    ("course", course.into()), ("date", date.into()),
                                ]),
                            } }</li>
                        }
                    }) }</ul>
                </section>
            }
        };
        let upcoming = html! {
            <section id="classes-upcoming" class="classes-section" aria-labelledby="classes-upcoming-title">
                <h2 id="classes-upcoming-title">{ t.t("classes-upcoming-title") }</h2>
                if h.upcoming.is_empty() {
                    <p class="muted">{ t.t("classes-upcoming-none") }</p>
                } else {
                    <div class="class-grid">{ for h.upcoming.iter().map(|c| html! {
                        <ClassCard key={c.id.clone()} class={c.clone()} reload={reload.clone()} />
                    }) }</div>
                }
            </section>
        };
        let schedule = if h.courses.is_empty() {
            html! {}
        } else {
            html! {
                <ScheduleClassForm courses={h.courses.clone()} time_zone={h.time_zone.clone()}
                    reload={reload.clone()} />
            }
        };
        let running = if h.running.is_empty() {
            html! {}
        } else {
            html! {
                <section id="classes-running" class="classes-section" aria-labelledby="classes-running-title">
                    <h2 id="classes-running-title">{ t.t("classes-running-title") }</h2>
                    <div class="class-grid">{ for h.running.iter().map(|c| html! {
                        <ClassCard key={c.id.clone()} class={c.clone()} reload={reload.clone()} runs=true />
                    }) }</div>
                </section>
            }
        };
        html! {
            <>
                { surveys }
                { cancelled }
                { upcoming }
                { schedule }
                { running }
            </>
        }
    });

    html! {
        <div class="page classes">
            <div class="page-head">
                <div>
                    <h1>{ t.t("classes-title") }</h1>
                    <p class="muted">{ t.t("classes-intro") }</p>
                </div>
            </div>
            <div aria-live="polite" id="classes-status" tabindex="-1">
                { match *survey_outcome {
                    Some(true) => html! { <p class="ok">{ t.t("survey-thanks") }</p> },
                    Some(false) => html! { <p class="ok">{ t.t("survey-declined") }</p> },
                    None => html! {},
                } }
            </div>
            { body }
        </div>
    }
}
