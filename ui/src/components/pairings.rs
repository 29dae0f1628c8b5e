//! A manager's coach pairings: a coach from another office may coach one
//! of the manager's staff once the manager pairs them (dated, audited, and
//! ended here). The scope rule itself is the backend's.

use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::use_app;
use mastery_types::{
    CoachCandidate, EndPairingRequest, PairCoachRequest, PairingView, PersonId, TeamMember,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PairingsProps {
    pub pairings: Vec<PairingView>,
    pub coaches: Vec<CoachCandidate>,
    pub members: Vec<TeamMember>,
    /// Bumped to reload the team after a change.
    pub reload: UseStateHandle<u32>,
}

#[function_component(Pairings)]
pub fn pairings(p: &PairingsProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let learner = use_state(|| p.members.first().map(|m| m.person_id));
    let coach = use_state(|| p.coaches.first().map(|c| c.person_id));
    let until = use_state(String::new);
    let parse = |s: &str| -> Option<PersonId> { s.parse().ok().map(PersonId) };
    let reloaded = {
        let reload = p.reload.clone();
        Callback::from(move |_| reload.set(*reload + 1))
    };
    let pair = use_action(
        |req: PairCoachRequest| async move { ipc::pair_coach(&req).await.map(drop) },
        reloaded.clone(),
    );
    let end_one = use_action(
        |req: EndPairingRequest| async move { ipc::end_pairing(&req).await },
        reloaded,
    );
    let submit = {
        let (learner, coach, until, run) = (
            learner.clone(),
            coach.clone(),
            until.clone(),
            pair.run.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(learner), Some(coach)) = (*learner, *coach) else {
                return;
            };
            let ends_on = match until.trim() {
                "" => None,
                s => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    Ok(d) => Some(d),
                    Err(_) => return,
                },
            };
            run.emit(PairCoachRequest {
                coach,
                learner,
                ends_on,
            });
        })
    };
    let end = |id: String| {
        let run = end_one.run.clone();
        Callback::from(move |_| {
            run.emit(EndPairingRequest {
                pairing_id: id.clone(),
            })
        })
    };
    html! {
        <section class="card pairings" aria-labelledby="pairings-title">
            <h2 id="pairings-title">{ t.t("pairings-title") }</h2>
            <p class="muted">{ t.t("pairings-help") }</p>
            if p.pairings.is_empty() {
                <p class="muted" id="no-pairings">{ t.t("pairings-none") }</p>
            } else {
                <table class="data" id="pairings">
                    <thead><tr>
                        <th scope="col">{ t.t("pairings-coach") }</th>
                        <th scope="col">{ t.t("pairings-learner") }</th>
                        <th scope="col">{ t.t("pairings-from") }</th>
                        <th scope="col">{ t.t("pairings-until") }</th>
                        <th scope="col"><span class="sr-only">{ t.t("pairings-actions") }</span></th>
                    </tr></thead>
                    <tbody>{ for p.pairings.iter().map(|x| html! {
                        <tr data-pairing={x.id.clone()}>
                            <td>{ x.coach_name.clone() }</td>
                            <td>{ x.learner_name.clone() }</td>
                            <td>{ t.date(x.starts_on) }</td>
                            <td>{ x.ends_on.map_or_else(|| t.t("pairings-open-ended"), |d| t.date(d)) }</td>
                            <td>
                                if x.active {
                                    <button type="button" class="secondary" onclick={end(x.id.clone())}
                                        aria-label={t.t_args("pairings-end-label", &[("coach", x.coach_name.clone().into()), ("learner", x.learner_name.clone().into())])}>
                                        { t.t("pairings-end") }
                                    </button>
                                } else {
                                    <span class="pill">{ t.t("pairings-ended") }</span>
                                }
                            </td>
                        </tr>
                    }) }</tbody>
                </table>
            }
            <form class="inline-form" id="pair-form" onsubmit={submit}>
                <label for="pair-learner">{ t.t("pairings-learner") }</label>
                <select id="pair-learner" onchange={{
                    let h = learner.clone();
                    Callback::from(move |e: Event| { let s: HtmlSelectElement = e.target_unchecked_into(); h.set(parse(&s.value())); })
                }}>
                    { for p.members.iter().map(|m| html! {
                        <option value={m.person_id.0.to_string()} data-name={m.name.clone()} selected={Some(m.person_id) == *learner}>{ m.name.clone() }</option>
                    }) }
                </select>
                <label for="pair-coach">{ t.t("pairings-coach") }</label>
                <select id="pair-coach" onchange={{
                    let h = coach.clone();
                    Callback::from(move |e: Event| { let s: HtmlSelectElement = e.target_unchecked_into(); h.set(parse(&s.value())); })
                }}>
                    { for p.coaches.iter().map(|c| html! {
                        <option value={c.person_id.0.to_string()} data-name={c.name.clone()} selected={Some(c.person_id) == *coach}>
                            { match &c.office { Some(o) => format!("{} — {o}", c.name), None => c.name.clone() } }
                        </option>
                    }) }
                </select>
                <label for="pair-until">{ t.t("pairings-until-optional") }</label>
                <input type="date" id="pair-until" value={(*until).clone()} oninput={{
                    let h = until.clone();
                    Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); })
                }} />
                <button type="submit" class="primary" id="pair-submit" disabled={pair.busy}>{ t.t("pairings-pair") }</button>
            </form>
            { action_error(t, &pair.error) }
            { action_error(t, &end_one.error) }
        </section>
    }
}
