//! Checks a credential offline: pasted, or read from a file.

use crate::components::error_text;
use crate::ipc;
use crate::state::use_app;
use mastery_types::{ApiError, CredentialVerdict, VerifyCredentialRequest};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

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
                        if let Some(u) = &c.valid_until { <dt>{ t.t("cert-until") }</dt><dd>{
                            // The credential's own timestamp, in the person's
                            // language and time zone when it reads as one.
                            chrono::DateTime::parse_from_rfc3339(u)
                                .map(|d| t.date_of(d.with_timezone(&chrono::Utc)))
                                .unwrap_or_else(|_| u.clone())
                        }</dd> }
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
