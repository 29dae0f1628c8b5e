//! Course designers: the draft's files by track and course, an editor whose
//! every keystroke is checked (problems inline, preview of what learners
//! will see), what the previous version showed for the open file's course
//! (survey results, flagged knowledge-check items), saving, and publishing
//! a new version with change notes that can cite those findings.

use crate::components::course_feedback::use_course_feedback;
use crate::components::error_text;
use crate::components::feedback_citations::FeedbackCitations;
use crate::components::item_flags::ItemFlags;
use crate::components::previous_version::PreviousVersion;
use crate::hooks::loaded_view;
use crate::i18n::I18n;
use crate::ipc;
use crate::pages::designer::PACK;
use crate::state::{navigate, use_app, use_load, Action, Page};
use mastery_types::{
    ApiError, CourseId, DraftFileEntry, DraftFileRequest, DraftTree, EditCheck, EditRequest,
    LocalizedText, PackProblem, PublishRequest,
};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The language a file previews in: a lesson's own, else the interface's.
fn preview_lang(path: &str, ui: &str) -> String {
    if path.ends_with(".fr.md") {
        "fr".into()
    } else if path.ends_with(".en.md") {
        "en".into()
    } else {
        ui.into()
    }
}

/// A file's label in the tree: its name, with what kind of file it is.
fn file_label(t: &I18n, f: &DraftFileEntry) -> String {
    let name = f.path.rsplit('/').next().unwrap_or(&f.path);
    format!("{} · {}", t.t(&format!("file-kind-{}", f.kind)), name)
}

/// The course an open file belongs to, as the tree groups it.
struct OpenCourse {
    id: CourseId,
    /// In the interface's language.
    title: String,
    /// The file is the course's knowledge check.
    is_quiz: bool,
}

/// The course of the file at `path`, if the tree puts it under one (shared
/// files, such as the survey, belong to none).
fn course_of(
    tree: &Option<Result<DraftTree, ApiError>>,
    path: Option<&str>,
    lang: &str,
) -> Option<OpenCourse> {
    let (Some(Ok(tree)), Some(path)) = (tree, path) else {
        return None;
    };
    tree.tracks
        .iter()
        .flat_map(|track| &track.courses)
        .find_map(|course| {
            course
                .files
                .iter()
                .find(|f| f.path == path)
                .map(|f| OpenCourse {
                    id: CourseId(course.id.clone()),
                    title: course.title.get(lang).to_owned(),
                    is_quiz: f.kind == "quiz",
                })
        })
}

/// `text` with `line` added on a line of its own.
fn append_line(text: &str, line: &str) -> String {
    if text.trim().is_empty() {
        line.to_owned()
    } else if text.ends_with('\n') {
        format!("{text}{line}")
    } else {
        format!("{text}\n{line}")
    }
}

fn problem_line(t: &I18n, p: &PackProblem) -> Html {
    let sev = if p.error { "error" } else { "warning" };
    let at = p
        .line
        .map(|l| t.t_args("designer-line", &[("line", l.into())]))
        .unwrap_or_default();
    html! {
        <li class={classes!("problem", sev)} data-file={p.file.clone()}>
            <span class={classes!("pill", sev)}>{ t.t(&format!("designer-{sev}")) }</span>
            <span class="where">{ at }</span>
            <span>{ p.message.clone() }</span>
        </li>
    }
}

#[function_component(DraftEditorPage)]
pub fn draft_editor_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let ui_lang = t.lang().to_owned();
    let reload = use_state(|| 0u32);
    let tree = use_load(*reload, |_| ipc::draft_tree(PACK));
    let path = use_state(|| None::<String>);
    let text = use_state(String::new);
    let check = use_state(|| None::<Result<EditCheck, ApiError>>);
    let dirty = use_state(|| false);
    let saved_note = use_state(|| false);
    let generation = use_mut_ref(|| 0u32);
    let version = use_state(String::new);
    let notes_en = use_state(String::new);
    let notes_fr = use_state(String::new);
    let publish_error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let open_course = course_of(&tree, path.as_deref(), &ui_lang);
    let feedback = use_course_feedback(open_course.as_ref().map(|c| c.id.clone()));

    // Checks `body` as the text of `file` and shows the result, unless a
    // newer keystroke has started another check meanwhile.
    let run_check = {
        let (check, generation, ui_lang) = (check.clone(), generation.clone(), ui_lang.clone());
        Rc::new(move |file: String, body: String, delay: u32| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let (check, generation) = (check.clone(), generation.clone());
            let request = EditRequest {
                pack_id: PACK.into(),
                lang: preview_lang(&file, &ui_lang),
                path: file,
                text: body,
            };
            wasm_bindgen_futures::spawn_local(async move {
                if delay > 0 {
                    gloo_timers::future::TimeoutFuture::new(delay).await;
                }
                if *generation.borrow() != mine {
                    return;
                }
                let result = ipc::check_edit(&request).await;
                if *generation.borrow() == mine {
                    check.set(Some(result));
                }
            });
        })
    };

    let open = {
        let (path, text, check, dirty, run_check) = (
            path.clone(),
            text.clone(),
            check.clone(),
            dirty.clone(),
            run_check.clone(),
        );
        Callback::from(move |file: String| {
            let (path, text, check, dirty, run_check) = (
                path.clone(),
                text.clone(),
                check.clone(),
                dirty.clone(),
                run_check.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let request = DraftFileRequest {
                    pack_id: PACK.into(),
                    path: file.clone(),
                };
                match ipc::draft_file(&request).await {
                    Ok(f) => {
                        text.set(f.text.clone());
                        path.set(Some(file.clone()));
                        dirty.set(false);
                        check.set(None);
                        run_check(file, f.text, 0);
                    }
                    Err(e) => check.set(Some(Err(e))),
                }
            });
        })
    };

    let oninput = {
        let (path, text, dirty, saved_note, run_check) = (
            path.clone(),
            text.clone(),
            dirty.clone(),
            saved_note.clone(),
            run_check.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let body = area.value();
            text.set(body.clone());
            dirty.set(true);
            saved_note.set(false);
            if let Some(file) = (*path).clone() {
                run_check(file, body, 300);
            }
        })
    };

    let save = {
        let (path, text, check, dirty, saved_note, reload, ui_lang, generation) = (
            path.clone(),
            text.clone(),
            check.clone(),
            dirty.clone(),
            saved_note.clone(),
            reload.clone(),
            ui_lang.clone(),
            generation.clone(),
        );
        Callback::from(move |_| {
            let Some(file) = (*path).clone() else { return };
            *generation.borrow_mut() += 1;
            let request = EditRequest {
                pack_id: PACK.into(),
                lang: preview_lang(&file, &ui_lang),
                path: file,
                text: (*text).clone(),
            };
            let (check, dirty, saved_note, reload) = (
                check.clone(),
                dirty.clone(),
                saved_note.clone(),
                reload.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = ipc::save_edit(&request).await;
                if result.is_ok() {
                    dirty.set(false);
                    saved_note.set(true);
                    reload.set(*reload + 1);
                }
                check.set(Some(result));
            });
        })
    };

    let publish = {
        let (version, notes_en, notes_fr, publish_error, busy, state) = (
            version.clone(),
            notes_en.clone(),
            notes_fr.clone(),
            publish_error.clone(),
            busy.clone(),
            state.clone(),
        );
        let dirty = *dirty;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy || dirty {
                return;
            }
            busy.set(true);
            let request = PublishRequest {
                pack_id: PACK.into(),
                version: (*version).clone(),
                change_notes: LocalizedText(
                    [
                        ("en".to_owned(), (*notes_en).clone()),
                        ("fr".to_owned(), (*notes_fr).clone()),
                    ]
                    .into_iter()
                    .collect(),
                ),
            };
            let (publish_error, busy, state) = (publish_error.clone(), busy.clone(), state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::publish_pack(&request).await {
                    Ok(_) => state.dispatch(Action::Go(Page::Designer)),
                    Err(e) => publish_error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };

    // A finding cited in the change notes: a line in each language's notes.
    let cite = {
        let (notes_en, notes_fr) = (notes_en.clone(), notes_fr.clone());
        Callback::from(move |(en, fr): (String, String)| {
            notes_en.set(append_line(&notes_en, &en));
            notes_fr.set(append_line(&notes_fr, &fr));
        })
    };

    // Editing the knowledge check: its flagged items right by the text.
    let beside = match &open_course {
        Some(c) if c.is_quiz => {
            let items = feedback.0.get(c.id.as_str()).and_then(|f| f.items.clone());
            html! {
                <aside class="item-flags-beside" id="item-flags-beside" tabindex="0" aria-labelledby="beside-items-title">
                    <ItemFlags analysis={items} heading_id="beside-items-title" />
                </aside>
            }
        }
        _ => html! {},
    };
    let previous = match &open_course {
        Some(c) => html! {
            <PreviousVersion course={c.id.clone()} title={AttrValue::from(c.title.clone())}
                feedback={feedback.0.get(c.id.as_str()).cloned()} items_beside={c.is_quiz} />
        },
        None => html! {},
    };

    let tree_view = loaded_view(t, &tree, |tree| {
        let file_button = |f: &DraftFileEntry| {
            let current = path.as_deref() == Some(f.path.as_str());
            let onclick = {
                let (open, p) = (open.clone(), f.path.clone());
                Callback::from(move |_| open.emit(p.clone()))
            };
            html! {
                <li>
                    <button type="button" class="file-link" data-path={f.path.clone()}
                        aria-current={current.then_some("true")} {onclick}>
                        { file_label(t, f) }
                        if f.errors > 0 { <span class="pill error">{ f.errors }</span> }
                        if f.warnings > 0 { <span class="pill warning">{ f.warnings }</span> }
                    </button>
                </li>
            }
        };
        html! {
            <nav class="file-tree" aria-label={t.t("designer-files")}>
                <p class="muted">{ t.t_args("designer-problem-count", &[
                    ("errors", tree.info.errors.into()), ("warnings", tree.info.warnings.into()),
                ]) }</p>
                { for tree.tracks.iter().map(|track| html! {
                    <details open=true>
                        <summary>{ track.title.get(&ui_lang).to_owned() }</summary>
                        { for track.courses.iter().map(|c| html! {
                            <details data-group={c.id.clone()}>
                                <summary>{ c.title.get(&ui_lang).to_owned() }</summary>
                                <ul>{ for c.files.iter().map(file_button) }</ul>
                            </details>
                        }) }
                    </details>
                }) }
                { for tree.shared.iter().map(|g| html! {
                    <details data-group={g.id.clone()}>
                        <summary>{ g.title.get(&ui_lang).to_owned() }</summary>
                        <ul>{ for g.files.iter().map(file_button) }</ul>
                    </details>
                }) }
            </nav>
        }
    });

    let editor = match &*path {
        None => html! { <p class="muted" id="no-file">{ t.t("designer-pick-file") }</p> },
        Some(file) => {
            let (mine, others): (Vec<&PackProblem>, Vec<&PackProblem>) = match &*check {
                Some(Ok(c)) => c.problems.iter().partition(|p| &p.file == file),
                _ => (vec![], vec![]),
            };
            let preview = match &*check {
                Some(Ok(c)) => {
                    html! { <crate::components::prose::Prose html={AttrValue::from(c.preview_html.clone())} /> }
                }
                Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
                None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
            };
            html! {
                <>
                <div class="editor-head">
                    <h2 id="editing"><code>{ file.clone() }</code></h2>
                    <span class="muted" role="status" id="save-state">{
                        if *dirty { t.t("designer-unsaved") } else if *saved_note { t.t("designer-saved") } else { String::new() }
                    }</span>
                    <button type="button" id="save-draft" class="primary" onclick={save} disabled={!*dirty}>{ t.t("designer-save") }</button>
                </div>
                { beside }
                <div class="editor-panes">
                    <div class="pane">
                        <label for="file-text">{ t.t("designer-text") }</label>
                        <textarea id="file-text" spellcheck="true" value={(*text).clone()} {oninput}
                            aria-describedby="file-problems"></textarea>
                    </div>
                    <div class="pane">
                        <h3 id="preview-title">{ t.t("designer-preview") }</h3>
                        <div class="preview" id="preview" role="region" tabindex="0" aria-labelledby="preview-title">{ preview }</div>
                    </div>
                </div>
                <section id="file-problems" aria-live="polite">
                    if mine.is_empty() {
                        <p class="ok" id="file-clean">{ t.t("designer-file-clean") }</p>
                    } else {
                        <ul class="problems">{ for mine.iter().map(|p| problem_line(t, p)) }</ul>
                    }
                    if !others.is_empty() {
                        <details>
                            <summary>{ t.t_args("designer-other-problems", &[("count", others.len().into())]) }</summary>
                            <ul class="problems">{ for others.iter().take(50).map(|p| problem_line(t, p)) }</ul>
                        </details>
                    }
                </section>
                </>
            }
        }
    };

    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            h.set(input.value());
        })
    };
    let set_area = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlTextAreaElement = e.target_unchecked_into();
            h.set(input.value());
        })
    };

    html! {
        <div class="page editor">
            <div class="page-head">
                <button type="button" class="link" onclick={navigate(&state, Page::Designer)}>{ t.t("designer-back") }</button>
                <h1>{ t.t("designer-draft") }</h1>
            </div>
            <div class="editor-layout">
                <section class="card tree-card">{ tree_view }</section>
                <section class="card grow">{ editor }</section>
            </div>
            { previous }
            <section class="card" aria-labelledby="publish-title">
                <h2 id="publish-title">{ t.t("designer-publish-title") }</h2>
                <form id="publish-form" onsubmit={publish}>
                    <div class="field">
                        <label for="publish-version">{ t.t("designer-new-version") }</label>
                        <input id="publish-version" value={(*version).clone()} oninput={set(&version)} placeholder="1.1.0" />
                    </div>
                    <div class="field">
                        <label for="notes-en">{ t.t("designer-notes-en") }</label>
                        <textarea id="notes-en" rows="2" value={(*notes_en).clone()} oninput={set_area(&notes_en)}></textarea>
                    </div>
                    <div class="field">
                        <label for="notes-fr">{ t.t("designer-notes-fr") }</label>
                        <textarea id="notes-fr" rows="2" value={(*notes_fr).clone()} oninput={set_area(&notes_fr)}></textarea>
                    </div>
                    <FeedbackCitations feedback={(*feedback).clone()} on_cite={cite} />
                    if *dirty { <p class="muted">{ t.t("designer-save-first") }</p> }
                    if let Some(e) = &*publish_error {
                        <p class="error pre" id="publish-error" role="alert">{ error_text(t, e) }</p>
                    }
                    <button type="submit" id="publish" class="primary" disabled={*busy || *dirty}>{ t.t("designer-publish") }</button>
                </form>
            </section>
        </div>
    }
}
