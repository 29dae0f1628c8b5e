//! True or false, as two radio buttons.

use super::ItemCx;
use mastery_types::{Answer, ItemView};
use yew::prelude::*;

pub fn render(cx: &ItemCx<'_>) -> Html {
    let ItemCx {
        t, item, answer, ..
    } = *cx;
    let _lang = t.lang();
    let _id = item.id.clone();
    let ItemView::TrueFalse { .. } = &item.view else {
        return Html::default();
    };
    html! {
        <fieldset class="choices"><legend class="sr-only">{ t.t("quiz-choose-one") }</legend>
        { for [(true, "quiz-true"), (false, "quiz-false")].into_iter().map(|(v, key)| {
            let checked = matches!(answer, Some(Answer::TrueFalse(x)) if *x == v);
            let input_id = format!("{}-{v}", item.id);
            html! { <label class="choice" for={input_id.clone()}>
                <input type="radio" id={input_id} name={item.id.clone()} {checked}
                    onchange={cx.on_change(Answer::TrueFalse(v))} />{ t.t(key) }</label> }
        }) }
        </fieldset>
    }
}
