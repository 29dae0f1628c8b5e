//! Submissions awaiting review, each with the rubric to score it.

use crate::components::error_text;
use crate::ipc;
use crate::state::{use_app, use_load, MapAction, MapState};
use mastery_types::ApiError;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[function_component(ReviewQueue)]
pub fn review_queue() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let queue = use_load(*reload, |_| ipc::review_queue());
    let body = match &*queue {
        None => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
        Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p class="muted" id="queue-empty">{ t.t("review-queue-empty") }</p> }
        }
        Some(Ok(list)) => html! { for list.iter().map(|s| html! {
            <ReviewCard submission={s.clone()} reload={reload.clone()} key={s.id.clone()} />
        }) },
    };
    html! {
        <section class="card" aria-labelledby="queue-title" id="review-queue">
            <h2 id="queue-title">{ t.t("review-queue-title") }</h2>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReviewCardProps {
    pub submission: mastery_types::SubmissionView,
    pub reload: UseStateHandle<u32>,
}

#[function_component(ReviewCard)]
pub fn review_card(p: &ReviewCardProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let s = &p.submission;
    let scores = use_reducer(MapState::<u8>::default);
    let comment = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let decide = |accept: bool| {
        let (scores, comment, error, reload, id) = (
            scores.clone(),
            comment.clone(),
            error.clone(),
            p.reload.clone(),
            s.id.clone(),
        );
        Callback::from(move |_| {
            let req = mastery_types::ReviewRequest {
                submission_id: id.clone(),
                scores: scores
                    .0
                    .iter()
                    .map(|(c, v)| mastery_types::CriterionScore {
                        criterion: c.clone(),
                        score: *v,
                    })
                    .collect(),
                comment: (*comment).clone(),
                accept,
            };
            let (error, reload) = (error.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::review_submission(&req).await {
                    Ok(_) => reload.set(*reload + 1),
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    html! {
        <article class="review-card" data-submission={s.id.clone()}>
            <h3>{ format!("{} — {}", s.learner, s.assignment_title.get(&lang)) }</h3>
            <p class="muted">{ format!("{} · {}", s.course_title.get(&lang), t.date_time(s.submitted_at)) }</p>
            <p class="submission-body">{ s.body.clone() }</p>
            if !s.files.is_empty() {
                <ul class="files">{ for s.files.iter().map(|f| html! { <li>{ format!("{} ({} KB)", f.name, f.size.div_ceil(1024)) }</li> }) }</ul>
            }
            if let Some(r) = &s.rubric {
                { for r.criteria.iter().map(|c| html! {
                    <fieldset class="criterion" data-criterion={c.id.clone()}>
                        <legend>{ c.title.get(&lang).to_owned() }</legend>
                        { for c.levels.iter().enumerate().map(|(i, level)| {
                            let v = u8::try_from(i + 1).unwrap_or(u8::MAX);
                            let id = format!("{}-{}-{v}", s.id, c.id);
                            let pick = {
                                let (scores, cid) = (scores.clone(), c.id.clone());
                                Callback::from(move |_| scores.dispatch(MapAction::Insert(cid.clone(), v)))
                            };
                            html! {
                                <label class="level-choice" for={id.clone()}>
                                    <input type="radio" id={id} name={format!("{}-{}", s.id, c.id)} data-score={v.to_string()}
                                        checked={scores.0.get(&c.id) == Some(&v)} onchange={pick} />
                                    <strong>{ v }</strong>{ " " }{ level.get(&lang).to_owned() }
                                </label>
                            }
                        }) }
                    </fieldset>
                }) }
            }
            <label for={format!("review-comment-{}", s.id)}>{ t.t("review-comment") }</label>
            <textarea id={format!("review-comment-{}", s.id)} rows="3" value={(*comment).clone()} oninput={{
                let h = comment.clone();
                Callback::from(move |e: InputEvent| { let a: HtmlTextAreaElement = e.target_unchecked_into(); h.set(a.value()); })
            }}></textarea>
            if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
            <div class="actions">
                <button type="button" class="primary" data-accept={s.id.clone()} onclick={decide(true)}>{ t.t("review-accept") }</button>
                <button type="button" class="secondary" data-return={s.id.clone()} onclick={decide(false)}>{ t.t("review-return") }</button>
            </div>
        </article>
    }
}
