//! First run on a database without accounts: create the first
//! administrator (and name the organization).

use crate::components::error_text;
use crate::components::field::Field;
use crate::ipc;
use crate::state::{use_app, Action};
use mastery_types::{ApiError, ErrorCode, FirstAdminRequest};
use yew::prelude::*;

#[function_component(SetupPage)]
pub fn setup_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let organization = use_state(String::new);
    let name = use_state(String::new);
    let employee_number = use_state(String::new);
    let username = use_state(String::new);
    let password = use_state(String::new);
    let confirm = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let onsubmit = {
        let state = state.clone();
        let (organization, name, employee_number, username, password, confirm, error, busy) = (
            organization.clone(),
            name.clone(),
            employee_number.clone(),
            username.clone(),
            password.clone(),
            confirm.clone(),
            error.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *password != *confirm {
                error.set(Some(ApiError::new(
                    ErrorCode::InvalidInput,
                    state.i18n.t("setup-passwords-differ"),
                )));
                return;
            }
            busy.set(true);
            let request = FirstAdminRequest {
                organization: (*organization).clone(),
                employee_number: (*employee_number).clone(),
                display_name: (*name).clone(),
                username: (*username).clone(),
                password: (*password).clone(),
                language: state.i18n.lang().into(),
            };
            let (state, error, busy) = (state.clone(), error.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::create_first_admin(&request).await {
                    Ok(info) => {
                        state.dispatch(Action::Setup {
                            organization: Some(request.organization.trim().to_owned()),
                            needs_first_admin: false,
                        });
                        state.dispatch(Action::SignedIn(info));
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |v: String| h.set(v))
    };

    html! {
        <section class="card narrow" aria-labelledby="setup-title">
            <h1 id="setup-title">{ t.t("setup-title") }</h1>
            <p class="muted">{ t.t("setup-intro") }</p>
            <form id="setup-form" {onsubmit} novalidate=true>
                <Field id="organization" label={t.t("setup-organization")} value={(*organization).clone()} on_change={set(&organization)} />
                <Field id="display-name" label={t.t("setup-name")} value={(*name).clone()} on_change={set(&name)}
                    autocomplete={Some(AttrValue::Static("name"))} />
                <Field id="employee-number" label={t.t("employee-number")} value={(*employee_number).clone()} on_change={set(&employee_number)} />
                <Field id="new-username" label={t.t("username")} value={(*username).clone()} on_change={set(&username)}
                    autocomplete={Some(AttrValue::Static("username"))} hint={Some(AttrValue::from(t.t("username-hint")))} />
                <Field id="new-password" label={t.t("password")} kind="password" value={(*password).clone()} on_change={set(&password)}
                    autocomplete={Some(AttrValue::Static("new-password"))} hint={Some(AttrValue::from(t.t("password-hint")))} />
                <Field id="confirm-password" label={t.t("setup-confirm-password")} kind="password" value={(*confirm).clone()}
                    on_change={set(&confirm)} autocomplete={Some(AttrValue::Static("new-password"))} />
                if let Some(e) = &*error {
                    <p class="error" role="alert" data-code={e.code.as_str()}>{ error_text(t, e) }</p>
                }
                <button type="submit" id="setup-submit" class="primary" disabled={*busy}>{ t.t("setup-submit") }</button>
            </form>
        </section>
    }
}
