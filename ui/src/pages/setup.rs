//! First run on a database without accounts: create the first
//! administrator (and name the organization).

use crate::components::field::TextField;
use crate::components::{error_text, points_at};
use crate::ipc;
use crate::state::{use_app, Action};
use mastery_types::{ApiError, Field, FirstAdminRequest};
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
    let mismatch = use_state(|| false);
    let busy = use_state(|| false);

    let onsubmit = {
        let state = state.clone();
        let mismatch = mismatch.clone();
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
            // Comparing the two copies is form mechanics, not a business rule.
            mismatch.set(*password != *confirm);
            if *password != *confirm {
                return;
            }
            error.set(None);
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
                <TextField id="organization" invalid={points_at(&error, Field::Organization)} label={t.t("setup-organization")} value={(*organization).clone()} on_change={set(&organization)} />
                <TextField id="display-name" invalid={points_at(&error, Field::Name)} label={t.t("setup-name")} value={(*name).clone()} on_change={set(&name)}
                    autocomplete={Some(AttrValue::Static("name"))} />
                <TextField id="employee-number" invalid={points_at(&error, Field::EmployeeNumber)} label={t.t("employee-number")} value={(*employee_number).clone()} on_change={set(&employee_number)} />
                <TextField id="new-username" invalid={points_at(&error, Field::Username)} label={t.t("username")} value={(*username).clone()} on_change={set(&username)}
                    autocomplete={Some(AttrValue::Static("username"))} hint={Some(AttrValue::from(t.t("username-hint")))} />
                <TextField id="new-password" invalid={points_at(&error, Field::Password)} label={t.t("password")} kind="password" value={(*password).clone()} on_change={set(&password)}
                    autocomplete={Some(AttrValue::Static("new-password"))} hint={Some(AttrValue::from(t.t("password-hint")))} />
                <TextField id="confirm-password" label={t.t("setup-confirm-password")} kind="password" value={(*confirm).clone()}
                    on_change={set(&confirm)} autocomplete={Some(AttrValue::Static("new-password"))} />
                if *mismatch {
                    <p class="error" role="alert" data-code="passwords_differ">{ t.t("setup-passwords-differ") }</p>
                } else if let Some(e) = &*error {
                    <p class="error" role="alert" data-code={e.code.as_str()}>{ error_text(t, e) }</p>
                }
                <button type="submit" id="setup-submit" class="primary" disabled={*busy}>{ t.t("setup-submit") }</button>
            </form>
        </section>
    }
}
