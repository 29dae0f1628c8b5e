//! The UI's repeated logic as hooks: loading a page's data (ignoring an
//! answer that arrives after a newer request was made), submitting an
//! action with busy and error state, and showing what is loading.

use crate::components::error_text;
use crate::i18n::I18n;
use mastery_types::ApiError;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

/// What a page loads from the backend: `None` while it loads.
pub type Loaded<T> = UseStateHandle<Option<Result<T, ApiError>>>;

/// Loads data for a page when it mounts and again whenever `deps` change.
/// A slow answer to an earlier request never overwrites a newer one: each
/// request carries its generation, and only the latest may land.
#[hook]
pub fn use_load<T, D, F, Fut>(deps: D, load: F) -> Loaded<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let data = use_state(|| None);
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    {
        let data = data.clone();
        let generation = generation.borrow().clone();
        use_effect_with(deps, move |deps| {
            let mine = generation.get() + 1;
            generation.set(mine);
            let future = load(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = future.await;
                if generation.get() == mine {
                    data.set(Some(answer));
                }
            });
        });
    }
    data
}

/// A submission in progress or done: busy while it runs, the error it was
/// refused with, the value it returned.
pub struct Action<Req, Resp> {
    pub busy: bool,
    pub error: Option<ApiError>,
    pub done: Option<Resp>,
    pub run: Callback<Req>,
}

/// Submits `act(request)` when `run` is called (ignored while busy), and
/// keeps its busy / error / done state for the form to show; `then` runs
/// after a success (a reload, a message).
#[hook]
pub fn use_action<Req, Resp, F, Fut>(act: F, then: Callback<Resp>) -> Action<Req, Resp>
where
    Req: 'static,
    Resp: Clone + 'static,
    F: Fn(Req) -> Fut + 'static,
    Fut: Future<Output = Result<Resp, ApiError>> + 'static,
{
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<Resp>);
    let act = Rc::new(act);
    let run = {
        let (busy, error, done) = (busy.clone(), error.clone(), done.clone());
        Callback::from(move |req: Req| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, error, done, then) =
                (busy.clone(), error.clone(), done.clone(), then.clone());
            let future = act(req);
            wasm_bindgen_futures::spawn_local(async move {
                match future.await {
                    Ok(v) => {
                        error.set(None);
                        done.set(Some(v.clone()));
                        then.emit(v);
                    }
                    Err(e) => {
                        done.set(None);
                        error.set(Some(e));
                    }
                }
                busy.set(false);
            });
        })
    };
    Action {
        busy: *busy,
        error: (*error).clone(),
        done: (*done).clone(),
        run,
    }
}

/// What loading data looks like: a busy line, the refusal, or `ok(value)`.
pub fn loaded_view<T>(t: &I18n, data: &Loaded<T>, ok: impl FnOnce(&T) -> Html) -> Html {
    match &**data {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(v)) => ok(v),
    }
}

/// An action's refusal, next to the form that made it.
pub fn action_error(t: &I18n, e: &Option<ApiError>) -> Html {
    match e {
        Some(e) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        None => html! {},
    }
}
