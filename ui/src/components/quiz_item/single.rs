//! One choice of several, as radio buttons.

use super::ItemCx;
use mastery_types::{Answer, ItemView};
use yew::prelude::*;

pub fn render(cx: &ItemCx<'_>) -> Html {
    let ItemCx {
        t, item, answer, ..
    } = *cx;
    let lang = t.lang();
    let _id = item.id.clone();
    let ItemView::Single { choices, .. } = &item.view else {
        return Html::default();
    };
    html! {
        <fieldset class="choices"><legend class="sr-only">{ t.t("quiz-choose-one") }</legend>
        { for choices.iter().map(|c| {
            let checked = matches!(answer, Some(Answer::Single(x)) if *x == c.id);
            let input_id = format!("{}-{}", item.id, c.id);
            html! { <label class="choice" for={input_id.clone()}>
                <input type="radio" id={input_id} name={item.id.clone()} {checked}
                    onchange={cx.on_change(Answer::Single(c.id.clone()))} />
                { c.text.get(lang).to_owned() }</label> }
        }) }
        </fieldset>
    }
}
