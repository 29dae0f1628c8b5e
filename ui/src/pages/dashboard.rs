//! Managers and administrators: the program's figures for the people in
//! their scope (a manager's staff, or everyone for an administrator):
//! course completions month by month, coaching by driver, and
//! certifications by office. The charts and tables live in `components/`;
//! the backend decides the scope, so this page only says which it is.

use crate::components::coaching_by_driver::CoachingByDriver;
use crate::components::completions_over_time::CompletionsOverTime;
use crate::components::office_certifications::OfficeCertificationsTable;
use crate::hooks::loaded_view;
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{DashboardScope, OrgDashboard};
use yew::prelude::*;

/// The scope's name (for tests) and how many people it holds, in words.
fn scope_line(t: &I18n, d: &OrgDashboard) -> (&'static str, String) {
    match d.scope {
        DashboardScope::Organization => (
            "organization",
            t.t_args(
                "dashboard-scope-organization",
                &[("count", d.people.into())],
            ),
        ),
        DashboardScope::Staff => (
            "staff",
            t.t_args("dashboard-scope-staff", &[("count", d.people.into())]),
        ),
    }
}

/// The three sections, each under its heading.
fn figures(t: &I18n, d: &OrgDashboard) -> Html {
    let (scope, people) = scope_line(t, d);
    html! {
        <>
            <p class="results-count" id="dash-scope" data-scope={scope}>{ people }</p>
            <section class="card dash-section" id="dash-completions" aria-labelledby="dash-completions-title">
                <h2 id="dash-completions-title">{ t.t("dashboard-completions-title") }</h2>
                <CompletionsOverTime months={d.months.clone()} completions={d.completions.clone()} />
            </section>
            <section class="card dash-section" id="dash-coaching" aria-labelledby="dash-coaching-title">
                <h2 id="dash-coaching-title">{ t.t("dashboard-coaching-title") }</h2>
                <p class="muted">{ t.t("dashboard-coaching-intro") }</p>
                <CoachingByDriver coaching={d.coaching.clone()} />
            </section>
            <section class="card dash-section" id="dash-certifications" aria-labelledby="dash-certifications-title">
                <h2 id="dash-certifications-title">{ t.t("dashboard-certifications-title") }</h2>
                <OfficeCertificationsTable offices={d.certifications.clone()} />
            </section>
        </>
    }
}

#[function_component(DashboardPage)]
pub fn dashboard_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let dashboard = use_load((), |()| ipc::org_dashboard());
    html! {
        <div class="page dashboard" id="dashboard">
            <div class="page-head">
                <div>
                    <h1>{ t.t("dashboard-title") }</h1>
                    <p class="muted">{ t.t("dashboard-intro") }</p>
                </div>
            </div>
            { loaded_view(t, &dashboard, |d| figures(t, d)) }
        </div>
    }
}
