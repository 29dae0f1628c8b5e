//! Course designers, managers and administrators: what people said of a
//! course's classes in its survey, for one pack version, next to the
//! version before. A group smaller than the threshold shows nothing, not
//! even how many answered. The charts and the comparison live in
//! `components/`.

use crate::components::breakdown_table::BreakdownTable;
use crate::components::item_analysis_view::ItemAnalysisView;
use crate::components::question_result::QuestionResultView;
use crate::components::results_export::ResultsExport;
use crate::components::survey_charts::likert_legend;
use crate::components::version_comparison::VersionComparison;
use crate::hooks::loaded_view;
use crate::i18n::I18n;
use crate::ipc;
use crate::refusals::track_name;
use crate::state::{use_app, use_load};
use mastery_types::{
    CourseId, GroupResults, MasteryLevel, QuestionResult, SurveyQuestionKind, SurveyResults,
    SurveyResultsRequest, Track,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The course shown first.
const FIRST_COURSE: &str = "clients-l1";

/// Which results are asked for: a course, and a version (`None`: the
/// latest with responses).
#[derive(Clone, PartialEq)]
struct Query {
    course: CourseId,
    version: Option<String>,
}

/// The course id of a track's level, as the program's pack names it.
fn course_id(track: Track, level: MasteryLevel) -> CourseId {
    CourseId(format!("{}-l{}", track.as_str(), level.get()))
}

/// The results of one course and version.
fn results_view(t: &I18n, r: &SurveyResults) -> Html {
    let lang = t.lang();
    let body = match &r.results {
        GroupResults::Suppressed { threshold } => html! {
            <p id="results-suppressed" class="notice">
                { t.t_args("results-suppressed", &[("threshold", (*threshold).into())]) }
            </p>
        },
        GroupResults::Shown {
            responses,
            questions,
        } => {
            let has_likert = questions
                .iter()
                .any(|(_, q)| matches!(q, QuestionResult::Likert { .. }));
            let comparison = match (&r.previous, &r.version) {
                (
                    Some((
                        previous_version,
                        GroupResults::Shown {
                            questions: before, ..
                        },
                    )),
                    Some(version),
                ) => html! {
                    <VersionComparison questions={r.questions.clone()} version={version.clone()}
                        current={questions.clone()} previous_version={previous_version.clone()}
                        previous={before.clone()} />
                },
                (Some((previous_version, GroupResults::Suppressed { .. })), _) => html! {
                    <p class="muted" id="comparison-withheld">
                        { t.t_args("results-previous-withheld", &[("version", previous_version.clone().into())]) }
                    </p>
                },
                _ => html! {},
            };
            html! {
                <>
                    <p class="results-count" id="results-responses">
                        { t.t_args("results-responses", &[("count", (*responses).into())]) }
                        if r.asked >= *responses && r.asked > 0 {
                            <span class="muted" id="results-rate">{ " · " }{ t.t_args("results-rate", &[
                                ("asked", r.asked.into()),
                                ("rate", t.number(100.0 * f64::from(*responses) / f64::from(r.asked), 0, false).into()),
                            ]) }</span>
                        }
                    </p>
                    { if has_likert { likert_legend(t) } else { html! {} } }
                    // In the survey's order; a comment question with too few
                    // comments to show says so rather than vanishing.
                    { for r.questions.iter().map(|q| match questions.iter().find(|(id, _)| id == &q.id) {
                        Some((_, result)) => html! {
                            <QuestionResultView question={q.clone()} result={result.clone()} responses={*responses} />
                        },
                        None if matches!(q.kind, SurveyQuestionKind::Text) => html! {
                            <section class="card question-result" data-question={q.id.clone()}>
                                <h3>{ q.text.get(lang).to_owned() }</h3>
                                <p class="muted">{ t.t("results-comments-withheld") }</p>
                            </section>
                        },
                        None => html! {},
                    }) }
                    { comparison }
                    <BreakdownTable by="office" questions={r.questions.clone()} groups={r.by_office.clone()} />
                    <BreakdownTable by="facilitator" questions={r.questions.clone()} groups={r.by_facilitator.clone()} />
                </>
            }
        }
    };
    html! {
        <section class="results" aria-labelledby="results-course-title">
            <h2 id="results-course-title">{ r.course_title.get(lang).to_owned() }</h2>
            if let Some(v) = &r.version {
                <p class="muted">{ t.t_args("results-version-line", &[("version", v.clone().into())]) }</p>
            }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SurveyResultsProps {
    /// The course to open on (the first of the program when `None`).
    pub course: Option<CourseId>,
}

#[function_component(SurveyResultsPage)]
pub fn survey_results_page(p: &SurveyResultsProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let first = p.course.clone();
    let query = use_state(move || Query {
        course: first.unwrap_or_else(|| CourseId::from(FIRST_COURSE)),
        version: None,
    });
    let results = use_load((*query).clone(), |q: Query| async move {
        ipc::survey_results(&SurveyResultsRequest {
            course: q.course,
            version: q.version,
        })
        .await
    });

    let on_course = {
        let query = query.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            query.set(Query {
                course: CourseId(s.value()),
                version: None,
            });
        })
    };
    let on_version = {
        let query = query.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            query.set(Query {
                course: query.course.clone(),
                version: Some(s.value()),
            });
        })
    };
    // Results still on screen from the course or version chosen before.
    let current = |r: &SurveyResults| {
        r.course == query.course && (query.version.is_none() || r.version == query.version)
    };
    let versions = match &*results {
        Some(Ok(r)) if current(r) && !r.versions.is_empty() => {
            Some((r.versions.clone(), r.version.clone()))
        }
        _ => None,
    };
    let body = loaded_view(t, &results, |r| {
        if current(r) {
            results_view(t, r)
        } else {
            html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> }
        }
    });

    html! {
        <div class="page survey-results" id="survey-results">
            <div class="page-head">
                <div>
                    <h1>{ t.t("results-title") }</h1>
                    <p class="muted">{ t.t("results-intro") }</p>
                </div>
            </div>
            <form class="inline-form results-pick" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field">
                    <label for="results-course">{ t.t("results-course") }</label>
                    <select id="results-course" onchange={on_course}>
                        { for Track::ALL.iter().map(|track| html! {
                            <optgroup label={track_name(t, *track)}>
                                { for MasteryLevel::ALL.iter().map(|level| {
                                    let id = course_id(*track, *level);
                                    html! {
                                        <option value={id.as_str().to_owned()} selected={id == query.course}>
                                            { t.t_args("results-course-option", &[
                                                ("track", track_name(t, *track).into()), ("level", level.get().into()),
                                            ]) }
                                        </option>
                                    }
                                }) }
                            </optgroup>
                        }) }
                    </select>
                </div>
                if let Some((list, shown)) = versions {
                    <div class="field">
                        <label for="results-version">{ t.t("results-version-label") }</label>
                        <select id="results-version" onchange={on_version}>
                            { for list.iter().map(|v| html! {
                                <option value={v.clone()} selected={shown.as_deref() == Some(v.as_str())}>
                                    { t.t_args("results-version", &[("version", v.clone().into())]) }
                                </option>
                            }) }
                        </select>
                    </div>
                }
            </form>
            <ResultsExport course={query.course.clone()} version={query.version.clone()} />
            { body }
            <ItemAnalysisView course={query.course.clone()} version={query.version.clone()} />
        </div>
    }
}
