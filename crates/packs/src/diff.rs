//! What changed between two versions of a pack: every course, lesson,
//! item, rubric criterion, checklist item, survey question… added, removed
//! or changed, keyed by what a designer calls it.

use crate::Pack;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// One difference: `what` is the kind of thing (`course`, `lesson`,
/// `quiz item`…), `id` which one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Difference {
    pub what: &'static str,
    pub id: String,
    pub change: Change,
}

type Parts = BTreeMap<(&'static str, String), serde_json::Value>;

fn json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// The comparable parts of a pack: small enough that a change points at
/// one thing, big enough to be meaningful.
fn parts(p: &Pack) -> Parts {
    let mut out = Parts::new();
    out.insert(
        ("pack", "title and summary".into()),
        json(&(&p.title, &p.summary)),
    );
    for t in &p.tracks {
        out.insert(("track", t.track.to_string()), json(t));
    }
    for c in &p.courses {
        out.insert(("course", c.id.0.clone()), json(c));
    }
    for l in &p.lessons {
        out.insert(("lesson", l.id.clone()), json(l));
    }
    for q in &p.quizzes {
        let settings = (
            &q.title,
            q.pass_mark,
            q.max_attempts,
            q.wait_minutes_between_attempts,
        );
        out.insert(("knowledge check", q.course.0.clone()), json(&settings));
        for i in &q.items {
            out.insert(("quiz item", format!("{}/{}", q.course.0, i.id)), json(i));
        }
    }
    for c in &p.checklists {
        out.insert(
            ("checklist", c.course.0.clone()),
            json(&(&c.title, &c.intro)),
        );
        for i in &c.items {
            out.insert(
                ("checklist item", format!("{}/{}", c.course.0, i.id)),
                json(i),
            );
        }
    }
    for s in &p.self_assessments {
        out.insert(
            ("self-assessment", s.id.clone()),
            json(&(&s.title, &s.intro, &s.scale)),
        );
        for x in &s.profiles {
            out.insert(("profile", format!("{}/{}", s.id, x.id)), json(x));
        }
        for x in &s.statements {
            out.insert(("statement", format!("{}/{}", s.id, x.id)), json(x));
        }
    }
    for r in &p.rubrics {
        out.insert(
            ("rubric", r.id.clone()),
            json(&(&r.title, r.min_total_percent, r.min_each)),
        );
        for c in &r.criteria {
            out.insert(("rubric criterion", format!("{}/{}", r.id, c.id)), json(c));
        }
    }
    for a in &p.assignments {
        for x in &a.assignments {
            out.insert(("assignment", format!("{}/{}", a.course.0, x.id)), json(x));
        }
        if let Some(t) = &a.team_synthesis {
            out.insert(("team synthesis", a.course.0.clone()), json(t));
        }
    }
    for e in &p.exams {
        out.insert(("exam", e.course.0.clone()), json(e));
    }
    for s in &p.surveys {
        out.insert(("survey", s.id.clone()), json(&(&s.title, &s.intro)));
        for q in &s.questions {
            out.insert(("survey question", format!("{}/{}", s.id, q.id)), json(q));
        }
    }
    for (path, data) in &p.images {
        out.insert(("picture", path.clone()), json(data));
    }
    out
}

/// Differences from `old` to `new`, sorted by kind and id.
pub fn diff(old: &Pack, new: &Pack) -> Vec<Difference> {
    let (a, b) = (parts(old), parts(new));
    let mut out = Vec::new();
    for ((what, id), v) in &a {
        match b.get(&(*what, id.clone())) {
            None => out.push(Difference {
                what,
                id: id.clone(),
                change: Change::Removed,
            }),
            Some(w) if w != v => out.push(Difference {
                what,
                id: id.clone(),
                change: Change::Changed,
            }),
            Some(_) => {}
        }
    }
    for (what, id) in b.keys() {
        if !a.contains_key(&(*what, id.clone())) {
            out.push(Difference {
                what,
                id: id.clone(),
                change: Change::Added,
            });
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_equals_itself_and_edits_are_named() {
        let old = crate::shipped().expect("shipped");
        assert_eq!(diff(&old, &old), vec![]);
        let mut new = old.clone();
        new.lessons[0].title.0.insert("en".into(), "Changed".into());
        let removed = new.quizzes[1].items.pop().expect("an item");
        new.courses[0].modules.clear();
        let d = diff(&old, &new);
        assert_eq!(d.len(), 3, "{d:#?}");
        assert!(d.contains(&Difference {
            what: "lesson",
            id: old.lessons[0].id.clone(),
            change: Change::Changed
        }));
        assert!(d.contains(&Difference {
            what: "quiz item",
            id: format!("{}/{}", old.quizzes[1].course.0, removed.id),
            change: Change::Removed
        }));
        assert_eq!(
            diff(&new, &old)
                .iter()
                .filter(|x| x.change == Change::Added)
                .count(),
            1
        );
    }
}
