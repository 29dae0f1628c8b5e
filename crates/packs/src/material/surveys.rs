//! `surveys/<id>.toml`: the post-class feedback survey.

use super::{driver, each, named_after, unique, Langs, Text};
use crate::diagnostics::Problem;
use crate::model::{Question, QuestionKind, Step, Survey};
use crate::PackFiles;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    id: Spanned<String>,
    title: Text,
    intro: Text,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    #[serde(default)]
    required: bool,
    driver: Option<Spanned<String>>,
    text: Text,
    #[serde(default)]
    options: Vec<RawOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: Spanned<String>,
    text: Text,
}

pub(crate) fn surveys(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Survey> {
    each(files, "surveys", problems, |cx, stem, raw: RawSurvey| {
        named_after(cx, stem, &raw.id, "survey");
        unique(cx, raw.questions.iter().map(|q| &q.id), "question");
        if raw.questions.is_empty() {
            cx.error_at(raw.id.span().start, "the survey has no questions".into());
        }
        let mut questions = Vec::new();
        for q in &raw.questions {
            let qid = q.id.get_ref();
            unique(cx, q.options.iter().map(|o| &o.id), "option");
            let options: Vec<Step> = q
                .options
                .iter()
                .map(|o| Step {
                    id: o.id.get_ref().clone(),
                    text: cx.text("text", &o.text, l.langs, l.draft),
                })
                .collect();
            let takes_options = matches!(q.kind.get_ref().as_str(), "single" | "multiple");
            if takes_options && options.len() < 2 {
                cx.error_at(
                    q.id.span().start,
                    format!("question {qid:?} needs at least two options"),
                );
            }
            if !takes_options && !options.is_empty() {
                cx.error_at(
                    q.id.span().start,
                    format!(
                        "question {qid:?} is of type {:?}, which has no options",
                        q.kind.get_ref()
                    ),
                );
            }
            let kind = match q.kind.get_ref().as_str() {
                "likert" => QuestionKind::Likert,
                "recommend" => QuestionKind::Recommend,
                "single" => QuestionKind::Single { options },
                "multiple" => QuestionKind::Multiple { options },
                "text" => QuestionKind::Text,
                other => {
                    cx.error_at(
                        q.kind.span().start,
                        format!(
                            "unknown question type {other:?} (likert, recommend, single, multiple or text)"
                        ),
                    );
                    continue;
                }
            };
            let driver = q.driver.as_ref().and_then(|d| driver(cx, d));
            questions.push(Question {
                id: qid.clone(),
                required: q.required,
                driver,
                text: cx.text("text", &q.text, l.langs, l.draft),
                kind,
            });
        }
        Some(Survey {
            id: raw.id.get_ref().clone(),
            title: cx.text("title", &raw.title, l.langs, l.draft),
            intro: cx.text("intro", &raw.intro, l.langs, l.draft),
            questions,
        })
    })
}
