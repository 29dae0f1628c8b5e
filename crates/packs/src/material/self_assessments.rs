//! `self-assessments/<id>.toml`: the communication-style self-assessment.

use super::{each, named_after, ranged, unique, Langs, Text};
use crate::diagnostics::Problem;
use crate::model::{Profile, Scale, SelfAssessment, Statement};
use crate::PackFiles;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelfAssessment {
    id: Spanned<String>,
    title: Text,
    intro: Text,
    scale: RawScale,
    #[serde(default)]
    profiles: Vec<RawProfile>,
    #[serde(default)]
    statements: Vec<RawStatement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: Spanned<i64>,
    max: Spanned<i64>,
    low: Text,
    high: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: Spanned<String>,
    title: Text,
    description: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    id: Spanned<String>,
    profile: Spanned<String>,
    text: Text,
}

pub(crate) fn self_assessments(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<SelfAssessment> {
    each(
        files,
        "self-assessments",
        problems,
        |cx, stem, raw: RawSelfAssessment| {
            named_after(cx, stem, &raw.id, "self-assessment");
            unique(cx, raw.profiles.iter().map(|p| &p.id), "profile");
            unique(cx, raw.statements.iter().map(|s| &s.id), "statement");
            let min = ranged::<u8>(cx, &raw.scale.min, "scale.min", 0..=10);
            let max = ranged::<u8>(cx, &raw.scale.max, "scale.max", 1..=10);
            if let (Some(a), Some(b)) = (min, max) {
                if a >= b {
                    cx.error_at(
                        raw.scale.max.span().start,
                        format!("scale.max ({b}) must be greater than scale.min ({a})"),
                    );
                }
            }
            if raw.profiles.len() < 2 {
                cx.error_at(
                    raw.id.span().start,
                    "a self-assessment needs at least two profiles".into(),
                );
            }
            let mut profiles = Vec::new();
            for p in &raw.profiles {
                let count = raw
                    .statements
                    .iter()
                    .filter(|s| s.profile.get_ref() == p.id.get_ref())
                    .count();
                if count < 3 {
                    cx.error_at(
                    p.id.span().start,
                    format!(
                        "profile {:?} has {count} statement(s); it needs at least 3 to be scored fairly",
                        p.id.get_ref()
                    ),
                );
                }
                profiles.push(Profile {
                    id: p.id.get_ref().clone(),
                    title: cx.text("title", &p.title, l.langs, l.draft),
                    description: cx.text("description", &p.description, l.langs, l.draft),
                });
            }
            let mut statements = Vec::new();
            for s in &raw.statements {
                if !raw
                    .profiles
                    .iter()
                    .any(|p| p.id.get_ref() == s.profile.get_ref())
                {
                    cx.error_at(
                    s.profile.span().start,
                    format!(
                        "statement {:?} scores toward {:?}, which is not a profile of this self-assessment",
                        s.id.get_ref(),
                        s.profile.get_ref()
                    ),
                );
                }
                statements.push(Statement {
                    id: s.id.get_ref().clone(),
                    profile: s.profile.get_ref().clone(),
                    text: cx.text("text", &s.text, l.langs, l.draft),
                });
            }
            let scale = Scale {
                min: min?,
                max: max?,
                low: cx.text("scale.low", &raw.scale.low, l.langs, l.draft),
                high: cx.text("scale.high", &raw.scale.high, l.langs, l.draft),
            };
            Some(SelfAssessment {
                id: raw.id.get_ref().clone(),
                title: cx.text("title", &raw.title, l.langs, l.draft),
                intro: cx.text("intro", &raw.intro, l.langs, l.draft),
                scale,
                profiles,
                statements,
            })
        },
    )
}
