//! One coaching session, as coach and learner both read it.

use crate::i18n::I18n;
use mastery_types::{CoachingSessionView, CoachingStatus};
use yew::prelude::*;

pub fn status_pill(t: &I18n, s: &CoachingStatus) -> Html {
    let (class, key) = match s {
        CoachingStatus::Awaiting => ("pill open", "coaching-awaiting"),
        CoachingStatus::Acknowledged => ("pill completed", "coaching-acknowledged"),
        CoachingStatus::Disputed => ("pill error", "coaching-disputed"),
    };
    html! { <span class={class} data-status={key}>{ t.t(key) }</span> }
}

/// One session, as coach and learner both read it.
pub fn session_html(t: &I18n, s: &CoachingSessionView, show_learner: bool) -> Html {
    let lang = t.lang();
    html! {
        <article class="session" data-session={s.id.clone()}>
            <header class="session-head">
                <strong>{ t.date(s.held_on) }</strong>
                if show_learner { <span>{ s.learner.clone() }</span> } else { <span>{ t.t_args("coaching-by", &[("coach", s.coach.clone().into())]) }</span> }
                <span class="muted">{ s.course_title.get(lang).to_owned() }</span>
                <span class="muted">{ t.t_args("coaching-minutes", &[("minutes", s.duration_minutes.into())]) }{ " · " }{ t.t(&format!("setting-{}", s.setting.as_str())) }</span>
                { status_pill(t, &s.status) }
            </header>
            <ul class="observations">
                { for s.observations.iter().map(|o| html! {
                    <li data-driver={o.driver.as_str()}>
                        <strong>{ t.t(&format!("driver-{}", o.driver.as_str())) }</strong>
                        { " " }<span class="pill open">{ t.t_args("coaching-rating", &[("rating", o.rating.into())]) }</span>
                        <p>{ o.evidence.clone() }</p>
                    </li>
                }) }
            </ul>
            <p><strong>{ t.t("coaching-next-steps") }</strong>{ " " }{ s.next_steps.clone() }</p>
            if !s.response_comment.is_empty() {
                <p class="muted">{ t.t_args("coaching-learner-said", &[("comment", s.response_comment.clone().into())]) }</p>
            }
        </article>
    }
}
