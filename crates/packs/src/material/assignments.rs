//! `assignments/<course>.toml`: Level 2 assignments and the team synthesis.

use super::{each, named_after, ranged, unique, Langs, Text};
use crate::diagnostics::{Located, Problem};
use crate::model::{Assignment, CourseAssignments, TeamSynthesis};
use crate::PackFiles;
use mastery_types::CourseId;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssignments {
    course: Spanned<String>,
    max_attachment_mb: Spanned<i64>,
    #[serde(default)]
    assignments: Vec<RawAssignment>,
    team_synthesis: Option<RawSynthesis>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssignment {
    id: Spanned<String>,
    rubric: Spanned<String>,
    title: Text,
    brief: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynthesis {
    id: Spanned<String>,
    rubric: Spanned<String>,
    min_members: Spanned<i64>,
    max_members: Spanned<i64>,
    title: Text,
    brief: Text,
}

/// A rubric named somewhere, to be checked once all rubrics are known.
pub(crate) type RubricRef = (String, Located);

pub(crate) fn assignments(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<(CourseAssignments, Located, Vec<RubricRef>)> {
    each(
        files,
        "assignments",
        problems,
        |cx, stem, raw: RawAssignments| {
            named_after(cx, stem, &raw.course, "the assignments of course");
            let mut ids: Vec<&Spanned<String>> = raw.assignments.iter().map(|a| &a.id).collect();
            ids.extend(raw.team_synthesis.as_ref().map(|t| &t.id));
            unique(cx, ids.into_iter(), "assignment");
            let mb = ranged::<u8>(cx, &raw.max_attachment_mb, "max_attachment_mb", 1..=50);
            if raw.assignments.is_empty() && raw.team_synthesis.is_none() {
                cx.error_at(
                    raw.course.span().start,
                    "the file has neither an assignment nor a team synthesis".into(),
                );
            }
            let mut refs = Vec::new();
            let mut list = Vec::new();
            for a in &raw.assignments {
                refs.push((
                    a.rubric.get_ref().clone(),
                    Located::at(cx, a.rubric.span().start),
                ));
                list.push(Assignment {
                    id: a.id.get_ref().clone(),
                    rubric: a.rubric.get_ref().clone(),
                    title: cx.text("title", &a.title, l.langs, l.draft),
                    brief: cx.text("brief", &a.brief, l.langs, l.draft),
                });
            }
            let mut synthesis = None;
            if let Some(t) = &raw.team_synthesis {
                refs.push((
                    t.rubric.get_ref().clone(),
                    Located::at(cx, t.rubric.span().start),
                ));
                let min = ranged::<u8>(cx, &t.min_members, "min_members", 2..=20);
                let max = ranged::<u8>(cx, &t.max_members, "max_members", 2..=20);
                if let (Some(a), Some(b)) = (min, max) {
                    if a > b {
                        cx.error_at(
                            t.max_members.span().start,
                            format!("max_members ({b}) is smaller than min_members ({a})"),
                        );
                    }
                }
                let title = cx.text("title", &t.title, l.langs, l.draft);
                let brief = cx.text("brief", &t.brief, l.langs, l.draft);
                if let (Some(min_members), Some(max_members)) = (min, max) {
                    synthesis = Some(TeamSynthesis {
                        id: t.id.get_ref().clone(),
                        rubric: t.rubric.get_ref().clone(),
                        min_members,
                        max_members,
                        title,
                        brief,
                    });
                }
            }
            let located = Located::at(cx, raw.course.span().start);
            Some((
                CourseAssignments {
                    course: CourseId(raw.course.get_ref().clone()),
                    max_attachment_mb: mb?,
                    assignments: list,
                    team_synthesis: synthesis,
                },
                located,
                refs,
            ))
        },
    )
}
