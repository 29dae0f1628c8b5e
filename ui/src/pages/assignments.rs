//! A Level 2 course's assignments: the brief, the rubric it is assessed
//! with, the learner's submissions with each review, and the form to
//! submit (or resubmit after a return), with attachments.

use crate::components::back_to_course::BackToCourse;
use crate::components::error_text;
use crate::hooks::loaded_view;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{
    ApiError, AssignmentStatus, AssignmentView, CourseId, CourseRequest, RubricView,
    SubmissionView, SubmitAssignmentRequest, Upload,
};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssignmentsPageProps {
    pub course: CourseId,
}

pub fn status_pill(t: &I18n, s: &AssignmentStatus) -> Html {
    let (class, key) = match s {
        AssignmentStatus::NotStarted => ("pill locked", "assignment-not-started"),
        AssignmentStatus::Submitted => ("pill open", "assignment-submitted"),
        AssignmentStatus::Returned => ("pill error", "assignment-returned"),
        AssignmentStatus::Accepted => ("pill completed", "assignment-accepted"),
    };
    html! { <span class={class} data-status={key}>{ t.t(key) }</span> }
}

/// The rubric as a table: criteria down, levels across.
pub fn rubric_table(t: &I18n, r: &RubricView) -> Html {
    let lang = t.lang();
    let n = r.criteria.iter().map(|c| c.levels.len()).max().unwrap_or(0);
    html! {
        <details class="rubric">
            <summary>{ t.t_args("rubric-summary", &[("title", r.title.get(lang).to_owned().into()), ("pass", r.min_total_percent.into()), ("each", r.min_each.into())]) }</summary>
            <table class="data">
                <thead><tr>
                    <th scope="col">{ t.t("rubric-criterion") }</th>
                    { for (1..=n).map(|i| html! { <th scope="col">{ i }</th> }) }
                </tr></thead>
                <tbody>{ for r.criteria.iter().map(|c| html! {
                    <tr>
                        <th scope="row">{ c.title.get(lang).to_owned() }</th>
                        { for c.levels.iter().map(|l| html! { <td>{ l.get(lang).to_owned() }</td> }) }
                    </tr>
                }) }</tbody>
            </table>
        </details>
    }
}

/// A submission with its review (scores by criterion, comment).
pub fn submission_html(t: &I18n, s: &SubmissionView, n: usize) -> Html {
    let lang = t.lang();
    let criterion = |id: &str| {
        s.rubric
            .as_ref()
            .and_then(|r| r.criteria.iter().find(|c| c.id == id))
            .map(|c| c.title.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    html! {
        <article class="submission" data-submission={s.id.clone()}>
            <h4>{ t.t_args("assignment-submission", &[("n", n.into()), ("when", t.date_time(s.submitted_at).into())]) }</h4>
            <p class="submission-body">{ s.body.clone() }</p>
            if !s.files.is_empty() {
                <ul class="files">{ for s.files.iter().map(|f| html! { <li>{ format!("{} ({} KB)", f.name, f.size.div_ceil(1024)) }</li> }) }</ul>
            }
            if let Some(r) = &s.review {
                <div class={if r.accepted { "review accepted" } else { "review returned" }} data-review={if r.accepted { "accepted" } else { "returned" }}>
                    <p><strong>{ t.t_args(if r.accepted { "review-accepted-by" } else { "review-returned-by" }, &[("who", r.reviewer.clone().into())]) }</strong></p>
                    <ul>{ for r.scores.iter().map(|sc| html! { <li>{ t.t_args("review-score", &[("criterion", criterion(&sc.criterion).into()), ("score", sc.score.into())]) }</li> }) }</ul>
                    if !r.comment.is_empty() { <p class="review-comment">{ r.comment.clone() }</p> }
                </div>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    assignment: AssignmentView,
    course: CourseId,
    reload: UseStateHandle<u32>,
}

#[function_component(AssignmentCard)]
fn assignment_card(p: &CardProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let a = &p.assignment;
    let body = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let can_submit = matches!(
        a.status,
        AssignmentStatus::NotStarted | AssignmentStatus::Returned
    ) && (!a.is_team_synthesis || a.team.is_some());
    let file_input = format!("files-{}", a.id);
    let submit = {
        let (body, error, busy, reload, course, id, file_input) = (
            body.clone(),
            error.clone(),
            busy.clone(),
            p.reload.clone(),
            p.course.clone(),
            a.id.clone(),
            file_input.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let files: Vec<web_sys::File> = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&file_input))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
                .and_then(|i| i.files())
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            let (body, error, busy, reload, course, id) = (
                body.clone(),
                error.clone(),
                busy.clone(),
                reload.clone(),
                course.clone(),
                id.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                use base64::Engine;
                let mut uploads = Vec::new();
                for f in files {
                    let name = f.name();
                    let blob = gloo_file::Blob::from(web_sys::Blob::from(f));
                    match gloo_file::futures::read_as_bytes(&blob).await {
                        Ok(bytes) => uploads.push(Upload {
                            name,
                            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
                        }),
                        Err(e) => {
                            error.set(Some(ApiError::new(
                                mastery_types::ErrorCode::InvalidInput,
                                format!("{name}: {e}"),
                            )));
                            busy.set(false);
                            return;
                        }
                    }
                }
                let req = SubmitAssignmentRequest {
                    course,
                    assignment: id,
                    body: (*body).clone(),
                    files: uploads,
                };
                match ipc::submit_assignment(&req).await {
                    Ok(_) => {
                        body.set(String::new());
                        error.set(None);
                        reload.set(*reload + 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let oninput = {
        let body = body.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            body.set(a.value());
        })
    };
    html! {
        <section class="card assignment" data-assignment={a.id.clone()} aria-labelledby={format!("title-{}", a.id)}>
            <div class="assignment-head">
                <h2 id={format!("title-{}", a.id)}>{ a.title.get(&lang).to_owned() }</h2>
                { status_pill(t, &a.status) }
            </div>
            <details open={a.submissions.is_empty()}>
                <summary>{ t.t("assignment-brief") }</summary>
                <crate::components::prose::Prose html={AttrValue::from(a.brief_html.get(&lang).to_owned())} />
            </details>
            if let Some(r) = &a.rubric { { rubric_table(t, r) } }
            if a.is_team_synthesis {
                { match &a.team {
                    Some(team) => html! { <p class="team" id="my-team">{ t.t_args("team-members", &[("name", team.name.clone().into()), ("members", team.members.join(", ").into())]) }</p> },
                    None => html! { <p class="muted" id="no-team">{ t.t("team-none-yet") }</p> },
                } }
            }
            { for a.submissions.iter().enumerate().map(|(i, s)| submission_html(t, s, i + 1)) }
            if can_submit {
                <form class="submit-form" onsubmit={submit}>
                    <label for={format!("body-{}", a.id)}>{ if a.status == AssignmentStatus::Returned { t.t("assignment-resubmit-label") } else { t.t("assignment-response") } }</label>
                    <textarea id={format!("body-{}", a.id)} rows="8" value={(*body).clone()} {oninput}></textarea>
                    <label for={file_input.clone()}>{ t.t_args("assignment-files", &[("mb", a.max_attachment_mb.into())]) }</label>
                    <input type="file" id={file_input} multiple=true />
                    if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
                    <button type="submit" class="primary" data-submit={a.id.clone()} disabled={*busy || body.trim().is_empty()}>
                        { t.t("assignment-submit") }
                    </button>
                </form>
            }
        </section>
    }
}

#[function_component(AssignmentsPage)]
pub fn assignments_page(p: &AssignmentsPageProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let data = use_load((p.course.clone(), *reload), |(course, _)| async move {
        ipc::assignments(&CourseRequest { course }).await
    });
    let back = html! { <BackToCourse course={p.course.clone()} /> };
    let body = loaded_view(t, &data, |list| {
        html! { for list.iter().map(|a| html! {
            <AssignmentCard assignment={a.clone()} course={p.course.clone()} reload={reload.clone()} key={a.id.clone()} />
        }) }
    });
    html! {
        <div class="page assignments-page">
            { back }
            <div class="page-head"><h1>{ t.t("assignments-title") }</h1></div>
            { body }
        </div>
    }
}
