//! Each left-hand entry matched to a right-hand one with a select; the answer is sent once every entry is matched.

use super::ItemCx;
use mastery_types::{Answer, ItemView, Match};
use std::collections::BTreeMap;
use web_sys::HtmlSelectElement;
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
    let ItemView::Matching { lefts, rights, .. } = &item.view else {
        return Html::default();
    };
    {
        let mut current: BTreeMap<String, String> = match answer {
            Some(Answer::Matching(v)) => v
                .iter()
                .map(|m| (m.left.clone(), m.right.clone()))
                .collect(),
            _ => BTreeMap::new(),
        };
        if let Some(p) = partial.matches.get(&item.id) {
            current.extend(p.clone());
        }
        html! {
            <div class="matching">
            { for lefts.iter().map(|l| {
                let select_id = format!("{}-{}", item.id, l.id);
                let onchange = {
                    let (partial, cb, item_id, n) = (partial.clone(), on_answer.clone(), item.id.clone(), lefts.len());
                    // Every select of the item as it is now (a map made
                    // at render time would be stale after quick changes).
                    Callback::from(move |e: Event| {
                        let s: web_sys::Element = e.target_unchecked_into();
                        let Ok(Some(block)) = s.closest(".matching") else { return };
                        let Ok(selects) = block.query_selector_all("select") else { return };
                        let m: BTreeMap<String, String> = (0..selects.length())
                            .filter_map(|i| selects.item(i))
                            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(n).ok())
                            .filter(|sel| !sel.value().is_empty())
                            .filter_map(|sel| sel.get_attribute("data-left").map(|l| (l, sel.value())))
                            .collect();
                        let mut p = (*partial).clone();
                        p.matches.insert(item_id.clone(), m.clone());
                        partial.set(p);
                        if m.len() == n {
                            cb.emit((item_id.clone(), Answer::Matching(m.into_iter().map(|(left, right)| Match { left, right }).collect())));
                        }
                    })
                };
                html! {
                    <div class="match-row">
                        <label for={select_id.clone()}>{ l.text.get(lang).to_owned() }</label>
                        <select id={select_id} data-left={l.id.clone()} {onchange}>
                            <option value="" selected={!current.contains_key(&l.id)}>{ t.t("quiz-choose") }</option>
                            { for rights.iter().map(|r| html! {
                                <option value={r.id.clone()} selected={current.get(&l.id) == Some(&r.id)}>{ r.text.get(lang).to_owned() }</option>
                            }) }
                        </select>
                    </div>
                }
            }) }
            </div>
        }
    }
}
