//! The knowledge check's items analysed for one version: how many got each
//! right, whether it tells stronger learners from weaker ones, how often
//! each option is chosen, and the flags that call for a designer's look.

use crate::hooks::{action_error, loaded_view, use_action};
use crate::i18n::I18n;
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{CourseId, ItemAnalysis, ItemAnalysisRequest, ItemFlag};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub course: CourseId,
    pub version: Option<String>,
}

/// A flag's label, as the item table and the draft editor show it.
pub fn flag_text(t: &I18n, f: ItemFlag) -> String {
    t.t(match f {
        ItemFlag::TooEasy => "items-flag-too-easy",
        ItemFlag::TooHard => "items-flag-too-hard",
        ItemFlag::NegativeDiscrimination => "items-flag-negative",
        ItemFlag::UnusedOption => "items-flag-unused-option",
    })
}

fn table(t: &I18n, lang: &str, a: &ItemAnalysis) -> Html {
    if a.attempts == 0 {
        return html! { <p class="muted" id="items-none">{ t.t("items-none") }</p> };
    }
    html! {
        <>
            <p class="muted">{ t.t_args("items-attempts", &[
                ("count", a.attempts.into()), ("min", a.min_attempts_for_flags.into()),
            ]) }</p>
            <table class="data item-analysis" id="item-analysis">
                <thead><tr>
                    <th scope="col">{ t.t("items-item") }</th>
                    <th scope="col">{ t.t("items-right") }</th>
                    <th scope="col">{ t.t("items-discrimination") }</th>
                    <th scope="col">{ t.t("items-options") }</th>
                    <th scope="col">{ t.t("items-flags") }</th>
                </tr></thead>
                <tbody>{ for a.items.iter().map(|i| html! {
                    <tr data-item={i.item.clone()}>
                        <th scope="row">{ i.prompt.get(lang).to_owned() }</th>
                        <td>{ format!("{:.0} %", i.difficulty * 100.0) }</td>
                        <td>{ i.discrimination.map_or("—".to_owned(), |d| format!("{d:+.2}")) }</td>
                        <td>
                            if i.options.is_empty() {
                                { "—" }
                            } else {
                                <ul class="plain">{ for i.options.iter().map(|o| html! {
                                    <li>
                                        { if o.correct { "✓ " } else { "" } }
                                        { o.text.get(lang).to_owned() }
                                        { format!(" — {}", o.chosen) }
                                    </li>
                                }) }</ul>
                            }
                        </td>
                        <td>{ for i.flags.iter().map(|f| html! {
                            <span class="pill flag">{ flag_text(t, *f) }</span>
                        }) }</td>
                    </tr>
                }) }</tbody>
            </table>
        </>
    }
}

#[function_component(ItemAnalysisView)]
pub fn item_analysis_view(p: &Props) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let lang = t.lang().to_owned();
    let analysis = use_load(
        (p.course.clone(), p.version.clone()),
        |(course, version)| async move {
            ipc::item_analysis(&ItemAnalysisRequest { course, version }).await
        },
    );
    let export = use_action(
        |request: ItemAnalysisRequest| async move { ipc::export_item_analysis(&request).await },
        Callback::noop(),
    );
    let on_export = {
        let run = export.run.clone();
        let request = ItemAnalysisRequest {
            course: p.course.clone(),
            version: p.version.clone(),
        };
        Callback::from(move |_: MouseEvent| run.emit(request.clone()))
    };
    let has_attempts = matches!(&*analysis, Some(Ok(a)) if a.attempts > 0);
    html! {
        <section class="card" aria-labelledby="items-title">
            <h2 id="items-title">{ t.t("items-title") }</h2>
            <p class="hint">{ t.t("items-intro") }</p>
            { loaded_view(t, &analysis, |a| table(t, &lang, a)) }
            if has_attempts {
                <div class="results-export">
                    <button type="button" id="items-export" class="secondary bordered" onclick={on_export}
                        disabled={export.busy} aria-busy={export.busy.then_some("true")}>
                        { t.t("items-export") }
                    </button>
                    { action_error(t, &export.error) }
                    <div aria-live="polite">
                        if let Some(saved) = &export.done {
                            <p class="ok" id="items-exported">{ t.t_args("hr-saved", &[("path", saved.path.clone().into())]) }</p>
                        }
                    </div>
                </div>
            }
        </section>
    }
}
