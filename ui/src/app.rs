//! The root component: provides the state, finds out on start whether setup
//! or sign-in comes first, and shows the current page.

use crate::components::header::Header;
use crate::i18n::{self, I18n};
use crate::ipc;
use crate::pages::certification::{ApprovalsPage, CertificationAdminPage, MyCertificationPage};
use crate::pages::{
    accounts::AccountsPage, assignments::AssignmentsPage, catalogue::CataloguePage,
    classes::ClassesPage, coaching::CoachingPage, course::CoursePage, dashboard::DashboardPage,
    designer::DesignerPage, editor::DraftEditorPage, hr::HrPage, lesson::LessonPage,
    quiz::QuizPage, self_assessment::StylePage, setup::SetupPage, sign_in::SignInPage,
    survey_results::SurveyResultsPage, team::TeamPage,
};
use crate::state::{Action, AppState, Page};
use gloo_storage::{LocalStorage, Storage};
use mastery_types::ApiError;
use yew::prelude::*;

/// Where the language chosen before sign-in is remembered on this machine.
pub const LANG_KEY: &str = "mastery.language";

#[function_component(App)]
pub fn app() -> Html {
    let initial_lang = LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .filter(|l| i18n::is_offered(l))
        .unwrap_or_else(|| i18n::DEFAULT_LANG.to_owned());
    let state = use_reducer(|| AppState {
        i18n: I18n::new(&initial_lang, None),
        session: None,
        page: Page::Loading,
        organization: None,
    });
    let fatal = use_state(|| None::<ApiError>);

    {
        let state = state.clone();
        let fatal = fatal.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::setup_status().await {
                    Ok(s) => {
                        state.dispatch(Action::Setup {
                            organization: s.organization,
                            needs_first_admin: s.needs_first_admin,
                        });
                        if let Ok(Some(session)) = ipc::current_session().await {
                            state.dispatch(Action::SignedIn(session));
                        }
                    }
                    Err(e) => fatal.set(Some(e)),
                }
            });
        });
    }

    // Keep <html lang> true for screen readers and hyphenation.
    {
        let lang = state.i18n.lang().to_owned();
        use_effect_with(lang, |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang);
            }
        });
    }

    // After a page change the button that was pressed may be gone; move
    // focus to the page so keyboard and screen-reader users start there.
    {
        let page = state.page.clone();
        use_effect_with(page, |_| {
            use wasm_bindgen::JsCast;
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("content"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        });
    }

    let t = &state.i18n;
    let body = if let Some(e) = &*fatal {
        html! {
            <section class="card narrow" role="alert">
                <h1>{ t.t("startup-failed-title") }</h1>
                <p>{ crate::components::error_text(t, e) }</p>
                <p class="muted">{ t.t("startup-failed-help") }</p>
            </section>
        }
    } else {
        match state.page {
            Page::Loading => html! { <p class="muted" aria-busy="true">{ t.t("loading") }</p> },
            Page::Setup => html! { <SetupPage /> },
            Page::SignIn => html! { <SignInPage /> },
            Page::Catalogue => html! { <CataloguePage /> },
            Page::Course(ref id) => {
                html! { <CoursePage key={id.to_string()} course={id.clone()} /> }
            }
            Page::Lesson(ref id) => html! { <LessonPage key={id.clone()} lesson={id.clone()} /> },
            Page::Accounts => html! { <AccountsPage /> },
            Page::Hr => html! { <HrPage /> },
            Page::Quiz(ref id) => {
                html! { <QuizPage key={id.as_str().to_owned()} course={id.clone()} /> }
            }
            Page::SelfAssessment(ref id) => {
                html! { <StylePage key={id.as_str().to_owned()} course={id.clone()} /> }
            }
            Page::Assignments(ref id) => {
                html! { <AssignmentsPage key={id.as_str().to_owned()} course={id.clone()} /> }
            }
            Page::Coaching => html! { <CoachingPage /> },
            Page::Team => html! { <TeamPage /> },
            Page::Certification => html! { <MyCertificationPage /> },
            Page::Approvals => html! { <ApprovalsPage /> },
            Page::CertAdmin => html! { <CertificationAdminPage /> },
            Page::Classes => html! { <ClassesPage /> },
            Page::SurveyResults(ref course) => {
                html! { <SurveyResultsPage course={course.clone()} /> }
            }
            Page::Dashboard => html! { <DashboardPage /> },
            Page::Designer => html! { <DesignerPage /> },
            Page::DraftEditor => html! { <DraftEditorPage /> },
            Page::Welcome => html! {
                <section class="card narrow">
                    <h1>{ t.t("welcome-title") }</h1>
                    <p>{ t.t("welcome-no-page") }</p>
                </section>
            },
        }
    };

    html! {
        <ContextProvider<crate::state::AppContext> context={state.clone()}>
            <a class="skip-link" href="#content">{ t.t("skip-to-content") }</a>
            <Header />
            <main id="content" tabindex="-1">{ body }</main>
        </ContextProvider<crate::state::AppContext>>
    }
}
