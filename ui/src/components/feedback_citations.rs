//! Beside the publish form: the flagged knowledge-check items and the
//! weak survey questions of the courses opened in the editor, each with a
//! button that adds a line citing it to both change notes (in English to
//! the English notes, in French to the French ones), for the designer to
//! finish with what they changed.

use crate::components::course_feedback::{flagged, weak_questions, FeedbackMap};
use crate::components::item_analysis_view::flag_text;
use crate::components::item_flags::discrimination_text;
use crate::i18n::I18n;
use crate::state::use_app;
use mastery_types::{ItemAnalysisRow, ItemFlag, QuestionResult, SurveyQuestion};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeedbackCitationsProps {
    pub feedback: FeedbackMap,
    /// Called with the line to add to the English notes and the one to add
    /// to the French notes.
    pub on_cite: Callback<(String, String)>,
}

/// "Too easy" inside a sentence: "too easy".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What an item showed, in `t`'s language: "clients-l1 q3: too easy (96%
/// right)".
fn item_finding(t: &I18n, course: &str, i: &ItemAnalysisRow) -> String {
    let flags = i
        .flags
        .iter()
        .map(|f| lower_first(&flag_text(t, *f)))
        .collect::<Vec<_>>()
        .join(", ");
    let right = t.number(i.difficulty * 100.0, 0, false);
    if i.flags.contains(&ItemFlag::NegativeDiscrimination) {
        t.t_args(
            "feedback-cite-item-discrimination",
            &[
                ("course", course.to_owned().into()),
                ("item", i.item.clone().into()),
                ("flags", flags.into()),
                ("right", right.into()),
                (
                    "discrimination",
                    discrimination_text(t, i.discrimination).into(),
                ),
            ],
        )
    } else {
        t.t_args(
            "feedback-cite-item",
            &[
                ("course", course.to_owned().into()),
                ("item", i.item.clone().into()),
                ("flags", flags.into()),
                ("right", right.into()),
            ],
        )
    }
}

/// What a survey question showed, in `t`'s language; `None` for a kind
/// that is never weak.
fn question_finding(
    t: &I18n,
    course: &str,
    q: &SurveyQuestion,
    result: &QuestionResult,
) -> Option<String> {
    let question = q.text.get(t.lang()).to_owned();
    match result {
        QuestionResult::Likert { mean: Some(m), .. } => Some(t.t_args(
            "feedback-cite-mean",
            &[
                ("course", course.to_owned().into()),
                ("question", question.into()),
                ("mean", t.number(*m, 1, false).into()),
            ],
        )),
        QuestionResult::Recommend { net: Some(n), .. } => Some(t.t_args(
            "feedback-cite-net",
            &[
                ("course", course.to_owned().into()),
                ("question", question.into()),
                ("net", t.number(*n, 0, true).into()),
            ],
        )),
        _ => None,
    }
}

/// The line a citation adds to the notes of `t`'s language.
fn note_line(t: &I18n, finding: String) -> String {
    t.t_args("feedback-cite-template", &[("finding", finding.into())])
}

/// One thing to cite: an id for its text, the text shown, and the lines
/// for the English and French notes.
struct Citation {
    id: String,
    shown: String,
    en: String,
    fr: String,
}

#[function_component(FeedbackCitations)]
pub fn feedback_citations(p: &FeedbackCitationsProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    // The notes are written in both languages whatever the interface's.
    let notes_langs: Rc<(Rc<I18n>, Rc<I18n>)> =
        use_memo((), |_| (I18n::new("en", None), I18n::new("fr", None)));
    let cited = use_state(|| false);
    let (en, fr) = (&notes_langs.0, &notes_langs.1);

    let mut citations: Vec<Citation> = vec![];
    for (course, f) in &p.feedback.0 {
        if let Some(Ok(a)) = &f.items {
            for i in flagged(a) {
                citations.push(Citation {
                    id: format!("cite-{course}-{}", i.item),
                    shown: item_finding(t, course, i),
                    en: note_line(en, item_finding(en, course, i)),
                    fr: note_line(fr, item_finding(fr, course, i)),
                });
            }
        }
        if let Some(Ok(r)) = &f.survey {
            for (q, result) in weak_questions(r) {
                let (Some(shown), Some(in_en), Some(in_fr)) = (
                    question_finding(t, course, q, result),
                    question_finding(en, course, q, result),
                    question_finding(fr, course, q, result),
                ) else {
                    continue;
                };
                citations.push(Citation {
                    id: format!("cite-{course}-survey-{}", q.id),
                    shown,
                    en: note_line(en, in_en),
                    fr: note_line(fr, in_fr),
                });
            }
        }
    }
    if citations.is_empty() {
        return html! {};
    }

    html! {
        <section class="citations-box" aria-labelledby="citations-title">
            <h3 id="citations-title">{ t.t("feedback-cite-title") }</h3>
            <p class="hint">{ t.t("feedback-cite-intro") }</p>
            <ul class="citations">
                { for citations.into_iter().map(|c| {
                    let onclick = {
                        let (on_cite, cited) = (p.on_cite.clone(), cited.clone());
                        let lines = (c.en, c.fr);
                        Callback::from(move |_: MouseEvent| {
                            on_cite.emit(lines.clone());
                            cited.set(true);
                        })
                    };
                    html! {
                        <li>
                            <span id={c.id.clone()}>{ c.shown.clone() }</span>
                            <button type="button" class="secondary bordered small" aria-describedby={c.id.clone()}
                                {onclick}>{ t.t("feedback-cite") }</button>
                        </li>
                    }
                }) }
            </ul>
            <p class="muted" role="status">{ if *cited { t.t("feedback-cited") } else { String::new() } }</p>
        </section>
    }
}
