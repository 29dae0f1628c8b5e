//! One class as a card: the course, when (in the office's time zone, where
//! the class is held), where, who teaches, the seats taken and the waiting
//! list, and the person's own place in it. A class the person may join
//! offers Enrol (or the waiting list once it is full) and Withdraw; a class
//! they run opens its list for attendance and cancelling.

use crate::components::class_roster::ClassRoster;
use crate::hooks::{action_error, use_action};
use crate::i18n::I18n;
use crate::ipc;
use crate::state::use_app;
use mastery_types::{ClassRequest, ClassView, Seat};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClassCardProps {
    pub class: ClassView,
    /// Bumped to reload the classes after a change.
    pub reload: UseStateHandle<u32>,
    /// Shown among the classes the person runs: the list, not a seat.
    #[prop_or_default]
    pub runs: bool,
}

/// "Monday, March 2, 2026, 9:00 a.m. – 12:00 p.m. (America/Toronto)".
pub fn class_when(t: &I18n, c: &ClassView) -> String {
    t.t_args(
        "class-when",
        &[
            ("date", t.date_in(c.starts_at, &c.time_zone).into()),
            ("start", t.time_in(c.starts_at, &c.time_zone).into()),
            ("end", t.time_in(c.ends_at, &c.time_zone).into()),
            ("zone", c.time_zone.clone().into()),
        ],
    )
}

#[function_component(ClassCard)]
pub fn class_card(p: &ClassCardProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let c = &p.class;
    let open = use_state(|| false);
    let reloaded = {
        let reload = p.reload.clone();
        Callback::from(move |_: ClassView| reload.set(*reload + 1))
    };
    let enrol = use_action(
        |request: ClassRequest| async move { ipc::enrol_in_class(&request).await },
        reloaded.clone(),
    );
    let withdraw = use_action(
        |request: ClassRequest| async move { ipc::withdraw_from_class(&request).await },
        reloaded,
    );

    // A class may show both among the classes ahead and those the person
    // runs: its element ids differ between the two cards.
    let base = format!("class-{}{}", c.id, if p.runs { "-run" } else { "" });
    let title_id = format!("{base}-title");
    let roster_id = format!("{base}-roster");
    let inside = c.seat != Seat::None;
    let full = c.enrolled >= c.capacity;
    let busy = enrol.busy || withdraw.busy;
    let seat_text = match c.seat {
        Seat::None => String::new(),
        Seat::Enrolled => t.t("class-seat-enrolled"),
        Seat::Waiting(n) => t.t_args("class-seat-waiting", &[("position", n.into())]),
    };

    // One button that changes its words (and its data attribute) keeps
    // the keyboard focus where it was once the class reloads.
    let seat_action = if p.runs || c.cancelled {
        html! {}
    } else {
        let onclick = {
            let (run_enrol, run_withdraw, id) =
                (enrol.run.clone(), withdraw.run.clone(), c.id.clone());
            Callback::from(move |_: MouseEvent| {
                let request = ClassRequest {
                    class_id: id.clone(),
                };
                if inside {
                    run_withdraw.emit(request);
                } else {
                    run_enrol.emit(request);
                }
            })
        };
        let label = if inside {
            t.t("class-withdraw")
        } else if full {
            t.t("class-join-waiting-list")
        } else {
            t.t("class-enrol")
        };
        html! {
            <button type="button" class={if inside { "secondary bordered" } else { "primary" }}
                data-enrol={(!inside).then_some("")} data-withdraw={inside.then_some("")}
                aria-describedby={title_id.clone()} aria-busy={busy.then_some("true")} {onclick}>
                { label }
            </button>
        }
    };
    let run_action = if p.runs && !c.cancelled {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(!*open))
        };
        html! {
            <button type="button" class="secondary bordered" data-run=""
                aria-expanded={if *open { "true" } else { "false" }} aria-controls={roster_id.clone()}
                aria-describedby={title_id.clone()} {onclick}>
                { t.t("class-take-attendance") }
            </button>
        }
    } else {
        html! {}
    };

    html! {
        <article class="card class-card" data-class={c.id.clone()} aria-labelledby={title_id.clone()}>
            <h3 id={title_id.clone()}>{ c.course_title.get(&lang).to_owned() }</h3>
            if c.cancelled {
                <p class="notice">{ match &c.cancel_reason {
                    Some(reason) => t.t_args("class-cancelled-because", &[("reason", reason.clone().into())]),
                    None => t.t("class-cancelled"),
                } }</p>
            }
            <dl class="class-facts">
                <div><dt>{ t.t("class-when-label") }</dt><dd>{ class_when(t, c) }</dd></div>
                <div><dt>{ t.t("class-place") }</dt><dd>{ c.place.clone() }</dd></div>
                <div><dt>{ t.t("class-facilitator") }</dt><dd>{ c.facilitator.clone() }</dd></div>
                <div><dt>{ t.t("class-seats-label") }</dt><dd data-seats="">{ t.t_args("class-seats", &[
                    ("taken", c.enrolled.into()), ("capacity", c.capacity.into()),
                ]) }</dd></div>
                <div><dt>{ t.t("class-waiting-label") }</dt><dd data-waiting="">{
                    t.t_args("class-waiting-count", &[("count", c.waiting.into())])
                }</dd></div>
            </dl>
            // Always present, so that a change of seat is announced.
            <p class="seat" aria-live="polite" data-seat="">{ seat_text }</p>
            <div class="actions">
                { seat_action }
                { run_action }
            </div>
            { action_error(t, &enrol.error) }
            { action_error(t, &withdraw.error) }
            <div id={roster_id}>
                if *open {
                    <ClassRoster class_id={c.id.clone()} reload={p.reload.clone()} />
                }
            </div>
        </article>
    }
}
