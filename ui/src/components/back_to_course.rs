//! The breadcrumb at the top of a course's sub-pages (knowledge check,
//! self-assessment, assignments): back to the course.

use crate::state::{navigate, use_app, Page};
use mastery_types::CourseId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackToCourseProps {
    pub course: CourseId,
}

#[function_component(BackToCourse)]
pub fn back_to_course(p: &BackToCourseProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    html! {
        <nav class="crumbs" aria-label={t.t("breadcrumb")}>
            <button type="button" class="link" id="back-to-course" onclick={navigate(&state, Page::Course(p.course.clone()))}>
                { "← " }{ t.t("quiz-back") }
            </button>
        </nav>
    }
}
