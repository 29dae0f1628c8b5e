//! `checklists/<course>.toml`: what a coach watches for in a Level 1 course.

use super::{driver, each, named_after, unique, Langs, Text};
use crate::diagnostics::{Located, Problem};
use crate::model::{Checklist, ChecklistItem};
use crate::PackFiles;
use mastery_types::{CourseId, Driver};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    course: Spanned<String>,
    title: Text,
    intro: Text,
    #[serde(default)]
    items: Vec<RawChecklistItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklistItem {
    id: Spanned<String>,
    driver: Spanned<String>,
    text: Text,
}

pub(crate) fn checklists(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<(Checklist, Located)> {
    each(
        files,
        "checklists",
        problems,
        |cx, stem, raw: RawChecklist| {
            named_after(cx, stem, &raw.course, "the checklist of course");
            unique(cx, raw.items.iter().map(|i| &i.id), "checklist item");
            let mut items = Vec::new();
            for it in &raw.items {
                let d = driver(cx, &it.driver);
                let text = cx.text("text", &it.text, l.langs, l.draft);
                if let Some(driver) = d {
                    items.push(ChecklistItem {
                        id: it.id.get_ref().clone(),
                        driver,
                        text,
                    });
                }
            }
            for d in Driver::ALL {
                if !raw
                    .items
                    .iter()
                    .any(|i| Driver::parse(i.driver.get_ref()) == Some(d))
                {
                    cx.error_at(
                        raw.course.span().start,
                        format!("the checklist has no item for the driver {}", d.as_str()),
                    );
                }
            }
            let c = Checklist {
                course: CourseId(raw.course.get_ref().clone()),
                title: cx.text("title", &raw.title, l.langs, l.draft),
                intro: cx.text("intro", &raw.intro, l.langs, l.draft),
                items,
            };
            Some((c, Located::at(cx, raw.course.span().start)))
        },
    )
}
