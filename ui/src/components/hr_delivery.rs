//! The status Mastery sends to HR: the last roster import, what waits and
//! what was delivered, the messages HR did not take (with HR's own reason,
//! verbatim), and the administrator's levers: send now or retry, export the
//! status as CSV, compare with HR, and bring HR back in line.

use crate::components::hr_progress::HrProgress;
use crate::components::import_summary::ImportSummaryView;
use crate::hooks::{action_error, use_action};
use crate::i18n::I18n;
use crate::ipc;
use crate::refusals::track_name;
use crate::state::use_app;
use mastery_types::{HrCertStatus, HrCertification, HrStatus, ReconcileReport, SyncReport};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HrDeliveryProps {
    pub status: HrStatus,
    /// Bumped to reload the HR status after a round or a realignment.
    pub reload: UseStateHandle<u32>,
}

fn cert_status_name(t: &I18n, status: HrCertStatus) -> String {
    t.t(match status {
        HrCertStatus::Certified => "cert-status-certified",
        HrCertStatus::Expired => "cert-status-expired",
        HrCertStatus::Revoked => "cert-status-revoked",
    })
}

/// One side's certifications in a line: track, level, standing, end date.
fn certifications(t: &I18n, list: &[HrCertification]) -> String {
    if list.is_empty() {
        return t.t("hr-no-certification");
    }
    list.iter()
        .map(|c| {
            t.t_args(
                "hr-certification",
                &[
                    ("track", track_name(t, c.track).into()),
                    ("level", c.level.get().into()),
                    ("status", cert_status_name(t, c.status).into()),
                    ("until", t.date_of(c.valid_until).into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[function_component(HrDelivery)]
pub fn hr_delivery(p: &HrDeliveryProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reloaded = {
        let reload = p.reload.clone();
        Callback::from(move |_: ()| reload.set(*reload + 1))
    };
    let sync = use_action(
        |()| async move { ipc::sync_hr_now().await },
        reloaded.reform(|_: SyncReport| ()),
    );
    let export = use_action(
        |()| async move { ipc::export_hr_status().await },
        Callback::noop(),
    );
    let reconcile = use_action(
        |()| async move { ipc::reconcile_hr().await },
        Callback::noop(),
    );
    let realign = use_action(
        |()| async move { ipc::realign_hr().await },
        reloaded.reform(|_: u32| ()),
    );
    let press = |run: &Callback<()>| {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run.emit(()))
    };
    let s = &p.status;

    let last_import = match &s.last_import {
        Some(summary) => html! { <ImportSummaryView summary={summary.clone()} /> },
        None => html! { <p class="muted">{ t.t("hr-no-import-yet") }</p> },
    };
    let last_delivered = s
        .last_delivered_at
        .map(|at| t.date_time(at))
        .unwrap_or_else(|| t.t("hr-never"));

    let failing = if s.failing.is_empty() {
        html! { <p class="muted" id="hr-failing-none">{ t.t("hr-failing-none") }</p> }
    } else {
        html! {
            <div class="grow">
                <table class="data" id="hr-failing">
                    <caption>{ t.t_args("hr-failing-count", &[("count", s.failing.len().into())]) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.t("hr-person") }</th>
                        <th scope="col">{ t.t("employee-number") }</th>
                        <th scope="col">{ t.t("hr-attempts") }</th>
                        <th scope="col">{ t.t("hr-hr-reason") }</th>
                        <th scope="col">{ t.t("hr-delivery-state") }</th>
                        <th scope="col">{ t.t("hr-next-attempt") }</th>
                    </tr></thead>
                    <tbody>{ for s.failing.iter().map(|f| html! {
                        <tr data-message={f.message_id.clone()}>
                            <td>{ f.name.clone() }</td>
                            <td>{ f.employee_number.clone() }</td>
                            <td>{ f.attempts.to_string() }</td>
                            // In the person's language; HR's own words (the
                            // reason it gave with an error status) as HR wrote them.
                            <td>
                                { f.problem.as_ref().map(|p| crate::refusals::problem_text(t, p)).unwrap_or_default() }
                                if let Some(mastery_types::Problem::HrRefused { detail, .. }) = &f.problem {
                                    { " " }<code class="hr-reason">{ detail.clone() }</code>
                                }
                            </td>
                            <td>
                                if f.parked {
                                    <span class="pill parked">{ t.t("hr-parked") }</span>
                                }
                                if f.conflict {
                                    <span class="pill conflict">{ t.t("hr-conflict") }</span>
                                }
                                if !f.parked && !f.conflict {
                                    <span class="pill">{ t.t("hr-retrying") }</span>
                                }
                            </td>
                            <td>{ if f.parked { t.t("hr-after-retry") } else { t.date_time(f.next_attempt_at) } }</td>
                        </tr>
                    }) }</tbody>
                </table>
                <p class="hint">{ t.t("hr-failing-help") }</p>
            </div>
        }
    };

    let sync_result = match &sync.done {
        None => html! {},
        Some(r) => {
            let line = |text: String| -> Html {
                html! { <li>{ text }</li> }
            };
            html! {
                <div class="ok" id="hr-sync-result">
                    <p>{ t.t("hr-sync-done") }</p>
                    <ul>
                        { line(t.t_args("hr-sync-queued", &[("count", r.queued.into())])) }
                        { line(t.t_args("hr-sync-attempted", &[("count", r.attempted.into())])) }
                        { line(t.t_args("hr-sync-delivered", &[("count", r.delivered.into())])) }
                        { line(t.t_args("hr-sync-already-applied", &[("count", r.already_applied.into())])) }
                        { line(t.t_args("hr-sync-failed", &[("count", r.failed.into())])) }
                        { line(t.t_args("hr-sync-parked", &[("count", r.parked.into())])) }
                        { line(t.t_args("hr-sync-conflicts", &[("count", r.conflicts.into())])) }
                    </ul>
                </div>
            }
        }
    };
    let reconcile_result = match &reconcile.done {
        None => html! {},
        Some(ReconcileReport {
            compared,
            differences,
        }) if differences.is_empty() => html! {
            <p class="ok" id="hr-reconcile-result">{ t.t_args("hr-reconcile-same", &[("count", (*compared).into())]) }</p>
        },
        Some(r) => html! {
            <div class="grow" id="hr-reconcile-result">
                <table class="data" id="hr-differences">
                    <caption>{ t.t_args("hr-reconcile-differences", &[
                        ("count", r.differences.len().into()),
                        ("compared", r.compared.into()),
                    ]) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.t("employee-number") }</th>
                        <th scope="col">{ t.t("name") }</th>
                        <th scope="col">{ t.t("hr-in-mastery") }</th>
                        <th scope="col">{ t.t("hr-at-hr") }</th>
                    </tr></thead>
                    <tbody>{ for r.differences.iter().map(|d| html! {
                        <tr>
                            <td>{ d.employee_number.clone() }</td>
                            <td>{ d.name.clone() }</td>
                            <td>{ certifications(t, &d.mastery) }</td>
                            <td>{ match &d.hr {
                                Some(list) => certifications(t, list),
                                None => t.t("hr-no-record"),
                            } }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </div>
        },
    };
    let long_running = sync.busy || reconcile.busy || realign.busy;

    html! {
        <section class="card" aria-labelledby="hr-status-title">
            <h2 id="hr-status-title">{ t.t("hr-status-title") }</h2>
            <h3>{ t.t("hr-last-import") }</h3>
            { last_import }
            <h3>{ t.t("hr-deliveries") }</h3>
            <dl class="stats" id="hr-delivery-counts">
                <div data-count="waiting"><dt>{ t.t("hr-waiting") }</dt><dd>{ s.waiting.to_string() }</dd></div>
                <div data-count="delivered"><dt>{ t.t("hr-delivered") }</dt><dd>{ s.delivered.to_string() }</dd></div>
                <div data-count="last-delivered"><dt>{ t.t("hr-last-delivered") }</dt><dd class="stat-text">{ last_delivered }</dd></div>
            </dl>
            { failing }
            <div class="actions">
                <button type="button" id="hr-sync" class="primary" onclick={press(&sync.run)}
                    disabled={sync.busy} aria-busy={sync.busy.then_some("true")}>{ t.t("hr-sync-now") }</button>
                <button type="button" id="hr-export" class="secondary bordered" onclick={press(&export.run)}
                    disabled={export.busy} aria-busy={export.busy.then_some("true")}>{ t.t("hr-export-status") }</button>
                <button type="button" id="hr-reconcile" class="secondary bordered" onclick={press(&reconcile.run)}
                    disabled={reconcile.busy} aria-busy={reconcile.busy.then_some("true")}>{ t.t("hr-reconcile") }</button>
                <button type="button" id="hr-realign" class="secondary bordered" onclick={press(&realign.run)}
                    disabled={realign.busy} aria-busy={realign.busy.then_some("true")}
                    aria-describedby="hr-realign-hint">{ t.t("hr-realign") }</button>
            </div>
            <p class="hint" id="hr-realign-hint">{ t.t("hr-realign-hint") }</p>
            if long_running {
                <HrProgress id="hr-delivery-progress" />
            }
            { action_error(t, &sync.error) }
            { action_error(t, &export.error) }
            { action_error(t, &reconcile.error) }
            { action_error(t, &realign.error) }
            <div aria-live="polite" id="hr-status-results">
                { sync_result }
                if let Some(saved) = &export.done {
                    <p class="ok" id="hr-exported">{ t.t_args("hr-saved", &[("path", saved.path.clone().into())]) }</p>
                }
                if let Some(queued) = realign.done {
                    <p class="ok" id="hr-realigned">{ t.t_args("hr-realigned", &[("count", queued.into())]) }</p>
                }
                { reconcile_result }
            </div>
        </section>
    }
}
