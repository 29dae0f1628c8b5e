//! App-wide state as a reducer shared through a context: the interface
//! language, who is signed in, and which page is showing.

pub use crate::hooks::use_load;
use crate::i18n::I18n;
use mastery_types::{CourseId, Role, SessionInfo};
use std::rc::Rc;
use yew::prelude::*;

/// The pages. The window has no address bar, so pages are state rather than
/// URLs: there is no link that could skip the sign-in screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Loading,
    Setup,
    SignIn,
    Catalogue,
    /// One course's lessons and knowledge check.
    Course(CourseId),
    /// One lesson, by id (`<course>/<NN>-<slug>`).
    Lesson(String),
    /// A course's knowledge check: status, the attempt, the result.
    Quiz(CourseId),
    /// A Level 1 course's communication-style self-assessment.
    SelfAssessment(CourseId),
    /// A Level 2 course's assignments.
    Assignments(CourseId),
    Accounts,
    /// Administrator: the link with HR (connection, roster imports, status
    /// sent to HR, activation codes).
    Hr,
    /// Coach or manager: log coaching sessions, see responses.
    Coaching,
    /// Manager: their staff and the courses assigned to them.
    Team,
    /// Course designer: versions, compare, import and export.
    Designer,
    /// Course designer: the draft's files, editor, preview and problems.
    DraftEditor,
    /// Learner: their certifications, requests and periods.
    Certification,
    /// Manager (or delegate): the approval queue and delegations.
    Approvals,
    /// Administrator: certifications, revocation, the audit chain.
    CertAdmin,
    /// Learner, coach or manager: classes to join, classes run, surveys
    /// to answer after a class.
    Classes,
    /// Course designer, manager or administrator: a course's post-class
    /// survey results, by pack version (of a course, when opened from
    /// the designer; else the first).
    SurveyResults(Option<CourseId>),
    /// Manager or administrator: the program's figures (completions by
    /// month, coaching by driver, certifications by office) for their
    /// staff, or for everyone.
    Dashboard,
    /// Signed in, but no page for any of the person's roles yet.
    Welcome,
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    pub i18n: Rc<I18n>,
    pub session: Option<SessionInfo>,
    pub page: Page,
    pub organization: Option<String>,
}

pub enum Action {
    SetLanguage(String),
    Setup {
        organization: Option<String>,
        needs_first_admin: bool,
    },
    SignedIn(SessionInfo),
    SignedOut,
    Go(Page),
}

/// The first page for a person: their learning if they are a learner,
/// otherwise the first tool their roles give them.
pub fn home_page(session: &SessionInfo) -> Page {
    if session.roles.contains(&Role::Learner) {
        Page::Catalogue
    } else if session.roles.contains(&Role::Administrator) {
        Page::Accounts
    } else if session.roles.contains(&Role::Coach) || session.roles.contains(&Role::Manager) {
        Page::Coaching
    } else if session.roles.contains(&Role::CourseDesigner) {
        Page::Designer
    } else {
        Page::Welcome
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLanguage(lang) => next.i18n = I18n::new(&lang, self.i18n.time_zone()),
            Action::Setup {
                organization,
                needs_first_admin,
            } => {
                next.organization = organization;
                next.page = if needs_first_admin {
                    Page::Setup
                } else {
                    Page::SignIn
                };
            }
            Action::SignedIn(session) => {
                next.i18n = I18n::new(session.language.as_str(), session.time_zone.as_deref());
                next.page = home_page(&session);
                next.session = Some(session);
            }
            Action::SignedOut => {
                next.session = None;
                next.page = Page::SignIn;
            }
            Action::Go(page) => next.page = page,
        }
        Rc::new(next)
    }
}

pub type AppContext = UseReducerHandle<AppState>;

/// The shared state; panics only if a component is used outside `App`,
/// which is a programming error caught by the first render.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}

/// A click handler that shows `page`.
pub fn navigate(state: &AppContext, page: Page) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(Action::Go(page.clone())))
}

/// A map kept in a reducer, so that changes made in quick succession (a
/// row of radio buttons clicked fast) each apply to the latest map rather
/// than to the one the page was rendered with.
#[derive(Clone, Debug, PartialEq)]
pub struct MapState<V: Clone + PartialEq>(pub std::collections::BTreeMap<String, V>);

impl<V: Clone + PartialEq> Default for MapState<V> {
    fn default() -> Self {
        MapState(Default::default())
    }
}

pub enum MapAction<V> {
    Insert(String, V),
    Clear,
}

impl<V: Clone + PartialEq> Reducible for MapState<V> {
    type Action = MapAction<V>;
    fn reduce(self: Rc<Self>, action: MapAction<V>) -> Rc<Self> {
        let mut next = self.0.clone();
        match action {
            MapAction::Insert(k, v) => {
                next.insert(k, v);
            }
            MapAction::Clear => next.clear(),
        }
        Rc::new(MapState(next))
    }
}
