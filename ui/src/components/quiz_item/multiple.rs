//! Every choice that applies, as checkboxes.

use super::ItemCx;
use mastery_types::{Answer, ItemView};
use yew::prelude::*;

pub fn render(cx: &ItemCx<'_>) -> Html {
    let ItemCx {
        t,
        item,
        answer,
        on_answer,
        ..
    } = *cx;
    let lang = t.lang();
    let id = item.id.clone();
    let ItemView::Multiple { choices, .. } = &item.view else {
        return Html::default();
    };
    {
        let picked: Vec<String> = match answer {
            Some(Answer::Multiple(v)) => v.clone(),
            _ => vec![],
        };
        html! {
            <fieldset class="choices"><legend class="hint">{ t.t("quiz-choose-all") }</legend>
            { for choices.iter().map(|c| {
                let checked = picked.contains(&c.id);
                let input_id = format!("{}-{}", item.id, c.id);
                // The answer is read from the boxes as they are when
                // this one changes, so quick successive clicks are all
                // kept (a value computed at render time would be stale).
                let onchange = {
                    let (cb, id) = (on_answer.clone(), id.clone());
                    Callback::from(move |e: Event| {
                        let input: web_sys::Element = e.target_unchecked_into();
                        let Ok(Some(set)) = input.closest("fieldset") else { return };
                        let Ok(boxes) = set.query_selector_all("input[type=checkbox]:checked") else { return };
                        let picked = (0..boxes.length())
                            .filter_map(|i| boxes.item(i))
                            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                            .filter_map(|el| el.get_attribute("data-choice"))
                            .collect();
                        cb.emit((id.clone(), Answer::Multiple(picked)));
                    })
                };
                html! { <label class="choice" for={input_id.clone()}>
                    <input type="checkbox" id={input_id} data-choice={c.id.clone()} {checked} {onchange} />
                    { c.text.get(lang).to_owned() }</label> }
            }) }
            </fieldset>
        }
    }
}
