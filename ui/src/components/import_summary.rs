//! What a roster import did: when, from where, and its counts.

use crate::state::use_app;
use mastery_types::{ImportSummary, RosterSource};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportSummaryProps {
    pub summary: ImportSummary,
}

#[function_component(ImportSummaryView)]
pub fn import_summary_view(p: &ImportSummaryProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let s = &p.summary;
    let source = match s.source {
        RosterSource::Csv => t.t("hr-source-csv"),
        RosterSource::Scim => t.t("hr-source-scim"),
    };
    let stat = |key: &'static str, label: String, n: u32| {
        html! { <div data-count={key}><dt>{ label }</dt><dd>{ n.to_string() }</dd></div> }
    };
    html! {
        <div class="import-summary">
            <p>{ t.t_args("hr-import-when", &[("when", t.date_time(s.at).into()), ("source", source.into())]) }</p>
            <dl class="stats">
                { stat("added", t.t("hr-count-added"), s.added) }
                { stat("changed", t.t("hr-count-changed"), s.changed) }
                { stat("deactivated", t.t("hr-count-deactivated"), s.deactivated) }
                { stat("reactivated", t.t("hr-count-reactivated"), s.reactivated) }
                { stat("refused", t.t("hr-count-refused"), s.refused) }
                { stat("unresolved", t.t("hr-count-unresolved"), s.unresolved) }
            </dl>
        </div>
    }
}
