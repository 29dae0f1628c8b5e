//! Certifications in force today, by office: people, certifications at
//! each Mastery Level, those expiring within 90 days, and a small bar of
//! the certifications per person in the office (its percentage written
//! beside it; the bar itself is decoration).

use crate::state::use_app;
use mastery_types::OfficeCertifications;
use yew::prelude::*;

/// People holding a certification in force, as a whole percentage of the
/// office's people; 0 for an office without people.
fn share(o: &OfficeCertifications) -> u32 {
    if o.people == 0 {
        return 0;
    }
    (100.0 * f64::from(o.certified_people) / f64::from(o.people)).round() as u32
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// By office name.
    pub offices: Vec<OfficeCertifications>,
}

#[function_component(OfficeCertificationsTable)]
pub fn office_certifications_table(p: &Props) -> Html {
    let state = use_app();
    let t = &state.i18n;
    if p.offices.is_empty() {
        return html! {
            <p class="muted" id="dash-certifications-none">{ t.t("dashboard-certifications-none") }</p>
        };
    }
    let n = |v: u32| t.number(f64::from(v), 0, false);
    html! {
        <>
        <div class="table-scroll">
            <table class="data dash-table" id="dash-certifications-table" aria-describedby="dash-share-note">
                <caption>{ t.t("dashboard-certifications-table") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.t("dashboard-office") }</th>
                        <th scope="col" class="num">{ t.t("dashboard-people") }</th>
                        { for (1..=3u8).map(|level| html! {
                            <th scope="col" class="num">{ t.t_args("dashboard-level-in-force", &[("level", level.into())]) }</th>
                        }) }
                        <th scope="col" class="num">{ t.t("dashboard-expiring") }</th>
                        <th scope="col">{ t.t("dashboard-share") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for p.offices.iter().map(|o| {
                        let percent = share(o);
                        html! {
                            <tr data-office={o.office.clone().unwrap_or_default()}>
                                <th scope="row">{ match &o.office {
                                    Some(name) => html! { <>{ name.clone() }</> },
                                    None => html! { <span class="muted">{ t.t("dashboard-no-office") }</span> },
                                } }</th>
                                <td class="num">{ n(o.people) }</td>
                                { for o.certified.iter().map(|c| html! { <td class="num">{ n(*c) }</td> }) }
                                <td class={classes!("num", (o.expiring > 0).then_some("warn-text"))}>{ n(o.expiring) }</td>
                                <td>
                                    <span class="dash-share">
                                        <svg class="choice-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                            aria-hidden="true" focusable="false">
                                            <rect class="bar-track" x="0" y="0" width="100" height="10" />
                                            <rect class="bar-fill" x="0" y="0" width={percent.min(100).to_string()} height="10" />
                                        </svg>
                                        <span class="choice-value">{ t.t_args("dashboard-share-value", &[("percent", percent.into())]) }</span>
                                    </span>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        <p class="hint" id="dash-share-note">{ t.t("dashboard-share-note") }</p>
        </>
    }
}
