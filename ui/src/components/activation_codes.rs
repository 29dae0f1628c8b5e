//! Activation codes for new people: how many have neither an account nor a
//! valid code, and a button that makes them. The codes are shown once (only
//! their hashes are kept), with a way to save them as CSV for hand-out.

use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::use_app;
use mastery_types::ActivationCode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActivationCodesProps {
    /// New people with neither an account nor a valid code.
    pub without_code: u64,
    /// Bumped to reload the HR status once codes are made.
    pub reload: UseStateHandle<u32>,
}

#[function_component(ActivationCodes)]
pub fn activation_codes(p: &ActivationCodesProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let create = use_action(|()| async move { ipc::new_activation_codes().await }, {
        let reload = p.reload.clone();
        Callback::from(move |_: Vec<ActivationCode>| reload.set(*reload + 1))
    });
    let save = use_action(
        |codes: Vec<ActivationCode>| async move { ipc::export_activation_codes(&codes).await },
        Callback::noop(),
    );
    let on_create = {
        let run = create.run.clone();
        Callback::from(move |_: MouseEvent| run.emit(()))
    };

    let codes = match &create.done {
        Some(codes) if !codes.is_empty() => {
            let on_save = {
                let (run, codes) = (save.run.clone(), codes.clone());
                Callback::from(move |_: MouseEvent| run.emit(codes.clone()))
            };
            html! {
                <div class="codes">
                    <p class="warn-text" id="codes-once">{ t.t("hr-codes-once") }</p>
                    <div class="grow">
                        <table class="data" id="activation-codes">
                            <caption>{ t.t_args("hr-codes-count", &[("count", codes.len().into())]) }</caption>
                            <thead><tr>
                                <th scope="col">{ t.t("employee-number") }</th>
                                <th scope="col">{ t.t("name") }</th>
                                <th scope="col">{ t.t("office") }</th>
                                <th scope="col">{ t.t("hr-code") }</th>
                                <th scope="col">{ t.t("hr-code-expires") }</th>
                            </tr></thead>
                            <tbody>{ for codes.iter().map(|c| html! {
                                <tr>
                                    <td>{ c.employee_number.clone() }</td>
                                    <td>{ c.name.clone() }</td>
                                    <td>{ c.office.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                                    <td><code class="activation-code">{ c.code.clone() }</code></td>
                                    <td>{ t.date_of(c.expires_at) }</td>
                                </tr>
                            }) }</tbody>
                        </table>
                    </div>
                    <div class="actions">
                        <button type="button" id="codes-save" class="secondary bordered" onclick={on_save}
                            disabled={save.busy} aria-busy={save.busy.then_some("true")}>{ t.t("hr-codes-save") }</button>
                    </div>
                    { action_error(t, &save.error) }
                    <div aria-live="polite">
                        if let Some(saved) = &save.done {
                            <p class="ok" id="codes-saved">{ t.t_args("hr-saved", &[("path", saved.path.clone().into())]) }</p>
                        }
                    </div>
                </div>
            }
        }
        _ => html! {},
    };
    let made = create.done.as_ref().map(|codes| {
        if codes.is_empty() {
            t.t("hr-codes-none-needed")
        } else {
            t.t_args("hr-codes-count", &[("count", codes.len().into())])
        }
    });

    html! {
        <section class="card" aria-labelledby="codes-title">
            <h2 id="codes-title">{ t.t("hr-codes-title") }</h2>
            <p class="muted">{ t.t("hr-codes-intro") }</p>
            <p id="codes-waiting">{ t.t_args("hr-without-code", &[("count", p.without_code.into())]) }</p>
            <button type="button" id="codes-create" class="primary" onclick={on_create}
                disabled={create.busy || p.without_code == 0} aria-busy={create.busy.then_some("true")}>
                { t.t("hr-codes-create") }
            </button>
            { action_error(t, &create.error) }
            <div aria-live="polite" id="codes-result">
                if let Some(line) = made {
                    <p class="ok">{ line }</p>
                }
            </div>
            { codes }
        </section>
    }
}
