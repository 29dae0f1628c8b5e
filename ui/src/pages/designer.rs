//! Course designers: the program pack's versions with their change notes,
//! the draft, comparing two versions, and exchanging archives (with
//! progress).

use crate::components::error_text;
use crate::ipc;
use crate::state::{navigate, use_app, use_load, Page};
use mastery_types::{ApiError, DiffEntry, DiffRequest, ExportRequest, ImportRequest, Progress};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub const PACK: &str = "service-excellence";
const DRAFT: &str = "draft";

fn select_value(e: &Event) -> String {
    let s: HtmlSelectElement = e.target_unchecked_into();
    s.value()
}

/// Polls the backend's progress until `running` is cleared.
fn poll_progress(running: UseStateHandle<bool>, progress: UseStateHandle<Progress>) {
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            gloo_timers::future::TimeoutFuture::new(120).await;
            if let Ok(p) = ipc::pack_progress().await {
                progress.set(p);
            }
            if !*running {
                break;
            }
        }
    });
}

#[function_component(DesignerPage)]
pub fn designer_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let reload = use_state(|| 0u32);
    let home = use_load(*reload, |_| ipc::designer_home());

    let from = use_state(String::new);
    let to = use_state(String::new);
    let diff = use_state(|| None::<Result<Vec<DiffEntry>, ApiError>>);
    let export_version = use_state(String::new);
    let export_result = use_state(|| None::<Result<String, ApiError>>);
    let import_result = use_state(|| None::<Result<String, ApiError>>);
    let running = use_state(|| false);
    let progress = use_state(Progress::default);

    let Some(home) = &*home else {
        return html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> };
    };
    let home = match home {
        Ok(h) => h.clone(),
        Err(e) => return html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
    };
    let newest = home
        .versions
        .first()
        .map(|v| v.version.clone())
        .unwrap_or_default();
    // By default: the newest version against the draft, or the two newest.
    let (default_from, default_to) = match (&home.draft, home.versions.get(1)) {
        (Some(_), _) => (newest.clone(), DRAFT.to_owned()),
        (None, Some(older)) => (older.version.clone(), newest.clone()),
        (None, None) => (newest.clone(), newest.clone()),
    };
    let from_v = if from.is_empty() {
        default_from
    } else {
        (*from).clone()
    };
    let to_v = if to.is_empty() {
        default_to
    } else {
        (*to).clone()
    };
    let export_v = if export_version.is_empty() {
        newest.clone()
    } else {
        (*export_version).clone()
    };
    let mut choices: Vec<(String, String)> = home
        .versions
        .iter()
        .map(|v| (v.version.clone(), v.version.clone()))
        .collect();
    if home.draft.is_some() {
        choices.insert(0, (DRAFT.to_owned(), t.t("designer-the-draft")));
    }
    let options = |selected: &str| {
        choices
            .iter()
            .map(|(v, label)| html! { <option value={v.clone()} selected={v == selected}>{ label.clone() }</option> })
            .collect::<Html>()
    };

    let versions = home.versions.iter().map(|v| {
        html! {
            <tr data-version={v.version.clone()}>
                <th scope="row">{ v.version.clone() }</th>
                <td>{ t.date_time(v.stored_at) }</td>
                <td>{ v.published_by.clone().unwrap_or_else(|| t.t("designer-shipped")) }</td>
                <td>{ v.change_notes.get(&lang).to_owned() }</td>
            </tr>
        }
    });

    let discard = {
        let reload = reload.clone();
        Callback::from(move |_| {
            let reload = reload.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = ipc::discard_draft(PACK).await;
                reload.set(*reload + 1);
            });
        })
    };
    let draft_card = match &home.draft {
        Some(d) => html! {
            <div id="draft-status">
                <p>{ t.t_args("designer-draft-of", &[
                    ("base", d.base_version.clone().into()),
                    ("who", d.updated_by.clone().into()),
                    ("when", t.date_time(d.updated_at).into()),
                ]) }</p>
                <p class={if d.errors > 0 { "error" } else { "ok" }}>{ t.t_args("designer-problem-count", &[
                    ("errors", d.errors.into()), ("warnings", d.warnings.into()),
                ]) }</p>
                <div class="actions">
                    <button type="button" id="open-draft" class="primary" onclick={navigate(&state, Page::DraftEditor)}>{ t.t("designer-open-draft") }</button>
                    <button type="button" id="discard-draft" class="secondary" onclick={discard}>{ t.t("designer-discard-draft") }</button>
                </div>
            </div>
        },
        None => html! {
            <div id="draft-status">
                <p>{ t.t_args("designer-no-draft", &[("version", newest.clone().into())]) }</p>
                <button type="button" id="open-draft" class="primary" onclick={navigate(&state, Page::DraftEditor)}>{ t.t("designer-start-draft") }</button>
            </div>
        },
    };

    let compare = {
        let (diff, from_v, to) = (diff.clone(), from_v.clone(), to_v.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let diff = diff.clone();
            let request = DiffRequest {
                pack_id: PACK.into(),
                from: from_v.clone(),
                to: to.clone(),
            };
            wasm_bindgen_futures::spawn_local(async move {
                diff.set(Some(ipc::diff_versions(&request).await));
            });
        })
    };
    let diff_view = match &*diff {
        None => html! {},
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p id="diff-result" class="muted" role="status">{ t.t("designer-no-difference") }</p> }
        }
        Some(Ok(list)) => html! {
            <table class="data" id="diff-result">
                <caption>{ t.t_args("designer-difference-count", &[("count", list.len().into())]) }</caption>
                <thead><tr><th scope="col">{ t.t("designer-change") }</th><th scope="col">{ t.t("designer-what") }</th><th scope="col">{ t.t("designer-which") }</th></tr></thead>
                <tbody>{ for list.iter().map(|d| html! {
                    <tr>
                        <td><span class={classes!("pill", format!("change-{}", d.change))}>{ t.t(&format!("designer-change-{}", d.change)) }</span></td>
                        <td>{ t.t(&format!("designer-what-{}", d.what.replace(' ', "-"))) }</td>
                        <td><code>{ d.id.clone() }</code></td>
                    </tr>
                }) }</tbody>
            </table>
        },
    };

    let export = {
        let (export_result, export_v, running, progress) = (
            export_result.clone(),
            export_v.clone(),
            running.clone(),
            progress.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (export_result, running) = (export_result.clone(), running.clone());
            running.set(true);
            poll_progress(running.clone(), progress.clone());
            let request = ExportRequest {
                pack_id: PACK.into(),
                version: export_v.clone(),
            };
            wasm_bindgen_futures::spawn_local(async move {
                let r = ipc::export_pack(&request).await;
                export_result.set(Some(r.map(|d| d.path)));
                running.set(false);
            });
        })
    };
    let import = {
        let (import_result, running, progress, reload) = (
            import_result.clone(),
            running.clone(),
            progress.clone(),
            reload.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("import-file"))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (import_result, running, progress, reload) = (
                import_result.clone(),
                running.clone(),
                progress.clone(),
                reload.clone(),
            );
            running.set(true);
            poll_progress(running.clone(), progress.clone());
            wasm_bindgen_futures::spawn_local(async move {
                use base64::Engine;
                let name = file.name();
                let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
                let result = match gloo_file::futures::read_as_bytes(&blob).await {
                    Ok(bytes) => {
                        let request = ImportRequest {
                            file_name: name,
                            archive_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
                        };
                        ipc::import_pack(&request)
                            .await
                            .map(|d| format!("{} {}", d.pack_id, d.version))
                    }
                    Err(e) => Err(ApiError::new(
                        mastery_types::ErrorCode::InvalidInput,
                        e.to_string(),
                    )),
                };
                import_result.set(Some(result));
                running.set(false);
                reload.set(*reload + 1);
            });
        })
    };
    let progress_bar = (*running).then(|| {
        html! {
            <div class="progress" role="status" aria-live="polite">
                <progress id="pack-progress" max={progress.total.max(1).to_string()} value={progress.done.to_string()}></progress>
                <span>{ t.t_args("designer-progress", &[("done", progress.done.into()), ("total", progress.total.into())]) }</span>
            </div>
        }
    });
    let outcome = |r: &Option<Result<String, ApiError>>, ok_key: &str, id: &str| match r {
        None => html! {},
        Some(Ok(what)) => {
            html! { <p class="ok" id={id.to_owned()} role="status">{ t.t_args(ok_key, &[("what", what.clone().into())]) }</p> }
        }
        Some(Err(e)) => {
            html! { <p class="error" id={id.to_owned()} role="alert">{ error_text(t, e) }</p> }
        }
    };

    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: Event| h.set(select_value(&e)))
    };

    html! {
        <div class="page designer">
            <div class="page-head"><h1>{ t.t("designer-title") }</h1>
                <p class="muted">{ home.title.get(&lang).to_owned() }</p></div>
            <div class="split">
                <section class="card" aria-labelledby="draft-title">
                    <h2 id="draft-title">{ t.t("designer-draft") }</h2>
                    { draft_card }
                </section>
                <section class="card grow" aria-labelledby="versions-title">
                    <h2 id="versions-title">{ t.t("designer-versions") }</h2>
                    <table class="data" id="versions">
                        <thead><tr>
                            <th scope="col">{ t.t("designer-version") }</th>
                            <th scope="col">{ t.t("designer-stored") }</th>
                            <th scope="col">{ t.t("designer-by") }</th>
                            <th scope="col">{ t.t("designer-change-notes") }</th>
                        </tr></thead>
                        <tbody>{ for versions }</tbody>
                    </table>
                </section>
            </div>
            <section class="card" aria-labelledby="compare-title">
                <h2 id="compare-title">{ t.t("designer-compare") }</h2>
                <form class="inline-form" onsubmit={compare}>
                    <label for="diff-from">{ t.t("designer-from") }</label>
                    <select id="diff-from" onchange={set(&from)}>{ options(&from_v) }</select>
                    <label for="diff-to">{ t.t("designer-to") }</label>
                    <select id="diff-to" onchange={set(&to)}>{ options(&to_v) }</select>
                    <button type="submit" id="compare" class="secondary">{ t.t("designer-compare-button") }</button>
                </form>
                { diff_view }
            </section>
            <section class="card" aria-labelledby="exchange-title">
                <h2 id="exchange-title">{ t.t("designer-exchange") }</h2>
                <form class="inline-form" onsubmit={export}>
                    <label for="export-version">{ t.t("designer-export-which") }</label>
                    <select id="export-version" onchange={set(&export_version)}>{ options(&export_v) }</select>
                    <button type="submit" id="export" class="secondary" disabled={*running}>{ t.t("designer-export") }</button>
                </form>
                { outcome(&export_result, "designer-exported", "export-result") }
                <form class="inline-form" onsubmit={import}>
                    <label for="import-file">{ t.t("designer-import-file") }</label>
                    <input type="file" id="import-file" accept=".mpack" />
                    <button type="submit" id="import" class="secondary" disabled={*running}>{ t.t("designer-import") }</button>
                </form>
                { progress_bar.unwrap_or_default() }
                { outcome(&import_result, "designer-imported", "import-result") }
            </section>
        </div>
    }
}
