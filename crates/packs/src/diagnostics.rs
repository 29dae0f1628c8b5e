//! Problems with a pack, each located at its file and line and worded for a
//! course designer, and the helpers every parser uses to report them.

use mastery_types::LocalizedText;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a pack, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// 1-based; `None` when the problem is about the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(l) => write!(f, "{}:{l}: {sev}: {}", self.file, self.message),
            None => write!(f, "{}: {sev}: {}", self.file, self.message),
        }
    }
}

pub(crate) struct Ctx<'a> {
    pub(crate) file: &'a str,
    pub(crate) text: &'a str,
    pub(crate) problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.text
            .get(..offset)
            .map_or(1, |s| s.matches('\n').count() + 1)
    }
    fn push(&mut self, severity: Severity, offset: usize, message: String) {
        let line = Some(self.line(offset));
        self.problems.push(Problem {
            severity,
            file: self.file.to_owned(),
            line,
            message,
        });
    }
    pub(crate) fn error_at(&mut self, offset: usize, message: String) {
        self.push(Severity::Error, offset, message);
    }
    pub(crate) fn warn_at(&mut self, offset: usize, message: String) {
        self.push(Severity::Warning, offset, message);
    }
    /// Checks that a text has every pack language. Missing translations are
    /// errors when publishing, warnings in a draft.
    pub(crate) fn text(
        &mut self,
        field: &str,
        t: &Spanned<BTreeMap<String, String>>,
        langs: &[String],
        draft: bool,
    ) -> LocalizedText {
        for lang in langs {
            if t.get_ref().get(lang).is_none_or(|s| s.trim().is_empty()) {
                let msg = format!("`{field}` has no {lang} text (the pack declares {lang})");
                if draft {
                    self.warn_at(t.span().start, msg);
                } else {
                    self.error_at(t.span().start, msg);
                }
            }
        }
        LocalizedText(t.get_ref().clone())
    }
}

pub(crate) fn parse_toml<T: for<'de> Deserialize<'de>>(
    file: &str,
    bytes: &[u8],
    problems: &mut Vec<Problem>,
) -> Option<(T, String)> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_owned(),
        Err(e) => {
            problems.push(Problem {
                severity: Severity::Error,
                file: file.to_owned(),
                line: None,
                message: format!("not UTF-8 text ({e})"),
            });
            return None;
        }
    };
    match toml::from_str::<T>(&text) {
        Ok(v) => Some((v, text)),
        Err(e) => {
            let line = e.span().map(|s| {
                text.get(..s.start)
                    .map_or(1, |p| p.matches('\n').count() + 1)
            });
            problems.push(Problem {
                severity: Severity::Error,
                file: file.to_owned(),
                line,
                message: e.message().trim().to_owned(),
            });
            None
        }
    }
}

/// 1-based line numbers of byte offsets in a text, found by binary search
/// in the offsets of its line starts (computed once), so reporting many
/// problems stays linear.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Where a reference to another file was made, for cross-file problems.
#[derive(Clone, Debug)]
pub(crate) struct Located {
    file: String,
    line: usize,
}

impl Located {
    pub(crate) fn at(cx: &Ctx<'_>, offset: usize) -> Located {
        Located {
            file: cx.file.to_owned(),
            line: cx.line(offset),
        }
    }
    pub(crate) fn error(&self, problems: &mut Vec<Problem>, message: String) {
        self.push(problems, Severity::Error, message);
    }
    pub(crate) fn push(&self, problems: &mut Vec<Problem>, severity: Severity, message: String) {
        problems.push(Problem {
            severity,
            file: self.file.clone(),
            line: Some(self.line),
            message,
        });
    }
}
