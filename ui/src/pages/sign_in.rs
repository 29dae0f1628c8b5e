//! Sign-in: username and password. A failed sign-in says only that the pair
//! is wrong (or that the account is locked for a while). A new person opens
//! the activation form from here for their first sign-in.

use crate::components::activate_form::ActivateForm;
use crate::components::error_text;
use crate::components::field::TextField;
use crate::ipc;
use crate::state::{use_app, Action};
use mastery_types::{ApiError, SignInRequest};
use yew::prelude::*;

#[function_component(SignInPage)]
pub fn sign_in_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let username = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let activating = use_state(|| false);

    let onsubmit = {
        let (state, username, password, error, busy) = (
            state.clone(),
            username.clone(),
            password.clone(),
            error.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            // A new attempt clears the old message, so the next one is announced afresh.
            error.set(None);
            let request = SignInRequest {
                username: (*username).clone(),
                password: (*password).clone(),
            };
            let (state, error, busy, password) =
                (state.clone(), error.clone(), busy.clone(), password.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::sign_in(&request).await {
                    Ok(info) => {
                        error.set(None);
                        state.dispatch(Action::SignedIn(info));
                    }
                    Err(e) => {
                        password.set(String::new());
                        error.set(Some(e));
                    }
                }
                busy.set(false);
            });
        })
    };
    let set = |h: UseStateHandle<String>| Callback::from(move |v: String| h.set(v));
    let toggle_activation = {
        let activating = activating.clone();
        Callback::from(move |_: MouseEvent| activating.set(!*activating))
    };

    html! {
        <>
        <section class="card narrow sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{ t.t("sign-in-title") }</h1>
            <p class="muted">{ t.t("sign-in-intro") }</p>
            <form id="sign-in-form" {onsubmit} novalidate=true>
                <TextField id="username" label={t.t("username")} value={(*username).clone()}
                    on_change={set(username.clone())} autocomplete={Some(AttrValue::Static("username"))} />
                <TextField id="password" label={t.t("password")} kind="password" value={(*password).clone()}
                    on_change={set(password.clone())} autocomplete={Some(AttrValue::Static("current-password"))} />
                if let Some(e) = &*error {
                    <p class="error" role="alert" id="sign-in-error" data-code={e.code.as_str()}>{ error_text(t, e) }</p>
                }
                <button type="submit" id="sign-in-submit" class="primary" disabled={*busy}>
                    { if *busy { t.t("signing-in") } else { t.t("sign-in") } }
                </button>
            </form>
            <p class="first-time">
                <button type="button" id="activate-open" class="link" onclick={toggle_activation}
                    aria-expanded={(*activating).to_string()} aria-controls="activate">
                    { t.t("activate-open") }
                </button>
            </p>
        </section>
        if *activating {
            <ActivateForm />
        }
        </>
    }
}
