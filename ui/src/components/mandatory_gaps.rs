//! Who is missing a level their position requires.

use crate::i18n::I18n;
use mastery_types::MandatoryGap;
use yew::prelude::*;

pub fn gaps_html(t: &I18n, gaps: &[MandatoryGap]) -> Html {
    html! {
        <section class="card" id="mandatory-gaps" aria-labelledby="gaps-title">
            <h2 id="gaps-title">{ t.t("cert-gaps-title") }</h2>
            <p class="muted">{ t.t("cert-gaps-intro") }</p>
            if gaps.is_empty() {
                <p class="ok">{ t.t("cert-gaps-none") }</p>
            } else {
                <ul>{ for gaps.iter().map(|g| html! {
                    <li data-gap={g.name.clone()}>{ t.t_args("cert-gap", &[
                        ("name", g.name.clone().into()), ("count", g.missing_levels.len().into()),
                        ("levels", g.missing_levels.iter().map(|l| l.get().to_string()).collect::<Vec<_>>().join(", ").into()),
                    ]) }</li>
                }) }</ul>
            }
        </section>
    }
}
