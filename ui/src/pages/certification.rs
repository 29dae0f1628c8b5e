//! Certification screens. Learners: each certification's status, what is
//! missing, requesting it, a returned request's reason, the periods held.
//! Managers (and their delegates): the approval queue with the evidence
//! behind each request, delegation, who is expiring and who is missing a
//! mandatory level. Administrators: every certification (revoke), the
//! mandatory-levels report and the audit chain.

use crate::components::cert_card::CertCard;
use crate::components::cert_status::cert_pill;
use crate::components::error_text;
use crate::components::mandatory_gaps::gaps_html;
use crate::components::pending_card::PendingCard;
use crate::components::verify_card::VerifyCard;
use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{ApiError, CertificationView, DelegationRequest, PersonId, RevokeRequest};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[function_component(MyCertificationPage)]
pub fn my_certification_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let data = use_load(*reload, |_| ipc::my_certifications());
    let body = loaded_view(t, &data, |m| {
        let (own, other): (Vec<_>, Vec<_>) = m
            .certifications
            .iter()
            .partition(|c| Some(c.key.track) == m.home_track);
        let card = |c: &&CertificationView| {
            html! {
                <CertCard key={format!("{}-{}", c.key.track, c.key.level.get())} cert={(*c).clone()} reload={reload.clone()} />
            }
        };
        html! {
            <>
            if !own.is_empty() {
                <section aria-labelledby="own-track"><h2 id="own-track">{ t.t("cert-own-track") }</h2>
                    <div class="cert-grid">{ for own.iter().map(card) }</div></section>
            }
            <details class="other-tracks">
                <summary>{ t.t("cert-other-tracks") }</summary>
                <div class="cert-grid">{ for other.iter().map(card) }</div>
            </details>
            </>
        }
    });
    html! {
        <div class="page certification">
            <div class="page-head"><h1 id="cert-title">{ t.t("cert-title") }</h1></div>
            <p class="muted lead">{ t.t("cert-intro") }</p>
            { body }
            <VerifyCard />
        </div>
    }
}

#[function_component(ApprovalsPage)]
pub fn approvals_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let data = use_load(*reload, |_| ipc::approval_home());
    let delegate = use_state(String::new);
    let from = use_state(String::new);
    let to = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let delegate_submit = {
        let (delegate, from, to, error, reload) = (
            delegate.clone(),
            from.clone(),
            to.clone(),
            error.clone(),
            reload.clone(),
        );
        let incomplete = t.t("cert-delegate-incomplete");
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            let (Some(d), Some(a), Some(b)) = (
                delegate.parse().ok().map(PersonId),
                parse(&from),
                parse(&to),
            ) else {
                error.set(Some(ApiError::new(
                    mastery_types::ErrorCode::InvalidInput,
                    incomplete.clone(),
                )));
                return;
            };
            let req = DelegationRequest {
                delegate: d,
                starts_on: a,
                ends_on: b,
            };
            let (error, reload) = (error.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::delegate_approvals(&req).await {
                    Ok(_) => {
                        error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let is_manager = state
        .session
        .as_ref()
        .is_some_and(|s| s.roles.contains(&mastery_types::Role::Manager));
    let body = loaded_view(t, &data, |h| {
        html! {
            <>
            <section aria-labelledby="queue-title" id="approval-queue">
                <h2 id="queue-title">{ t.t_args("cert-queue-title", &[("count", h.pending.len().into())]) }</h2>
                if h.pending.is_empty() { <p class="muted">{ t.t("cert-queue-empty") }</p> }
                { for h.pending.iter().map(|r| html! { <PendingCard key={r.request_id.clone()} req={r.clone()} reload={reload.clone()} /> }) }
            </section>
            <section class="card" id="expiring" aria-labelledby="expiring-title">
                <h2 id="expiring-title">{ t.t("cert-expiring-title") }</h2>
                if h.expiring.is_empty() { <p class="muted">{ t.t("cert-expiring-none") }</p> }
                <ul>{ for h.expiring.iter().map(|e| html! {
                    <li data-expiring={e.name.clone()}>{ t.t_args(if e.expired { "cert-expired-line" } else { "cert-expiring-line" }, &[
                        ("name", e.name.clone().into()), ("title", e.title.get(t.lang()).to_owned().into()),
                        ("date", t.date_of(e.valid_until).into()),
                    ]) }</li>
                }) }</ul>
            </section>
            { gaps_html(t, &h.mandatory_gaps) }
            <section class="card" id="delegations" aria-labelledby="delegations-title">
                <h2 id="delegations-title">{ t.t("cert-delegations-title") }</h2>
                <ul>{ for h.delegations.iter().map(|d| html! {
                    <li>{ t.t_args("cert-delegation-line", &[
                        ("manager", d.manager.clone().into()), ("delegate", d.delegate.clone().into()),
                        ("from", t.date(d.starts_on).into()), ("to", t.date(d.ends_on).into()),
                    ]) }</li>
                }) }</ul>
                if is_manager {
                    <form class="inline-form" onsubmit={delegate_submit}>
                        <label for="delegate-person">{ t.t("cert-delegate-to") }</label>
                        <select id="delegate-person" onchange={{
                            let h = delegate.clone();
                            Callback::from(move |e: Event| { let s: HtmlSelectElement = e.target_unchecked_into(); h.set(s.value()); })
                        }}>
                            <option value="">{ t.t("quiz-choose") }</option>
                            { for h.candidates.iter().map(|c| html! { <option value={c.person_id.0.to_string()}>{ c.name.clone() }</option> }) }
                        </select>
                        <label for="delegate-from">{ t.t("cert-delegate-from") }</label>
                        <input type="date" id="delegate-from" value={(*from).clone()} oninput={{
                            let h = from.clone();
                            Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); })
                        }} />
                        <label for="delegate-to">{ t.t("cert-delegate-until") }</label>
                        <input type="date" id="delegate-to" value={(*to).clone()} oninput={{
                            let h = to.clone();
                            Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); })
                        }} />
                        <button type="submit" class="secondary bordered">{ t.t("cert-delegate-submit") }</button>
                    </form>
                }
                if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
            </section>
            </>
        }
    });
    html! {
        <div class="page approvals">
            <div class="page-head"><h1 id="approvals-title">{ t.t("cert-approvals-title") }</h1></div>
            { body }
            <VerifyCard />
        </div>
    }
}

#[function_component(CertificationAdminPage)]
pub fn certification_admin_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let data = use_load(*reload, |_| ipc::certification_admin());
    let report = use_state(|| None::<Result<mastery_types::AuditReport, ApiError>>);
    let verify = {
        let report = report.clone();
        Callback::from(move |_| {
            let report = report.clone();
            wasm_bindgen_futures::spawn_local(async move {
                report.set(Some(ipc::verify_audit().await))
            });
        })
    };
    let reasons = use_state(std::collections::BTreeMap::<String, String>::new);
    let months = use_state(String::new);
    let months_result = use_state(|| None::<Result<(), ApiError>>);
    let set_months = {
        let (months, months_result, reload) =
            (months.clone(), months_result.clone(), reload.clone());
        let not_months = t.t("cert-admin-validity-nan");
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(m) = months.trim().parse::<u32>() else {
                months_result.set(Some(Err(ApiError::new(
                    mastery_types::ErrorCode::InvalidInput,
                    not_months.clone(),
                ))));
                return;
            };
            let (months_result, reload) = (months_result.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let r = ipc::set_validity_months(m).await;
                if r.is_ok() {
                    reload.set(*reload + 1);
                }
                months_result.set(Some(r));
            });
        })
    };
    let error = use_state(|| None::<ApiError>);
    let revoke = |id: String| {
        let (reasons, error, reload) = (reasons.clone(), error.clone(), reload.clone());
        Callback::from(move |_: MouseEvent| {
            let req = RevokeRequest {
                request_id: id.clone(),
                reason: reasons.get(&id).cloned().unwrap_or_default(),
            };
            let (error, reload) = (error.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::revoke_certification(&req).await {
                    Ok(()) => {
                        error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let report_html = match &*report {
        None => html! {},
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(r)) => match &r.first_broken {
            None => {
                html! { <p class="ok" id="audit-result" role="status">{ t.t_args("audit-intact", &[
                    ("rows", r.rows.into()), ("head", r.head.clone().unwrap_or_default().into()),
                ]) }</p> }
            }
            Some(b) => {
                html! { <p class="error" id="audit-result" role="alert">{ t.t_args("audit-broken", &[
                    ("seq", b.seq.into()), ("problem", b.problem.clone().into()),
                ]) }</p> }
            }
        },
    };
    let unbacked_html = match &*report {
        Some(Ok(r)) if !r.unbacked.is_empty() => {
            use mastery_types::UnbackedFact;
            html! {
                <div class="error-box" id="audit-unbacked" role="alert">
                    <p><strong>{ t.t("audit-unbacked-title") }</strong></p>
                    <ul>{ for r.unbacked.iter().map(|u| html! { <li>{ match u {
                        UnbackedFact::RoleGrant { person, role } => t.t_args("audit-unbacked-role", &[
                            ("person", person.clone().into()),
                            ("role", t.t(&format!("role-{}", role.as_str())).into()),
                        ]),
                        UnbackedFact::Decision { person, approved, .. } => t.t_args("audit-unbacked-decision", &[
                            ("person", person.clone().into()),
                            ("outcome", t.t(if *approved { "audit-unbacked-approved" } else { "audit-unbacked-returned" }).into()),
                        ]),
                        UnbackedFact::MissingRevocation { person, .. } => t.t_args("audit-unbacked-revocation", &[
                            ("person", person.clone().into()),
                        ]),
                    } }</li> }) }</ul>
                    <p>{ t.t("audit-unbacked-help") }</p>
                </div>
            }
        }
        _ => html! {},
    };
    let report_html = html! { <>{ report_html }{ unbacked_html }</> };
    let body = loaded_view(t, &data, |a| {
        html! {
            <>
            <section class="card" aria-labelledby="certified-title">
                <h2 id="certified-title">{ t.t("cert-admin-certified") }</h2>
                <p class="muted" id="validity">{ t.t_args("cert-admin-validity", &[("months", a.validity_months.into())]) }</p>
                <form class="inline-form" onsubmit={set_months}>
                    <label for="validity-months">{ t.t("cert-admin-validity-set") }</label>
                    <input id="validity-months" type="number" min="1" max="120" inputmode="numeric" aria-invalid={matches!(&*months_result, Some(Err(_))).to_string()} aria-describedby="validity-error" value={(*months).clone()} oninput={{
                        let h = months.clone();
                        Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); })
                    }} />
                    <button type="submit" id="validity-save" class="secondary bordered">{ t.t("cert-admin-validity-save") }</button>
                </form>
                if let Some(Err(e)) = &*months_result { <p class="error" id="validity-error" role="alert">{ error_text(t, e) }</p> }
                <div class="grow"><table class="data" id="certified">
                    <thead><tr>
                        <th scope="col">{ t.t("overview-person") }</th><th scope="col">{ t.t("cert-level") }</th>
                        <th scope="col">{ t.t("cert-until") }</th><th scope="col">{ t.t("cert-status") }</th>
                        <th scope="col">{ t.t("cert-revoke") }</th>
                    </tr></thead>
                    <tbody>{ for a.certified.iter().map(|c| {
                        let id = c.period.request_id.clone();
                        let field = format!("revoke-reason-{id}");
                        html! { <tr data-certified={c.name.clone()}>
                            <td>{ format!("{} ({})", c.name, c.employee_number) }</td>
                            <td>{ c.title.get(t.lang()).to_owned() }</td>
                            <td>{ t.date_of(c.period.valid_until) }</td>
                            <td>{ cert_pill(t, c.status) }</td>
                            <td>
                                if c.period.revoked.is_none() {
                                    <label class="sr-only" for={field.clone()}>{ t.t("cert-revoke-reason") }</label>
                                    <input id={field} placeholder={t.t("cert-revoke-reason")} oninput={{
                                        let (h, id) = (reasons.clone(), id.clone());
                                        Callback::from(move |e: InputEvent| {
                                            let i: HtmlInputElement = e.target_unchecked_into();
                                            let mut m = (*h).clone();
                                            m.insert(id.clone(), i.value());
                                            h.set(m);
                                        })
                                    }} />
                                    <button type="button" class="danger" onclick={revoke(id.clone())}>{ t.t("cert-revoke") }</button>
                                }
                            </td>
                        </tr> }
                    }) }</tbody>
                </table></div>
                if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
            </section>
            { gaps_html(t, &a.mandatory_gaps) }
            <section class="card" aria-labelledby="audit-title">
                <h2 id="audit-title">{ t.t("audit-title") }</h2>
                <p class="muted">{ t.t("audit-intro") }</p>
                <button type="button" class="primary" id="verify-audit" onclick={verify}>{ t.t("audit-verify") }</button>
                { report_html }
                <div class="grow"><table class="data" id="audit-rows">
                    <thead><tr><th scope="col">{ "#" }</th><th scope="col">{ t.t("audit-when") }</th><th scope="col">{ t.t("audit-who") }</th>
                        <th scope="col">{ t.t("audit-what") }</th><th scope="col">{ t.t("audit-subject") }</th></tr></thead>
                    <tbody>{ for a.recent_audit.iter().map(|r| html! { <tr>
                        <td>{ r.seq }</td><td>{ t.date_time(r.at) }</td><td>{ if r.actor.is_empty() { t.t("audit-local-operator") } else { r.actor.clone() } }</td>
                        <td><code>{ r.action.clone() }</code></td><td>{ r.subject.clone() }</td>
                    </tr> }) }</tbody>
                </table></div>
            </section>
            </>
        }
    });
    html! {
        <div class="page cert-admin">
            <div class="page-head"><h1 id="cert-admin-title">{ t.t("cert-admin-title") }</h1></div>
            { body }
            <VerifyCard />
        </div>
    }
}
