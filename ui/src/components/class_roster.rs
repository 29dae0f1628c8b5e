//! The list of a class, for the one who runs it: who holds a seat (each
//! marked present or absent once the class has started), who waits,
//! inviting a learner one coaches before it starts, and cancelling the
//! class with a reason everyone enrolled is told.

use crate::components::points_at;
use crate::hooks::{action_error, loaded_view, use_action};
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{
    ApiError, AttendanceRequest, CancelClassRequest, ClassDetail, ClassRequest, ClassView, Field,
    InviteRequest, PersonId,
};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClassRosterProps {
    pub class_id: String,
    /// Bumped to reload the classes once this one is cancelled.
    pub reload: UseStateHandle<u32>,
}

#[function_component(ClassRoster)]
pub fn class_roster(p: &ClassRosterProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let detail = use_load(p.class_id.clone(), |class_id| async move {
        ipc::class_detail(&ClassRequest { class_id }).await
    });
    let marking_error = use_state(|| None::<ApiError>);
    // Marks sent in quick succession each answer with the whole list; only
    // the answer to the latest mark is shown, so an older one never
    // undoes a newer one on screen.
    let latest_mark = use_mut_ref(|| 0u64);
    let reason = use_state(String::new);
    let invitee = use_state(String::new);
    let invite = use_action(
        |request: InviteRequest| async move { ipc::invite_to_class(&request).await },
        {
            let (detail, invitee) = (detail.clone(), invitee.clone());
            Callback::from(move |d: ClassDetail| {
                invitee.set(String::new());
                detail.set(Some(Ok(d)));
            })
        },
    );
    let on_invite = {
        let (run, invitee, id, detail) = (
            invite.run.clone(),
            invitee.clone(),
            p.class_id.clone(),
            detail.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let chosen = match &*detail {
                Some(Ok(d)) => d
                    .invitable
                    .iter()
                    .find(|(p, _)| p.to_string() == *invitee)
                    .map(|(p, _)| *p),
                _ => None,
            };
            if let Some(person_id) = chosen {
                run.emit(InviteRequest {
                    class_id: id.clone(),
                    person_id,
                });
            }
        })
    };
    let cancel = use_action(
        |request: CancelClassRequest| async move { ipc::cancel_class(&request).await },
        {
            let reload = p.reload.clone();
            Callback::from(move |_: ClassView| reload.set(*reload + 1))
        },
    );

    let mark = |person: PersonId, present: bool| {
        let (class_id, detail, error, latest) = (
            p.class_id.clone(),
            detail.clone(),
            marking_error.clone(),
            latest_mark.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let mine = {
                let mut n = latest.borrow_mut();
                *n += 1;
                *n
            };
            let request = AttendanceRequest {
                class_id: class_id.clone(),
                person_id: person,
                present,
            };
            let (detail, error, latest) = (detail.clone(), error.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::mark_attendance(&request).await {
                    Ok(d) => {
                        error.set(None);
                        if *latest.borrow() == mine {
                            detail.set(Some(Ok(d)));
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_cancel = {
        let (run, reason, id) = (cancel.run.clone(), reason.clone(), p.class_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(CancelClassRequest {
                class_id: id.clone(),
                reason: (*reason).trim().to_owned(),
            });
        })
    };

    let body = loaded_view(t, &detail, |d| {
        let c = &d.class;
        let seated: Vec<_> = d.members.iter().filter(|m| !m.waiting).collect();
        let waiting: Vec<_> = d.members.iter().filter(|m| m.waiting).collect();
        let reason_id = format!("cancel-reason-{}", c.id);
        let attendance = if seated.is_empty() {
            html! { <p class="muted">{ t.t("roster-nobody-enrolled") }</p> }
        } else {
            html! {
                <table class="data attendance">
                    <caption>{ t.t_args("roster-enrolled", &[("count", seated.len().into())]) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.t("name") }</th>
                        <th scope="col">{ t.t("roster-attendance") }</th>
                    </tr></thead>
                    <tbody>{ for seated.iter().map(|m| {
                        let id = m.person_id.to_string();
                        let pressed = |v: bool| if m.present == Some(v) { "true" } else { "false" };
                        html! {
                            <tr data-person={id.clone()}>
                                <th scope="row">{ m.name.clone() }</th>
                                <td>
                                    <div class="toggle-group" role="group"
                                        aria-label={t.t_args("roster-attendance-of", &[("name", m.name.clone().into())])}>
                                        <button type="button" class="toggle" data-present={id.clone()}
                                            aria-pressed={pressed(true)} onclick={mark(m.person_id, true)}>
                                            { t.t("roster-present") }
                                        </button>
                                        <button type="button" class="toggle" data-absent={id.clone()}
                                            aria-pressed={pressed(false)} onclick={mark(m.person_id, false)}>
                                            { t.t("roster-absent") }
                                        </button>
                                    </div>
                                </td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
            }
        };
        html! {
            <>
                <p class="hint">{ t.t("roster-attendance-hint") }</p>
                { attendance }
                { action_error(t, &marking_error) }
                <h4>{ t.t("roster-waiting-title") }</h4>
                if waiting.is_empty() {
                    <p class="muted">{ t.t("roster-nobody-waiting") }</p>
                } else {
                    <ol class="waiting-list">{ for waiting.iter().map(|m| html! {
                        <li data-person={m.person_id.to_string()}>{ m.name.clone() }</li>
                    }) }</ol>
                }
                if !d.invitable.is_empty() {
                    <form class="inline-form invite-to-class" onsubmit={on_invite.clone()}>
                        <div class="field">
                            <label for={format!("invite-{}", c.id)}>{ t.t("roster-invite-label") }</label>
                            <select id={format!("invite-{}", c.id)} required=true onchange={{
                                let h = invitee.clone();
                                Callback::from(move |e: Event| {
                                    let s: HtmlSelectElement = e.target_unchecked_into();
                                    h.set(s.value());
                                })
                            }}>
                                <option value="" selected={invitee.is_empty()}>{ t.t("roster-invite-choose") }</option>
                                { for d.invitable.iter().map(|(id, name)| html! {
                                    <option value={id.to_string()} selected={*invitee == id.to_string()}>{ name.clone() }</option>
                                }) }
                            </select>
                        </div>
                        <button type="submit" data-invite="" disabled={invite.busy || invitee.is_empty()}
                            aria-busy={invite.busy.then_some("true")}>{ t.t("roster-invite") }</button>
                        { action_error(t, &invite.error) }
                    </form>
                }
                if !c.cancelled {
                    <form class="cancel-class" onsubmit={on_cancel.clone()} novalidate=true>
                        <h4>{ t.t("roster-cancel-title") }</h4>
                        <div class="field">
                            <label for={reason_id.clone()}>{ t.t("roster-cancel-reason") }</label>
                            <textarea id={reason_id.clone()} rows="2" required=true
                                aria-invalid={points_at(&cancel.error, Field::Reason).then_some("true")}
                                aria-describedby={format!("{reason_id}-hint")}
                                value={(*reason).clone()} oninput={{
                                    let h = reason.clone();
                                    Callback::from(move |e: InputEvent| {
                                        let a: HtmlTextAreaElement = e.target_unchecked_into();
                                        h.set(a.value());
                                    })
                                }} />
                            <p class="hint" id={format!("{reason_id}-hint")}>{ t.t("roster-cancel-hint") }</p>
                        </div>
                        { action_error(t, &cancel.error) }
                        <button type="submit" class="danger" data-cancel="" disabled={cancel.busy}
                            aria-busy={cancel.busy.then_some("true")}>{ t.t("roster-cancel") }</button>
                    </form>
                }
            </>
        }
    });

    html! {
        <section class="class-roster" aria-label={t.t("roster-title")}>
            { body }
        </section>
    }
}
