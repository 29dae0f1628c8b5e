//! How far a long HR operation is (reading the roster from HR, sending
//! status, reconciling): shown while it runs, polling the backend every
//! 300 ms from the moment it appears until it is taken away.

use crate::ipc;
use crate::state::use_app;
use mastery_types::Progress;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

const POLL_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct HrProgressProps {
    /// Unique on the page: two operations may run at once.
    pub id: AttrValue,
}

#[function_component(HrProgress)]
pub fn hr_progress(p: &HrProgressProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let progress = use_state(Progress::default);
    {
        let progress = progress.clone();
        use_effect_with((), move |_| {
            let shown = Rc::new(Cell::new(true));
            let polling = shown.clone();
            wasm_bindgen_futures::spawn_local(async move {
                while polling.get() {
                    if let Ok(now) = ipc::hr_progress().await {
                        if polling.get() {
                            progress.set(now);
                        }
                    }
                    gloo_timers::future::TimeoutFuture::new(POLL_MS).await;
                }
            });
            move || shown.set(false)
        });
    }
    let counts: [(&str, fluent_bundle::FluentValue<'static>); 2] = [
        ("done", progress.done.into()),
        ("total", progress.total.into()),
    ];
    let text = match progress.stage.as_str() {
        _ if progress.total == 0 => t.t("hr-progress-working"),
        "reading" => t.t_args("hr-progress-reading", &counts),
        "sending" => t.t_args("hr-progress-sending", &counts),
        _ => t.t("hr-progress-working"),
    };
    let label_id = format!("{}-label", p.id);
    html! {
        <div class="progress">
            // No value while the total is unknown: an indeterminate bar.
            <progress id={p.id.clone()} aria-labelledby={label_id.clone()}
                max={progress.total.max(1).to_string()}
                value={(progress.total > 0).then(|| progress.done.to_string())}></progress>
            <span id={label_id}>{ text }</span>
        </div>
    }
}
