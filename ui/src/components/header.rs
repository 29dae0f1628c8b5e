//! The top bar: program name, organization, the pages the person's roles
//! give them, the language switch, and sign-out.

use crate::components::lang_switch::LangSwitch;
use crate::ipc;
use crate::state::{navigate, use_app, Action, Page};
use mastery_types::Role;
use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let nav = state.session.as_ref().map(|s| {
        let mut items = vec![];
        if s.roles.contains(&Role::Learner) {
            items.push((Page::Catalogue, "nav-catalogue"));
            items.push((Page::Certification, "nav-certification"));
        }
        if s.roles.contains(&Role::Administrator) {
            items.push((Page::Accounts, "nav-accounts"));
            items.push((Page::Hr, "nav-hr"));
            items.push((Page::CertAdmin, "nav-cert-admin"));
        }
        if s.roles.contains(&Role::Manager) {
            items.push((Page::Team, "nav-team"));
        }
        if s.roles.contains(&Role::Manager) || s.roles.contains(&Role::Coach) {
            items.push((Page::Approvals, "nav-approvals"));
        }
        if s.roles.contains(&Role::Coach) || s.roles.contains(&Role::Manager) {
            items.push((Page::Coaching, "nav-coaching"));
        }
        let has = |roles: &[Role]| roles.iter().any(|r| s.roles.contains(r));
        if has(&[Role::Learner, Role::Coach, Role::Manager]) {
            items.push((Page::Classes, "nav-classes"));
        }
        if s.roles.contains(&Role::CourseDesigner) {
            items.push((Page::Designer, "nav-designer"));
        }
        if has(&[Role::Manager, Role::Administrator]) {
            items.push((Page::Dashboard, "nav-dashboard"));
        }
        if has(&[Role::CourseDesigner, Role::Manager, Role::Administrator]) {
            items.push((Page::SurveyResults(None), "nav-survey-results"));
        }
        let links = items.into_iter().map(|(page, key)| {
            // A course or lesson page sits under "My program".
            let current = state.page == page
                || (page == Page::Catalogue
                    && matches!(
                        state.page,
                        Page::Course(_)
                            | Page::Lesson(_)
                            | Page::Quiz(_)
                            | Page::SelfAssessment(_)
                            | Page::Assignments(_)
                    ))
                || (page == Page::Designer && state.page == Page::DraftEditor)
                || (matches!(page, Page::SurveyResults(_))
                    && matches!(state.page, Page::SurveyResults(_)));
            let onclick = navigate(&state, page.clone());
            html! {
                <li><button type="button" class="nav-link" data-nav={key}
                    aria-current={current.then_some("page")} {onclick}>{ t.t(key) }</button></li>
            }
        });
        html! { <nav aria-label={t.t("nav-label")}><ul>{ for links }</ul></nav> }
    });
    let sign_out = state.session.as_ref().map(|s| {
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| {
                let state = state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    // Whatever the backend says, the window forgets the session.
                    let _ = ipc::sign_out().await;
                    state.dispatch(Action::SignedOut);
                });
            })
        };
        html! {
            <div class="who">
                <span class="who-name" data-testid="who">{ s.display_name.clone() }</span>
                <button type="button" id="sign-out" class="secondary" {onclick}>{ t.t("sign-out") }</button>
            </div>
        }
    });
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "M" }</span>
                <div>
                    <div class="brand-name">{ t.t("app-name") }</div>
                    if let Some(org) = &state.organization {
                        <div class="brand-org">{ org.clone() }</div>
                    }
                </div>
            </div>
            { nav.unwrap_or_default() }
            <div class="topbar-end">
                <LangSwitch />
                { sign_out.unwrap_or_default() }
            </div>
        </header>
    }
}
