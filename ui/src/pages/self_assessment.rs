//! The communication-style self-assessment: rate each statement on the
//! pack's scale, then see the profile, its explanation and a chart of every
//! profile's score.

use crate::components::back_to_course::BackToCourse;
use crate::components::error_text;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load, MapAction, MapState};
use mastery_types::{ApiError, CourseId, CourseRequest, StyleProfile, StyleRequest};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StylePageProps {
    pub course: CourseId,
}

/// Horizontal bars, one per profile, the learner's own highlighted. The
/// numbers are also in the text, so the chart is not the only carrier.
fn chart(t: &I18n, p: &StyleProfile) -> Html {
    let lang = t.lang();
    let row = 50;
    let height = row * p.scores.len() as i32 + 8;
    html! {
        <svg class="style-chart" id="style-chart" viewBox={format!("0 0 360 {height}")} role="img"
            aria-label={t.t("style-chart-label")}>
            { for p.scores.iter().enumerate().map(|(i, s)| {
                let y = 4 + row * i as i32;
                let w = 3 * i32::from(s.percent);
                let mine = s.profile == p.profile;
                html! {
                    <g data-profile={s.profile.clone()}>
                        <text x="0" y={(y + 14).to_string()} class={if mine { "chart-label mine" } else { "chart-label" }}>{ s.title.get(lang).to_owned() }</text>
                        <rect x="0" y={(y + 20).to_string()} width="300" height="20" class="chart-track" />
                        <rect x="0" y={(y + 20).to_string()} width={w.to_string()} height="20"
                            class={if mine { "chart-bar mine" } else { "chart-bar" }} />
                        <text x="310" y={(y + 35).to_string()} class="chart-value">{ format!("{} %", s.percent) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

#[function_component(StylePage)]
pub fn style_page(p: &StylePageProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let data = use_load(p.course.clone(), |course| async move {
        ipc::self_assessment(&CourseRequest { course }).await
    });
    let ratings = use_reducer(MapState::<u8>::default);
    let result = use_state(|| None::<StyleProfile>);
    let error = use_state(|| None::<ApiError>);
    let retake = use_state(|| false);

    let back = html! { <BackToCourse course={p.course.clone()} /> };
    let view = match &*data {
        None => {
            return html! { <div class="page">{ back }<p class="muted" aria-busy="true">{ t.t("loading") }</p></div> }
        }
        Some(Err(e)) => {
            return html! { <div class="page">{ back }<p class="error" role="alert">{ error_text(t, e) }</p></div> }
        }
        Some(Ok(v)) => v.clone(),
    };
    let shown = (*result)
        .clone()
        .or(view.result.clone())
        .filter(|_| !*retake);

    let body = if let Some(r) = shown {
        let again = {
            let (retake, ratings) = (retake.clone(), ratings.clone());
            Callback::from(move |_| {
                ratings.dispatch(MapAction::Clear);
                retake.set(true);
            })
        };
        html! {
            <section class="card" id="style-result" aria-labelledby="style-profile">
                <p class="level">{ t.t("style-your-style") }</p>
                <h2 id="style-profile">{ r.title.get(&lang).to_owned() }</h2>
                { chart(t, &r) }
                <crate::components::prose::Prose id="style-description"
                    html={AttrValue::from(r.description_html.get(&lang).to_owned())} />
                <button type="button" class="secondary" id="style-again" onclick={again}>{ t.t("style-again") }</button>
            </section>
        }
    } else {
        let submit = {
            let (ratings, result, error, retake, course) = (
                ratings.clone(),
                result.clone(),
                error.clone(),
                retake.clone(),
                p.course.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let req = StyleRequest {
                    course: course.clone(),
                    ratings: ratings.0.clone(),
                };
                let (result, error, retake) = (result.clone(), error.clone(), retake.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match ipc::submit_self_assessment(&req).await {
                        Ok(r) => {
                            result.set(Some(r));
                            retake.set(false);
                            error.set(None);
                        }
                        Err(e) => error.set(Some(e)),
                    }
                });
            })
        };
        let all = ratings.0.len() == view.statements.len();
        html! {
            <form id="style-form" onsubmit={submit}>
                <p class="lead">{ view.intro.get(&lang).to_owned() }</p>
                <p class="muted">{ t.t_args("style-scale", &[
                    ("min", view.min.into()), ("low", view.low.get(&lang).to_owned().into()),
                    ("max", view.max.into()), ("high", view.high.get(&lang).to_owned().into()),
                ]) }</p>
                <ol class="statements">
                { for view.statements.iter().map(|s| html! {
                    <li class="statement" data-statement={s.id.clone()}>
                        <fieldset>
                            <legend>{ s.text.get(&lang).to_owned() }</legend>
                            <div class="scale">
                            { for (view.min..=view.max).map(|v| {
                                let input_id = format!("{}-{v}", s.id);
                                let onchange = {
                                    let (ratings, sid) = (ratings.clone(), s.id.clone());
                                    Callback::from(move |_| ratings.dispatch(MapAction::Insert(sid.clone(), v)))
                                };
                                html! {
                                    <label for={input_id.clone()} class="scale-point">
                                        <input type="radio" id={input_id} name={s.id.clone()} value={v.to_string()}
                                            checked={ratings.0.get(&s.id) == Some(&v)} {onchange} />
                                        { v }
                                    </label>
                                }
                            }) }
                            </div>
                        </fieldset>
                    </li>
                }) }
                </ol>
                if let Some(e) = &*error { <p class="error" role="alert">{ error_text(t, e) }</p> }
                <p class="muted" role="status">{ t.t_args("style-rated", &[("rated", ratings.0.len().into()), ("total", view.statements.len().into())]) }</p>
                <button type="submit" class="primary" id="style-submit" disabled={!all}>{ t.t("style-submit") }</button>
            </form>
        }
    };
    html! {
        <div class="page style-page">
            { back }
            <div class="page-head"><h1 id="style-title">{ view.title.get(&lang).to_owned() }</h1></div>
            { body }
        </div>
    }
}
