//! The connection with HR: SCIM or files, the server's address, its token
//! (write-only: never shown back, only whether one is set), how often
//! Mastery talks to it, and a test of the saved connection.

use crate::components::field::TextField;
use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::use_app;
use mastery_types::{HrMode, HrSettings, HrSettingsRequest, Problem};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The longest schedule the backend accepts: once a day.
const MAX_INTERVAL_MINUTES: u32 = 24 * 60;

#[derive(Properties, PartialEq)]
pub struct HrConnectionProps {
    pub settings: HrSettings,
    /// Bumped to reload the HR status after a change.
    pub reload: UseStateHandle<u32>,
}

#[function_component(HrConnection)]
pub fn hr_connection(p: &HrConnectionProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let mode = use_state(|| p.settings.mode);
    let base_url = use_state(|| p.settings.base_url.clone());
    let token = use_state(String::new);
    let interval = use_state(|| p.settings.interval_minutes.to_string());
    let interval_invalid = use_state(|| false);

    let save = use_action(
        |request: HrSettingsRequest| async move { ipc::set_hr_settings(&request).await },
        {
            let (reload, token) = (p.reload.clone(), token.clone());
            Callback::from(move |_: HrSettings| {
                // The token is write-only: once saved, the field empties.
                token.set(String::new());
                reload.set(*reload + 1);
            })
        },
    );
    let test = use_action(
        |()| async move { ipc::test_hr_connection().await },
        Callback::noop(),
    );

    let onsubmit = {
        let (mode, base_url, token, interval, interval_invalid, run) = (
            mode.clone(),
            base_url.clone(),
            token.clone(),
            interval.clone(),
            interval_invalid.clone(),
            save.run.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Reading the number is form mechanics; the range is checked
            // again by the backend.
            let minutes = interval
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|m| *m <= MAX_INTERVAL_MINUTES);
            interval_invalid.set(minutes.is_none());
            let Some(interval_minutes) = minutes else {
                return;
            };
            run.emit(HrSettingsRequest {
                mode: *mode,
                base_url: (*base_url).clone(),
                // Empty: keep the stored token.
                token: Some((*token).clone()).filter(|t| !t.trim().is_empty()),
                interval_minutes,
            });
        })
    };
    let on_test = {
        let run = test.run.clone();
        Callback::from(move |_: MouseEvent| run.emit(()))
    };
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |v: String| h.set(v))
    };
    let mode_choice = |m: HrMode, id: &'static str, label: String| {
        let onchange = {
            let mode = mode.clone();
            Callback::from(move |_: Event| mode.set(m))
        };
        html! {
            <label class="check" for={id}>
                <input type="radio" name="hr-mode" id={id} value={m.as_str()}
                    checked={*mode == m} {onchange} />{ label }
            </label>
        }
    };
    let bad_url = matches!(
        save.error.as_ref().and_then(|e| e.problem.as_ref()),
        Some(Problem::BadUrl { .. })
    );
    let token_placeholder = if p.settings.token_set {
        t.t("hr-token-set")
    } else {
        t.t("hr-token-not-set")
    };

    html! {
        <section class="card" aria-labelledby="hr-connection-title">
            <h2 id="hr-connection-title">{ t.t("hr-connection-title") }</h2>
            <form id="hr-connection-form" {onsubmit} novalidate=true>
                <fieldset class="roles">
                    <legend>{ t.t("hr-mode") }</legend>
                    { mode_choice(HrMode::Scim, "hr-mode-scim", t.t("hr-mode-scim")) }
                    { mode_choice(HrMode::File, "hr-mode-file", t.t("hr-mode-file")) }
                </fieldset>
                <TextField id="hr-base-url" label={t.t("hr-base-url")} kind="url" value={(*base_url).clone()}
                    on_change={set(&base_url)} required={*mode == HrMode::Scim} invalid={bad_url}
                    autocomplete={Some(AttrValue::Static("off"))}
                    hint={Some(AttrValue::from(t.t("hr-base-url-hint")))} />
                <TextField id="hr-token" label={t.t("hr-token")} kind="password" value={(*token).clone()}
                    on_change={set(&token)} required={false}
                    autocomplete={Some(AttrValue::Static("new-password"))}
                    placeholder={Some(AttrValue::from(token_placeholder))}
                    hint={Some(AttrValue::from(t.t("hr-token-hint")))} />
                <div class="field">
                    <label for="hr-interval">{ t.t("hr-interval") }</label>
                    <input id="hr-interval" type="number" min="0" max={MAX_INTERVAL_MINUTES.to_string()} step="1"
                        inputmode="numeric" value={(*interval).clone()}
                        aria-invalid={(*interval_invalid).then_some("true")}
                        aria-describedby="hr-interval-hint"
                        oninput={{
                            let h = interval.clone();
                            Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); h.set(i.value()); })
                        }} />
                    <p class="hint" id="hr-interval-hint">{ t.t("hr-interval-hint") }</p>
                </div>
                if *interval_invalid {
                    <p class="error" role="alert">{ t.t("hr-interval-invalid") }</p>
                }
                { action_error(t, &save.error) }
                <div aria-live="polite">
                    if save.done.is_some() && !save.busy {
                        <p class="ok" id="hr-saved">{ t.t("hr-connection-saved") }</p>
                    }
                </div>
                <div class="actions">
                    <button type="submit" id="hr-save" class="primary" disabled={save.busy} aria-busy={save.busy.then_some("true")}>
                        { t.t("hr-save") }
                    </button>
                    <button type="button" id="hr-test" class="secondary bordered" onclick={on_test}
                        disabled={test.busy} aria-busy={test.busy.then_some("true")} aria-describedby="hr-test-hint">
                        { if test.busy { t.t("hr-testing") } else { t.t("hr-test") } }
                    </button>
                </div>
                <p class="hint" id="hr-test-hint">{ t.t("hr-test-hint") }</p>
            </form>
            { action_error(t, &test.error) }
            <div aria-live="polite" id="hr-test-result">
                if let Some(found) = &test.done {
                    <p class="ok">
                        { t.t_args("hr-test-found", &[
                            ("people", found.people.into()),
                            ("managed", found.with_manager.into()),
                        ]) }
                        { " " }
                        { t.t(if found.training_extension { "hr-test-extension-present" } else { "hr-test-extension-absent" }) }
                    </p>
                }
            </div>
        </section>
    }
}
