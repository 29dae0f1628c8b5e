//! A branching scenario: each choice leads to the next situation until an ending; the path is the answer.

use super::ItemCx;
use mastery_types::{Answer, ItemView};
use yew::prelude::*;

pub fn render(cx: &ItemCx<'_>) -> Html {
    let ItemCx {
        t,
        item,
        answer,
        partial,
        on_answer,
    } = *cx;
    let lang = t.lang();
    let _id = item.id.clone();
    let ItemView::Scenario { start, nodes, .. } = &item.view else {
        return Html::default();
    };
    {
        let path: Vec<String> = match (partial.paths.get(&item.id), answer) {
            (Some(p), _) => p.clone(),
            (None, Some(Answer::Scenario(p))) => p.clone(),
            _ => vec![],
        };
        // Walk the path to find each node shown and the current one.
        let mut shown = Vec::new();
        let mut at = Some(start.clone());
        for cid in &path {
            let Some(node) = at.as_ref().and_then(|n| nodes.iter().find(|x| &x.id == n)) else {
                break;
            };
            let taken = node.choices.iter().find(|(c, _)| &c.id == cid);
            shown.push((node, taken.map(|(c, _)| c.text.get(lang).to_owned())));
            at = taken.and_then(|(_, next)| next.clone());
        }
        let current = at.as_ref().and_then(|n| nodes.iter().find(|x| &x.id == n));
        let choose = |cid: String, ends: bool| {
            let (partial, cb, item_id, path) = (
                partial.clone(),
                on_answer.clone(),
                item.id.clone(),
                path.clone(),
            );
            Callback::from(move |_| {
                let mut path = path.clone();
                path.push(cid.clone());
                let mut p = (*partial).clone();
                p.paths.insert(item_id.clone(), path.clone());
                partial.set(p);
                if ends {
                    cb.emit((item_id.clone(), Answer::Scenario(path.clone())));
                }
            })
        };
        let restart = {
            let (partial, item_id) = (partial.clone(), item.id.clone());
            Callback::from(move |_| {
                let mut p = (*partial).clone();
                p.paths.insert(item_id.clone(), vec![]);
                partial.set(p);
            })
        };
        html! {
            <div class="scenario">
                { for shown.iter().map(|(node, taken)| html! {
                    <div class="scenario-step done">
                        <p>{ node.prompt.get(lang).to_owned() }</p>
                        <p class="taken">{ "→ " }{ taken.clone().unwrap_or_default() }</p>
                    </div>
                }) }
                if let Some(node) = current {
                    <div class="scenario-step" data-node={node.id.clone()}>
                        <p>{ node.prompt.get(lang).to_owned() }</p>
                        <div class="actions">
                        { for node.choices.iter().map(|(c, next)| html! {
                            <button type="button" class="secondary" data-choice={c.id.clone()}
                                onclick={choose(c.id.clone(), next.is_none())}>{ c.text.get(lang).to_owned() }</button>
                        }) }
                        </div>
                    </div>
                } else {
                    <p class="ok">{ t.t("quiz-scenario-done") }</p>
                }
                if !path.is_empty() {
                    <button type="button" class="link" onclick={restart}>{ t.t("quiz-scenario-restart") }</button>
                }
            </div>
        }
    }
}
