//! What applying a roster would do, before anything is changed: the counts,
//! then each kind of change in a list that opens on demand (at most
//! [`SHOWN`] rows each, with how many more there are).

use crate::refusals::{roster_field_name, roster_value, row_ref_text, row_refusal_text};
use crate::state::use_app;
use mastery_types::{RosterPerson, RosterPreview, RosterSource};
use yew::prelude::*;

/// Rows shown per list; a roster of thousands stays readable.
pub const SHOWN: usize = 200;

#[derive(Properties, PartialEq)]
pub struct RosterPreviewProps {
    pub preview: RosterPreview,
}

/// "And N more" under a list cut at [`SHOWN`] rows.
fn more(t: &crate::i18n::I18n, total: usize) -> Html {
    if total > SHOWN {
        html! { <p class="muted">{ t.t_args("hr-and-more", &[("count", (total - SHOWN).into())]) }</p> }
    } else {
        html! {}
    }
}

/// A cell for a value that may be absent.
fn or_dash(v: Option<&str>) -> String {
    v.filter(|s| !s.is_empty()).unwrap_or("—").to_owned()
}

#[function_component(RosterPreviewView)]
pub fn roster_preview_view(p: &RosterPreviewProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let r = &p.preview;

    let people = |id: &'static str, list: &[RosterPerson]| {
        html! {
            <>
                <table class="data" id={id}>
                    <thead><tr>
                        <th scope="col">{ t.t("employee-number") }</th>
                        <th scope="col">{ t.t("name") }</th>
                        <th scope="col">{ t.t("office") }</th>
                        <th scope="col">{ t.t("account-manager") }</th>
                    </tr></thead>
                    <tbody>{ for list.iter().take(SHOWN).map(|person| html! {
                        <tr>
                            <td>{ person.employee_number.clone() }</td>
                            <td>{ person.name.clone() }</td>
                            <td>{ or_dash(person.office.as_deref()) }</td>
                            <td>{ or_dash(person.manager.as_deref()) }</td>
                        </tr>
                    }) }</tbody>
                </table>
                { more(t, list.len()) }
            </>
        }
    };
    // A list that opens on demand; nothing at all when it is empty.
    let section = |id: &'static str, count: usize, summary: String, body: Html| {
        if count == 0 {
            return html! {};
        }
        html! {
            <details class="roster-list" id={id}>
                <summary>{ summary }</summary>
                <div class="grow">{ body }</div>
            </details>
        }
    };

    let changes = html! {
        <>
            <table class="data" id="roster-changes">
                <thead><tr>
                    <th scope="col">{ t.t("hr-person") }</th>
                    <th scope="col">{ t.t("hr-change-field") }</th>
                    <th scope="col">{ t.t("hr-change-from-to") }</th>
                </tr></thead>
                <tbody>{ for r.changed.iter().take(SHOWN).flat_map(|person| {
                    person.changes.iter().map(move |c| html! {
                        <tr>
                            <td>{ format!("{} ({})", person.name, person.employee_number) }</td>
                            <td>{ roster_field_name(t, c.field) }</td>
                            <td>{ roster_value(t, c.field, &c.from) }{ " → " }{ roster_value(t, c.field, &c.to) }</td>
                        </tr>
                    })
                }) }</tbody>
            </table>
            { more(t, r.changed.len()) }
        </>
    };
    let refused = html! {
        <>
            <table class="data" id="roster-refused">
                <thead><tr>
                    <th scope="col">{ t.t("hr-row") }</th>
                    <th scope="col">{ t.t("employee-number") }</th>
                    <th scope="col">{ t.t("hr-reason") }</th>
                </tr></thead>
                <tbody>{ for r.refused.iter().take(SHOWN).map(|row| html! {
                    <tr>
                        <td>{ row_ref_text(t, &row.at) }</td>
                        <td>{ or_dash(row.employee_number.as_deref()) }</td>
                        <td>{ row_refusal_text(t, &row.reason) }</td>
                    </tr>
                }) }</tbody>
            </table>
            { more(t, r.refused.len()) }
        </>
    };
    let unresolved = html! {
        <>
            <p class="hint">{ t.t("hr-unresolved-help") }</p>
            <table class="data" id="roster-unresolved">
                <thead><tr>
                    <th scope="col">{ t.t("employee-number") }</th>
                    <th scope="col">{ t.t("name") }</th>
                    <th scope="col">{ t.t("hr-manager-number") }</th>
                </tr></thead>
                <tbody>{ for r.unresolved.iter().take(SHOWN).map(|u| html! {
                    <tr>
                        <td>{ u.employee_number.clone() }</td>
                        <td>{ u.name.clone() }</td>
                        <td>{ u.manager.clone() }</td>
                    </tr>
                }) }</tbody>
            </table>
            { more(t, r.unresolved.len()) }
        </>
    };
    let offices = html! {
        <>
            <ul>{ for r.new_offices.iter().take(SHOWN).map(|o| html! { <li>{ o.clone() }</li> }) }</ul>
            { more(t, r.new_offices.len()) }
        </>
    };

    let stat = |key: &'static str, label: String, n: usize| {
        html! { <div data-count={key}><dt>{ label }</dt><dd>{ n.to_string() }</dd></div> }
    };
    let source = match r.source {
        RosterSource::Csv => t.t("hr-source-csv"),
        RosterSource::Scim => t.t("hr-source-scim"),
    };

    html! {
        <div class="roster-preview" id="roster-preview" data-digest={r.digest.clone()}>
            <h3>{ t.t("hr-preview-title") }</h3>
            <p class="muted">{ t.t_args("hr-preview-rows", &[("rows", r.rows.into()), ("source", source.into())]) }</p>
            <dl class="stats">
                { stat("added", t.t("hr-count-added"), r.added.len()) }
                { stat("changed", t.t("hr-count-changed"), r.changed.len()) }
                { stat("deactivated", t.t("hr-count-deactivated"), r.deactivated.len()) }
                { stat("reactivated", t.t("hr-count-reactivated"), r.reactivated.len()) }
                { stat("refused", t.t("hr-count-refused"), r.refused.len()) }
                { stat("unresolved", t.t("hr-count-unresolved"), r.unresolved.len()) }
                { stat("unchanged", t.t("hr-count-unchanged"), r.unchanged as usize) }
                { stat("new-offices", t.t("hr-count-new-offices"), r.new_offices.len()) }
            </dl>
            { section("roster-added-list", r.added.len(),
                t.t_args("hr-list-added", &[("count", r.added.len().into())]),
                people("roster-added", r.added.as_slice())) }
            { section("roster-changed-list", r.changed.len(),
                t.t_args("hr-list-changed", &[("count", r.changed.len().into())]), changes) }
            { section("roster-deactivated-list", r.deactivated.len(),
                t.t_args("hr-list-deactivated", &[("count", r.deactivated.len().into())]),
                people("roster-deactivated", r.deactivated.as_slice())) }
            { section("roster-reactivated-list", r.reactivated.len(),
                t.t_args("hr-list-reactivated", &[("count", r.reactivated.len().into())]),
                people("roster-reactivated", r.reactivated.as_slice())) }
            { section("roster-refused-list", r.refused.len(),
                t.t_args("hr-list-refused", &[("count", r.refused.len().into())]), refused) }
            { section("roster-unresolved-list", r.unresolved.len(),
                t.t_args("hr-list-unresolved", &[("count", r.unresolved.len().into())]), unresolved) }
            { section("roster-offices-list", r.new_offices.len(),
                t.t_args("hr-list-new-offices", &[("count", r.new_offices.len().into())]), offices) }
        </div>
    }
}
