//! What the previous version of a course showed, for the draft editor: its
//! post-class survey results and its knowledge check's item analysis,
//! loaded once per course the designer opens, so that the panel beside the
//! editor and the hints of the publish form read the same answers.

use crate::ipc;
use crate::state::{MapAction, MapState};
use mastery_types::{
    ApiError, CourseId, ItemAnalysis, ItemAnalysisRequest, ItemAnalysisRow, QuestionResult,
    SurveyQuestion, SurveyResults, SurveyResultsRequest,
};
use yew::prelude::*;

/// An agreement question whose mean (1 to 5) is under this is pointed out
/// to the designer. A hint of where to look, not a rule: nothing is
/// decided on it.
pub const WEAK_MEAN: f64 = 3.5;
/// A recommendation question whose net score (−100 to +100) is under this
/// is pointed out: more detractors than promoters.
pub const WEAK_NET: f64 = 0.0;

/// One course's answers; `None` while it loads. A refusal (no permission,
/// no knowledge check in the course) is kept so the panel can say so
/// quietly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CourseFeedback {
    pub survey: Option<Result<SurveyResults, ApiError>>,
    pub items: Option<Result<ItemAnalysis, ApiError>>,
}

/// Every course opened in the editor so far, by course id.
pub type FeedbackMap = MapState<CourseFeedback>;

/// Loads what the previous version showed for `course` the first time it
/// is opened (the latest version with survey responses, the latest
/// published version's item analysis), and keeps it for the page's life:
/// published versions do not change while the draft is edited.
#[hook]
pub fn use_course_feedback(course: Option<CourseId>) -> UseReducerHandle<FeedbackMap> {
    let map = use_reducer(FeedbackMap::default);
    {
        let map = map.clone();
        use_effect_with(course, move |course| {
            if let Some(course) = course.clone() {
                if !map.0.contains_key(course.as_str()) {
                    // Marked as loading at once, so that coming back to the
                    // course before the answers arrive asks nothing twice.
                    map.dispatch(MapAction::Insert(
                        course.as_str().to_owned(),
                        CourseFeedback::default(),
                    ));
                    wasm_bindgen_futures::spawn_local(async move {
                        let survey = ipc::survey_results(&SurveyResultsRequest {
                            course: course.clone(),
                            version: None,
                        })
                        .await;
                        let items = ipc::item_analysis(&ItemAnalysisRequest {
                            course: course.clone(),
                            version: None,
                        })
                        .await;
                        map.dispatch(MapAction::Insert(
                            course.as_str().to_owned(),
                            CourseFeedback {
                                survey: Some(survey),
                                items: Some(items),
                            },
                        ));
                    });
                }
            }
        });
    }
    map
}

/// The items of a knowledge check that carry at least one flag.
pub fn flagged(a: &ItemAnalysis) -> impl Iterator<Item = &ItemAnalysisRow> {
    a.items.iter().filter(|i| !i.flags.is_empty())
}

/// Whether a question's result is low enough to point out (see
/// [`WEAK_MEAN`], [`WEAK_NET`]); choices and comments never are.
pub fn is_weak(result: &QuestionResult) -> bool {
    match result {
        QuestionResult::Likert { mean: Some(m), .. } => *m < WEAK_MEAN,
        QuestionResult::Recommend { net: Some(n), .. } => *n < WEAK_NET,
        _ => false,
    }
}

/// The survey's questions with results low enough to point out, in the
/// survey's order; none when the group is too small to show.
pub fn weak_questions(r: &SurveyResults) -> Vec<(&SurveyQuestion, &QuestionResult)> {
    let mastery_types::GroupResults::Shown { questions, .. } = &r.results else {
        return vec![];
    };
    r.questions
        .iter()
        .filter_map(|q| {
            questions
                .iter()
                .find(|(id, _)| id == &q.id)
                .map(|(_, result)| (q, result))
        })
        .filter(|(_, result)| is_weak(result))
        .collect()
}
