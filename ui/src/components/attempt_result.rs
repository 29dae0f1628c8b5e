//! The result of a knowledge-check attempt: the score against the pass
//! mark, attempts left, and feedback on every item.

use crate::i18n::I18n;
use mastery_types::AttemptResult;
use yew::prelude::*;

pub fn result_html(t: &I18n, r: &AttemptResult) -> Html {
    let lang = t.lang();
    html! {
        <section class="card" id="quiz-result" aria-labelledby="result-title">
            <h2 id="result-title">{ t.t_args("quiz-result-title", &[("n", r.number.into())]) }</h2>
            <p class={if r.passed { "ok" } else { "error" }} id="quiz-score" role="status">
                { t.t_args(if r.passed { "quiz-passed" } else { "quiz-failed" }, &[
                    ("percent", r.percent.into()), ("pass", r.pass_mark.into()),
                ]) }
            </p>
            if r.abandoned {
                <p class="muted" id="quiz-abandoned-note">{ t.t("quiz-abandoned-note") }</p>
            }
            if !r.passed {
                <p class="muted">{ t.t_args("quiz-attempts-left", &[("count", r.attempts_left.into())]) }</p>
            }
            <ol class="feedback">
            { for r.items.iter().map(|f| {
                let prompt = f.prompt.get(lang).to_owned();
                html! {
                    <li data-item={f.item_id.clone()} data-correct={f.correct.to_string()}>
                        <p class="prompt">{ prompt }</p>
                        <p class={if f.correct { "pill completed" } else { "pill error" }}>
                            { if f.unanswered { t.t("quiz-unanswered") } else if f.correct { t.t("quiz-correct") } else if f.earned_percent == 0 { t.t("quiz-wrong") } else { t.t_args("quiz-partly", &[("percent", f.earned_percent.into())]) } }
                        </p>
                        { for f.feedback.iter().map(|x| html! { <p class="item-feedback">{ x.get(lang).to_owned() }</p> }) }
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
