//! A new person's first sign-in: their employee number, the activation code
//! their administrator handed them, and a password of their choosing. On
//! success the person is signed in, exactly as after a sign-in.

use crate::components::field::TextField;
use crate::components::{error_text, points_at};
use crate::hooks::use_action;
use crate::ipc;
use crate::state::{use_app, Action};
use mastery_types::{ActivateRequest, Field, SessionInfo};
use yew::prelude::*;

#[function_component(ActivateForm)]
pub fn activate_form() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let employee_number = use_state(String::new);
    let code = use_state(String::new);
    let password = use_state(String::new);
    let confirm = use_state(String::new);
    let mismatch = use_state(|| false);

    // Opened on request: the first field takes the focus.
    use_effect_with((), |_| {
        use wasm_bindgen::JsCast;
        if let Some(input) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("activate-employee-number"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });

    let activate = use_action(
        |request: ActivateRequest| async move { ipc::activate_account(&request).await },
        {
            let state = state.clone();
            Callback::from(move |info: SessionInfo| state.dispatch(Action::SignedIn(info)))
        },
    );
    let onsubmit = {
        let (employee_number, code, password, confirm, mismatch, run) = (
            employee_number.clone(),
            code.clone(),
            password.clone(),
            confirm.clone(),
            mismatch.clone(),
            activate.run.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Comparing the two copies is form mechanics, not a business rule.
            mismatch.set(*password != *confirm);
            if *password != *confirm {
                return;
            }
            run.emit(ActivateRequest {
                employee_number: (*employee_number).clone(),
                code: (*code).clone(),
                password: (*password).clone(),
            });
        })
    };
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |v: String| h.set(v))
    };
    let error = &activate.error;

    html! {
        <section class="card narrow activate" id="activate" aria-labelledby="activate-title">
            <h2 id="activate-title">{ t.t("activate-title") }</h2>
            <p class="muted">{ t.t("activate-intro") }</p>
            <form id="activate-form" {onsubmit} novalidate=true>
                <TextField id="activate-employee-number" invalid={points_at(error, Field::EmployeeNumber)}
                    label={t.t("employee-number")} value={(*employee_number).clone()} on_change={set(&employee_number)}
                    autocomplete={Some(AttrValue::Static("off"))} />
                <TextField id="activate-code" label={t.t("activate-code")} value={(*code).clone()} on_change={set(&code)}
                    autocomplete={Some(AttrValue::Static("one-time-code"))}
                    hint={Some(AttrValue::from(t.t("activate-code-hint")))} />
                <TextField id="activate-password" invalid={points_at(error, Field::Password)} label={t.t("activate-password")}
                    kind="password" value={(*password).clone()} on_change={set(&password)}
                    autocomplete={Some(AttrValue::Static("new-password"))}
                    hint={Some(AttrValue::from(t.t("password-hint")))} />
                <TextField id="activate-confirm" label={t.t("setup-confirm-password")} kind="password"
                    value={(*confirm).clone()} on_change={set(&confirm)} invalid={*mismatch}
                    autocomplete={Some(AttrValue::Static("new-password"))} />
                if *mismatch {
                    <p class="error" role="alert" data-code="passwords_differ">{ t.t("setup-passwords-differ") }</p>
                } else if let Some(e) = error {
                    <p class="error" role="alert" id="activate-error" data-code={e.code.as_str()}>{ error_text(t, e) }</p>
                }
                <button type="submit" id="activate-submit" class="primary" disabled={activate.busy}
                    aria-busy={activate.busy.then_some("true")}>
                    { if activate.busy { t.t("activate-busy") } else { t.t("activate-submit") } }
                </button>
            </form>
        </section>
    }
}
