//! Certification screens. Learners: each certification's status, what is
//! missing, requesting it, a returned request's reason, the periods held.
//! Managers (and their delegates): the approval queue with the evidence
//! behind each request, delegation, who is expiring and who is missing a
//! mandatory level. Administrators: every certification (revoke), the
//! mandatory-levels report and the audit chain.

use crate::components::error_text;
use crate::hooks::loaded_view;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{
    ApiError, CertPeriod, CertStatus, CertificateRequest, CertificationView, CredentialVerdict,
    DecideRequest, DelegationRequest, Evidence, MandatoryGap, PendingRequest, PersonId,
    RevokeRequest, VerifyCredentialRequest,
};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The day of a moment, in the person's language and office time zone.
fn day(t: &I18n, at: &chrono::DateTime<chrono::Utc>) -> String {
    t.date_of(*at)
}

pub fn cert_pill(t: &I18n, s: CertStatus) -> Html {
    let class = match s {
        CertStatus::Certified => "pill completed",
        CertStatus::Eligible | CertStatus::Requested => "pill open",
        CertStatus::Expiring | CertStatus::Returned => "pill locked",
        CertStatus::Expired | CertStatus::Revoked => "pill error",
        CertStatus::NotStarted | CertStatus::InProgress => "pill",
    };
    let key = format!("cert-status-{}", s.as_str());
    html! { <span class={class} data-cert-status={s.as_str()}>{ t.t(&key) }</span> }
}

use crate::refusals::missing_text;

fn periods_html(t: &I18n, periods: &[CertPeriod]) -> Html {
    if periods.is_empty() {
        return html! {};
    }
    html! {
        <section class="history" aria-label={t.t("cert-history")}>
            <h4>{ t.t("cert-history") }</h4>
            <ol class="periods">{ for periods.iter().map(|p| html! {
                <li data-period={p.request_id.clone()}>
                    { t.t_args("cert-period", &[
                        ("from", day(t, &p.valid_from).into()), ("until", day(t, &p.valid_until).into()),
                        ("by", p.approved_by.clone().into()), ("code", p.verification_code.clone().into()),
                    ]) }
                    if let Some(r) = &p.revoked {
                        <span class="error">{ " · " }{ t.t_args("cert-revoked-by", &[
                            ("by", r.by.clone().into()), ("date", day(t, &r.at).into()), ("reason", r.reason.clone().into()),
                        ]) }</span>
                    }
                </li>
            }) }</ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CertCardProps {
    cert: CertificationView,
    reload: UseStateHandle<u32>,
}

#[function_component(CertCard)]
fn cert_card(p: &CertCardProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let c = &p.cert;
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let dom = format!("{}-{}", c.key.track, c.key.level.get());
    let saved = use_state(|| None::<Result<mastery_types::SavedFile, ApiError>>);
    let download = |credential: bool| {
        let (saved, id) = (
            saved.clone(),
            c.current.as_ref().map(|p| p.request_id.clone()),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(request_id) = id.clone() else { return };
            let saved = saved.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let req = CertificateRequest { request_id };
                let r = if credential {
                    ipc::download_credential(&req).await
                } else {
                    ipc::download_certificate(&req).await
                };
                saved.set(Some(r));
            });
        })
    };
    let request = {
        let (key, error, busy, reload) = (c.key, error.clone(), busy.clone(), p.reload.clone());
        Callback::from(move |_| {
            let (error, busy, reload) = (error.clone(), busy.clone(), reload.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::request_certification(&key).await {
                    Ok(_) => {
                        error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <article class="card cert" id={format!("cert-{dom}")} data-cert={dom.clone()} data-status={c.status.as_str()}>
            <header class="cert-head">
                <h3>{ c.title.get(&lang).to_owned() }</h3>
                { cert_pill(t, c.status) }
            </header>
            if let Some(cur) = &c.current {
                <p class={if c.status == CertStatus::Expiring { "warn-text" } else { "ok" }} id={format!("cert-valid-{dom}")}>
                    { t.t_args(if c.status == CertStatus::Expiring { "cert-expiring-until" } else { "cert-valid-until" }, &[
                        ("date", day(t, &cur.valid_until).into()), ("code", cur.verification_code.clone().into()),
                    ]) }
                </p>
            }
            if let Some((_, at)) = &c.pending {
                <p class="muted" id={format!("cert-pending-{dom}")}>{ t.t_args("cert-pending", &[("date", day(t, at).into())]) }</p>
            }
            if let Some(r) = &c.last_return {
                <div class="returned" id={format!("cert-returned-{dom}")} role="note">
                    <p><strong>{ t.t_args("cert-returned-by", &[("by", r.by.clone().into()), ("date", day(t, &r.at).into())]) }</strong></p>
                    <blockquote class="reason">{ r.reason.clone() }</blockquote>
                </div>
            }
            if !c.missing.is_empty() && c.current.is_none() {
                <p class="muted">{ t.t("cert-still-needed") }</p>
                <ul class="missing">{ for c.missing.iter().map(|m| html! { <li>{ missing_text(t, m) }</li> }) }</ul>
            }
            if c.can_request {
                <button type="button" class="primary" id={format!("request-{dom}")} disabled={*busy} onclick={request}>
                    { if c.current.is_some() || !c.history.is_empty() { t.t("cert-request-again") } else { t.t("cert-request") } }
                </button>
            }
            if c.current.is_some() {
                <div class="actions downloads">
                    <button type="button" class="secondary bordered" id={format!("download-pdf-{dom}")} onclick={download(false)}>{ t.t("cert-download-pdf") }</button>
                    <button type="button" class="secondary bordered" id={format!("download-credential-{dom}")} onclick={download(true)}>{ t.t("cert-download-credential") }</button>
                </div>
            }
            { match &*saved {
                Some(Ok(f)) => html! { <p class="ok" role="status" id={format!("saved-{dom}")}>{ t.t_args("cert-saved", &[("path", f.path.clone().into())]) }</p> },
                Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
                None => html! {},
            } }
            if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
            { periods_html(t, &c.history) }
        </article>
    }
}

/// Checks a credential offline: pasted, or read from a file.
#[function_component(VerifyCard)]
pub fn verify_card() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let text = use_state(String::new);
    let result = use_state(|| None::<Result<mastery_types::CredentialCheck, ApiError>>);
    let check =
        |text: String,
         result: UseStateHandle<Option<Result<mastery_types::CredentialCheck, ApiError>>>| {
            wasm_bindgen_futures::spawn_local(async move {
                result.set(Some(
                    ipc::verify_credential(&VerifyCredentialRequest { text }).await,
                ));
            });
        };
    let on_check = {
        let (text, result) = (text.clone(), result.clone());
        Callback::from(move |_| check((*text).clone(), result.clone()))
    };
    let on_file = {
        let (text, result) = (text.clone(), result.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (text, result) = (text.clone(), result.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
                match gloo_file::futures::read_as_text(&blob).await {
                    Ok(s) => {
                        text.set(s.clone());
                        result.set(Some(
                            ipc::verify_credential(&VerifyCredentialRequest { text: s }).await,
                        ));
                    }
                    Err(e) => result.set(Some(Err(ApiError::new(
                        mastery_types::ErrorCode::InvalidInput,
                        e.to_string(),
                    )))),
                }
            });
        })
    };
    let outcome = match &*result {
        None => html! {},
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(c)) => {
            // A genuine signature by a key that is not this organization's
            // proves only that its holder signed it: say so, not "valid".
            let foreign = c.verdict == CredentialVerdict::Valid && !c.issued_here;
            let class = if foreign {
                "verdict warn-box"
            } else if c.verdict == CredentialVerdict::Valid {
                "verdict ok-box"
            } else {
                "verdict bad-box"
            };
            html! {
                <div class={class} id="verify-result" data-verdict={c.verdict.as_str()} role="status">
                    <p><strong>{ if foreign { t.t("verify-valid-foreign") } else { t.t(&format!("verify-{}", c.verdict.as_str())) } }</strong></p>
                    if foreign {
                        <p id="verify-other-issuer">{ t.t_args("verify-other-issuer", &[("issuer", c.issuer.clone().unwrap_or_default().into())]) }</p>
                    }
                    <dl>
                        if let Some(h) = &c.holder { <dt>{ t.t("verify-holder") }</dt><dd>{ h.clone() }</dd> }
                        if let Some(a) = &c.achievement { <dt>{ t.t("verify-achievement") }</dt><dd>{ a.clone() }</dd> }
                        if let Some(n) = &c.issuer_name { <dt>{ t.t("verify-issuer") }</dt><dd>{ n.clone() }
                            { if c.issued_here { format!(" · {}", t.t("verify-issued-here")) } else { String::new() } }</dd> }
                        if let Some(u) = &c.valid_until { <dt>{ t.t("cert-until") }</dt><dd>{ u.clone() }</dd> }
                        <dt>{ t.t("verify-detail") }</dt><dd>{ c.detail.clone() }</dd>
                    </dl>
                </div>
            }
        }
    };
    html! {
        <section class="card verify" aria-labelledby="verify-title">
            <h2 id="verify-title">{ t.t("verify-title") }</h2>
            <p class="muted">{ t.t("verify-intro") }</p>
            <div class="field">
                <label for="verify-file">{ t.t("verify-file") }</label>
                <input type="file" id="verify-file" accept=".json,application/json,application/ld+json" onchange={on_file} />
            </div>
            <div class="field">
                <label for="verify-text">{ t.t("verify-paste") }</label>
                <textarea id="verify-text" rows="4" value={(*text).clone()} oninput={{
                    let h = text.clone();
                    Callback::from(move |e: InputEvent| { let a: HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); })
                }} />
            </div>
            <button type="button" class="primary" id="verify-submit" onclick={on_check}>{ t.t("verify-submit") }</button>
            { outcome }
        </section>
    }
}

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

fn evidence_html(t: &I18n, e: &Evidence) -> Html {
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
                <p>{ t.t_args("cert-evidence-prior", &[("level", l.get().into()), ("date", day(t, until).into())]) }</p>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PendingProps {
    req: PendingRequest,
    reload: UseStateHandle<u32>,
}

#[function_component(PendingCard)]
fn pending_card(p: &PendingProps) -> Html {
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
            <p class="muted">{ t.t_args("cert-requested-on", &[("date", day(t, &r.requested_at).into())]) }
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

fn gaps_html(t: &I18n, gaps: &[MandatoryGap]) -> Html {
    html! {
        <section class="card" id="mandatory-gaps" aria-labelledby="gaps-title">
            <h2 id="gaps-title">{ t.t("cert-gaps-title") }</h2>
            <p class="muted">{ t.t("cert-gaps-intro") }</p>
            if gaps.is_empty() {
                <p class="ok">{ t.t("cert-gaps-none") }</p>
            } else {
                <ul>{ for gaps.iter().map(|g| html! {
                    <li data-gap={g.name.clone()}>{ t.t_args("cert-gap", &[
                        ("name", g.name.clone().into()), ("count", g.missing_levels.len().into()),
                        ("levels", g.missing_levels.iter().map(|l| l.get().to_string()).collect::<Vec<_>>().join(", ").into()),
                    ]) }</li>
                }) }</ul>
            }
        </section>
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
                        ("date", day(t, &e.valid_until).into()),
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
                            <td>{ day(t, &c.period.valid_until) }</td>
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
