//! One renderer per kind of knowledge-check item, each in its own file;
//! [`render`] picks the one for an item.

mod matching;
mod multiple;
mod ordering;
mod scenario;
mod single;
mod true_false;

use crate::i18n::I18n;
use mastery_types::{Answer, ItemView, LocalizedText, QuizItemView};
use std::collections::BTreeMap;
use yew::prelude::*;

/// The question an item asks (a scenario's opening situation).
pub fn prompt_of(v: &ItemView) -> &LocalizedText {
    match v {
        ItemView::Single { prompt, .. }
        | ItemView::Multiple { prompt, .. }
        | ItemView::TrueFalse { prompt }
        | ItemView::Ordering { prompt, .. }
        | ItemView::Matching { prompt, .. } => prompt,
        ItemView::Scenario { situation, .. } => situation,
    }
}

/// Local work on items whose answer is not complete yet (a half-matched
/// list, a scenario part-way through).
#[derive(Clone, Default, PartialEq)]
pub struct Partial {
    pub matches: BTreeMap<String, BTreeMap<String, String>>,
    pub paths: BTreeMap<String, Vec<String>>,
}

/// What every renderer is given.
#[derive(Clone, Copy)]
pub struct ItemCx<'a> {
    pub t: &'a I18n,
    pub item: &'a QuizItemView,
    pub answer: Option<&'a Answer>,
    pub partial: &'a UseStateHandle<Partial>,
    /// Called with (item id, answer) once an answer is complete.
    pub on_answer: &'a Callback<(String, Answer)>,
}

impl ItemCx<'_> {
    /// Gives `answer` when an input changes.
    pub fn on_change(&self, answer: Answer) -> Callback<Event> {
        let (cb, id) = (self.on_answer.clone(), self.item.id.clone());
        Callback::from(move |_: Event| cb.emit((id.clone(), answer.clone())))
    }

    /// Gives `answer` when a button is pressed.
    pub fn on_click(&self, answer: Answer) -> Callback<MouseEvent> {
        let (cb, id) = (self.on_answer.clone(), self.item.id.clone());
        Callback::from(move |_: MouseEvent| cb.emit((id.clone(), answer.clone())))
    }
}

/// The answering controls of one item.
pub fn render(cx: &ItemCx<'_>) -> Html {
    match &cx.item.view {
        ItemView::Single { .. } => single::render(cx),
        ItemView::Multiple { .. } => multiple::render(cx),
        ItemView::TrueFalse { .. } => true_false::render(cx),
        ItemView::Ordering { .. } => ordering::render(cx),
        ItemView::Matching { .. } => matching::render(cx),
        ItemView::Scenario { .. } => scenario::render(cx),
    }
}
