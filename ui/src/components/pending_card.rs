//! A certification request awaiting a manager's decision, with the
//! evidence behind it.

use crate::components::error_text;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::use_app;
use mastery_types::{ApiError, DecideRequest, Evidence, PendingRequest};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

pub fn evidence_html(t: &I18n, e: &Evidence) -> Html {
    html! {
        <div class="evidence">
            <h4>{ t.t_args("cert-evidence-title", &[("version", e.pack_version.clone().into())]) }</h4>
            if e.recorded_completion {
                <p class="muted">{ t.t("cert-evidence-recorded") }</p>
            } else {
            <ul class="requirements">{ for e.requirements.iter().map(|r| html! {
                <li data-met={r.met.to_string()}>{ if r.met { "✓ " } else { "✗ " } }{ t.t(&format!("requirement-{}", r.key.as_str())) }</li>
            }) }</ul>
            }
            if let Some(best) = e.quiz_best_percent {
                <p>{ t.t_args("cert-evidence-quiz", &[
                    ("best", best.into()), ("pass", e.quiz_pass_mark.unwrap_or(0).into()), ("attempts", e.quiz_attempts.into()),
                ]) }</p>
            }
            if !e.coaching.is_empty() {
                <table class="data"><caption>{ t.t("cert-evidence-coaching") }</caption>
                    <tbody>{ for e.coaching.iter().map(|s| html! { <tr>
                        <td>{ t.date(s.held_on) }</td><td>{ s.coach.clone() }</td>
                        <td>{ s.ratings.iter().map(|(d, r)| format!("{} {r}/4", t.t(&format!("driver-{}", d.as_str())))).collect::<Vec<_>>().join(" · ") }</td>
                        <td>{ if s.acknowledged { t.t("coaching-acknowledged") } else { t.t("coaching-awaiting") } }</td>
                    </tr> }) }</tbody></table>
            }
            if !e.reviews.is_empty() {
                <table class="data"><caption>{ t.t("cert-evidence-reviews") }</caption>
                    <tbody>{ for e.reviews.iter().map(|r| html! { <tr>
                        <td>{ r.assignment.clone() }</td><td>{ t.t(match r.status {
                            mastery_types::AssignmentStatus::NotStarted => "assignment-not-started",
                            mastery_types::AssignmentStatus::Submitted => "assignment-submitted",
                            mastery_types::AssignmentStatus::Returned => "assignment-returned",
                            mastery_types::AssignmentStatus::Accepted => "assignment-accepted",
                        }) }</td>
                        <td>{ r.reviewer.clone().unwrap_or_default() }</td>
                        <td>{ r.scores.iter().map(|(c, s)| format!("{c} {s}")).collect::<Vec<_>>().join(" · ") }</td>
                    </tr> }) }</tbody></table>
            }
            if !e.observations.is_empty() {
                <table class="data"><caption>{ t.t("cert-evidence-observations") }</caption>
                    <tbody>{ for e.observations.iter().map(|o| html! { <tr>
                        <td>{ t.date(o.observed_on) }</td><td>{ t.t(if o.kind == mastery_types::AssessmentKind::SecretShopper { "observe-kind-secret" } else { "observe-kind-observed" }) }</td><td>{ o.assessor.clone() }</td>
                        <td>{ if o.passed { t.t("cert-passed") } else { t.t("cert-not-passed") } }</td>
                    </tr> }) }</tbody></table>
            }
            { for e.prior_levels.iter().map(|(l, until)| html! {
                <p>{ t.t_args("cert-evidence-prior", &[("level", l.get().into()), ("date", t.date_of(*until).into())]) }</p>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PendingProps {
    pub req: PendingRequest,
    pub reload: UseStateHandle<u32>,
}

#[function_component(PendingCard)]
pub fn pending_card(p: &PendingProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let r = &p.req;
    let reason = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let decide = |approve: bool| {
        let (id, reason, error, reload) = (
            r.request_id.clone(),
            reason.clone(),
            error.clone(),
            p.reload.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let req = DecideRequest {
                request_id: id.clone(),
                approve,
                reason: (*reason).clone(),
            };
            let (error, reload) = (error.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::decide_certification(&req).await {
                    Ok(()) => {
                        error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let field = format!("reason-{}", r.request_id);
    html! {
        <article class="card pending" data-request={r.request_id.clone()} data-person={r.name.clone()}>
            <header class="cert-head">
                <h3>{ format!("{} ({})", r.name, r.employee_number) }</h3>
                <span class="muted">{ r.title.get(&lang).to_owned() }</span>
            </header>
            <p class="muted">{ t.t_args("cert-requested-on", &[("date", t.date_of(r.requested_at).into())]) }
                if let Some(m) = &r.delegated_by { { " · " }{ t.t_args("cert-as-delegate", &[("manager", m.clone().into())]) } }
            </p>
            { evidence_html(t, &r.evidence) }
            <div class="field">
                <label for={field.clone()}>{ t.t("cert-reason") }</label>
                <textarea id={field} rows="3" value={(*reason).clone()} oninput={{
                    let h = reason.clone();
                    Callback::from(move |e: InputEvent| { let a: HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); })
                }} />
            </div>
            <div class="actions">
                <button type="button" class="primary" data-approve="" onclick={decide(true)}>{ t.t("cert-approve") }</button>
                <button type="button" class="secondary bordered" data-return="" onclick={decide(false)}>{ t.t("cert-return") }</button>
            </div>
            if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
        </article>
    }
}
