//! Roster import: a CSV file from HR, or the roster read from HR's SCIM
//! server, first previewed, then applied as previewed (the backend refuses
//! if the roster or the people changed in between).

use crate::components::hr_progress::HrProgress;
use crate::components::import_summary::ImportSummaryView;
use crate::components::roster_preview::RosterPreviewView;
use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::use_app;
use mastery_types::{
    ApiError, ApplyRosterRequest, ImportSummary, Problem, RosterPreview, RosterUploadRequest,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where a preview reads the roster from.
enum Source {
    /// A CSV file's bytes, base64-encoded for IPC.
    Upload(String),
    Scim,
}

#[derive(Properties, PartialEq)]
pub struct RosterImportProps {
    /// Bumped to reload the HR status after an import.
    pub reload: UseStateHandle<u32>,
}

#[function_component(RosterImport)]
pub fn roster_import(p: &RosterImportProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let file_input = use_node_ref();
    let read_error = use_state(|| None::<ApiError>);
    let reading_scim = use_state(|| false);

    let preview = use_action(
        |source: Source| async move {
            match source {
                Source::Upload(csv_base64) => {
                    ipc::preview_roster_upload(&RosterUploadRequest { csv_base64 }).await
                }
                Source::Scim => ipc::preview_roster_scim().await,
            }
        },
        Callback::noop(),
    );
    // The digest travels with the summary, so the summary shows only under
    // the preview it applied.
    let apply = use_action(
        |digest: String| async move {
            ipc::apply_roster(&ApplyRosterRequest {
                digest: digest.clone(),
            })
            .await
            .map(|summary| (digest, summary))
        },
        {
            let reload = p.reload.clone();
            Callback::from(move |_: (String, ImportSummary)| reload.set(*reload + 1))
        },
    );

    let on_file = {
        let (file_input, read_error, reading_scim, run) = (
            file_input.clone(),
            read_error.clone(),
            reading_scim.clone(),
            preview.run.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(file) = file_input
                .cast::<HtmlInputElement>()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            read_error.set(None);
            reading_scim.set(false);
            let (read_error, run) = (read_error.clone(), run.clone());
            wasm_bindgen_futures::spawn_local(async move {
                use base64::Engine;
                let name = file.name();
                let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
                match gloo_file::futures::read_as_bytes(&blob).await {
                    Ok(bytes) => run.emit(Source::Upload(
                        base64::engine::general_purpose::STANDARD.encode(bytes),
                    )),
                    Err(_) => {
                        read_error.set(Some(ApiError::problem(Problem::FileUnreadable { name })))
                    }
                }
            });
        })
    };
    let on_scim = {
        let (read_error, reading_scim, run) = (
            read_error.clone(),
            reading_scim.clone(),
            preview.run.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            read_error.set(None);
            reading_scim.set(true);
            run.emit(Source::Scim);
        })
    };
    let on_apply = |digest: String| {
        let run = apply.run.clone();
        Callback::from(move |_: MouseEvent| run.emit(digest.clone()))
    };

    let shown: Option<&RosterPreview> = preview.done.as_ref();
    let applied = shown.and_then(|r| {
        apply
            .done
            .as_ref()
            .filter(|(digest, _)| *digest == r.digest)
            .map(|(_, summary)| summary)
    });
    let preview_view = match shown {
        None => html! {},
        Some(r) => html! {
            <>
                <RosterPreviewView preview={r.clone()} />
                { action_error(t, &apply.error) }
                if applied.is_none() {
                    <div class="actions">
                        <button type="button" id="roster-apply" class="primary" onclick={on_apply(r.digest.clone())}
                            disabled={apply.busy} aria-busy={apply.busy.then_some("true")}>
                            { if apply.busy { t.t("hr-applying") } else { t.t("hr-apply") } }
                        </button>
                    </div>
                }
            </>
        },
    };

    html! {
        <section class="card" aria-labelledby="roster-title">
            <h2 id="roster-title">{ t.t("hr-roster-title") }</h2>
            <p class="muted">{ t.t("hr-roster-intro") }</p>
            <form class="inline-form" id="roster-file-form" onsubmit={on_file}>
                <label for="roster-file">{ t.t("hr-roster-file") }</label>
                <input type="file" id="roster-file" accept=".csv,text/csv" ref={file_input} />
                <button type="submit" id="roster-preview-file" class="secondary bordered"
                    disabled={preview.busy}>{ t.t("hr-preview-file") }</button>
            </form>
            <div class="actions">
                <button type="button" id="roster-preview-scim" class="secondary bordered" onclick={on_scim}
                    disabled={preview.busy} aria-busy={(preview.busy && *reading_scim).then_some("true")}>
                    { t.t("hr-preview-scim") }
                </button>
            </div>
            if preview.busy && *reading_scim {
                <HrProgress id="roster-progress" />
            }
            { action_error(t, &read_error) }
            { action_error(t, &preview.error) }
            <div aria-live="polite" id="roster-status">
                if preview.busy {
                    <p class="muted" aria-busy="true">{ t.t("hr-previewing") }</p>
                }
                if let Some(summary) = applied {
                    <div id="roster-applied">
                        <p class="ok">{ t.t("hr-applied") }</p>
                        <ImportSummaryView summary={summary.clone()} />
                    </div>
                }
            </div>
            { preview_view }
        </section>
    }
}
