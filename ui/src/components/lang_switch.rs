//! Switches the whole interface between the offered languages. Signed in,
//! the choice is saved to the person's profile; before sign-in, on this
//! machine only.

use crate::app::LANG_KEY;
use crate::i18n;
use crate::ipc;
use crate::state::{use_app, Action};
use gloo_storage::{LocalStorage, Storage};
use mastery_types::SetLanguageRequest;
use yew::prelude::*;

#[function_component(LangSwitch)]
pub fn lang_switch() -> Html {
    let state = use_app();
    let current = state.i18n.lang().to_owned();
    // True while a change is being saved to the profile (aria-busy).
    let saving = use_state(|| false);
    let buttons = i18n::offered().into_iter().map(|(tag, name)| {
        let pressed = tag == current;
        let onclick = {
            let state = state.clone();
            let saving = saving.clone();
            let tag = tag.clone();
            Callback::from(move |_| {
                let _ = LocalStorage::set(LANG_KEY, &tag);
                state.dispatch(Action::SetLanguage(tag.clone()));
                if state.session.is_some() {
                    let state = state.clone();
                    let saving = saving.clone();
                    let request = SetLanguageRequest {
                        language: tag.as_str().into(),
                    };
                    saving.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(info) = ipc::set_language(&request).await {
                            state.dispatch(Action::SetLanguage(info.language.0));
                        }
                        saving.set(false);
                    });
                }
            })
        };
        html! {
            <button type="button" class="lang" lang={tag.clone()} data-lang={tag.clone()}
                aria-pressed={pressed.to_string()} {onclick}>{ name }</button>
        }
    });
    html! {
        <div class="lang-switch" role="group" aria-label={state.i18n.t("language-switch-label")}
            aria-busy={(*saving).to_string()}>
            { for buttons }
        </div>
    }
}
