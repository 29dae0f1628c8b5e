//! One certification of the signed-in learner: status, what is missing,
//! requesting it, a returned request's reason, certificate and credential.

use super::cert_status::{cert_pill, periods_html};
use crate::components::error_text;
use crate::ipc;
use crate::refusals::missing_text;
use crate::state::use_app;
use mastery_types::{ApiError, CertStatus, CertificateRequest, CertificationView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CertCardProps {
    pub cert: CertificationView,
    pub reload: UseStateHandle<u32>,
}

#[function_component(CertCard)]
pub fn cert_card(p: &CertCardProps) -> Html {
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
                        ("date", t.date_of(cur.valid_until).into()), ("code", cur.verification_code.clone().into()),
                    ]) }
                </p>
            }
            if let Some((_, at)) = &c.pending {
                <p class="muted" id={format!("cert-pending-{dom}")}>{ t.t_args("cert-pending", &[("date", t.date_of(*at).into())]) }</p>
            }
            if let Some(r) = &c.last_return {
                <div class="returned" id={format!("cert-returned-{dom}")} role="note">
                    <p><strong>{ t.t_args("cert-returned-by", &[("by", r.by.clone().into()), ("date", t.date_of(r.at).into())]) }</strong></p>
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
