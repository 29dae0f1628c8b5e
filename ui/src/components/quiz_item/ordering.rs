//! Steps put in order with move-up and move-down buttons (no dragging, so the keyboard serves).

use super::ItemCx;
use mastery_types::{Answer, ItemView};
use yew::prelude::*;

pub fn render(cx: &ItemCx<'_>) -> Html {
    let ItemCx {
        t, item, answer, ..
    } = *cx;
    let lang = t.lang();
    let _id = item.id.clone();
    let ItemView::Ordering { steps, .. } = &item.view else {
        return Html::default();
    };
    {
        let order: Vec<String> = match answer {
            Some(Answer::Ordering(v)) => v.clone(),
            _ => steps.iter().map(|s| s.id.clone()).collect(),
        };
        let text = |sid: &str| {
            steps
                .iter()
                .find(|s| s.id == sid)
                .map(|s| s.text.get(lang).to_owned())
                .unwrap_or_default()
        };
        let moved = |i: usize, j: usize| {
            let mut v = order.clone();
            v.swap(i, j);
            Answer::Ordering(v)
        };
        html! {
            <div class="ordering">
                <p class="hint">{ t.t("quiz-order-hint") }</p>
                <ol>
                { for order.iter().enumerate().map(|(i, sid)| html! {
                    <li data-step={sid.clone()}>
                        <span class="step-text">{ text(sid) }</span>
                        <button type="button" class="icon" disabled={i == 0}
                            aria-label={t.t_args("quiz-move-up", &[("step", text(sid).into())])}
                            onclick={cx.on_click(moved(i, i.saturating_sub(1)))}>{ "↑" }</button>
                        <button type="button" class="icon" disabled={i + 1 == order.len()}
                            aria-label={t.t_args("quiz-move-down", &[("step", text(sid).into())])}
                            onclick={cx.on_click(moved(i, (i + 1).min(order.len() - 1)))}>{ "↓" }</button>
                    </li>
                }) }
                </ol>
                if answer.is_none() {
                    <button type="button" class="secondary" data-keep-order={item.id.clone()}
                        onclick={cx.on_click(Answer::Ordering(order.clone()))}>{ t.t("quiz-keep-order") }</button>
                }
            </div>
        }
    }
}
