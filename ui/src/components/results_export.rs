//! Saves a course version's survey results as CSV: the same rows and the
//! same suppression as on screen.

use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::use_app;
use mastery_types::{CourseId, SurveyResultsRequest};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub course: CourseId,
    pub version: Option<String>,
}

#[function_component(ResultsExport)]
pub fn results_export(p: &Props) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let export = use_action(
        |request: SurveyResultsRequest| async move { ipc::export_survey_results(&request).await },
        Callback::noop(),
    );
    let onclick = {
        let run = export.run.clone();
        let request = SurveyResultsRequest {
            course: p.course.clone(),
            version: p.version.clone(),
        };
        Callback::from(move |_: MouseEvent| run.emit(request.clone()))
    };
    html! {
        <div class="results-export">
            <button type="button" id="results-export" class="secondary bordered" {onclick}
                disabled={export.busy} aria-busy={export.busy.then_some("true")}>
                { t.t("results-export") }
            </button>
            { action_error(t, &export.error) }
            <div aria-live="polite">
                if let Some(saved) = &export.done {
                    <p class="ok" id="results-exported">{ t.t_args("hr-saved", &[("path", saved.path.clone().into())]) }</p>
                }
            </div>
        </div>
    }
}
