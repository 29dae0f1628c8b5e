//! What one file of a pack says about another: courses named by checklists,
//! assignments and exams; rubrics, surveys and self-assessments named by
//! courses; exam pools; each course's completion rule against the material
//! it has; modules against lessons; pictures against images/.

use crate::diagnostics::{Problem, Severity};
use crate::material::{CourseRefs, Material};
use crate::{Pack, PackCourse};
use mastery_types::{CourseId, MasteryLevel};
use std::collections::{BTreeMap, BTreeSet};

/// Checks what one file says about another. `pack` holds the courses,
/// lessons and knowledge checks; `m` the rest, not yet moved into it.
pub(crate) fn check(
    pack: &Pack,
    m: &Material,
    courses: &[CourseRefs],
    problems: &mut Vec<Problem>,
) {
    let level_of = |id: &CourseId| courses.iter().find(|c| &c.id == id).map(|c| c.level);
    courses_named(m, &level_of, problems);
    let used = rubrics_named(m, problems);
    exam_pools(pack, m, &level_of, problems);
    for r in &m.rubrics {
        if !used.contains(&r.id) {
            problems.push(Problem {
                severity: Severity::Warning,
                file: format!("rubrics/{}.toml", r.id),
                line: None,
                message: format!("rubric {:?} is not used by any assignment or exam", r.id),
            });
        }
    }
    for c in courses {
        files_named_by_course(m, c, problems);
        let Some(course) = pack.courses.iter().find(|x| x.id == c.id) else {
            continue;
        };
        completion_has_material(pack, m, c, course, problems);
        modules_hold_each_lesson_once(pack, c, course, problems);
    }
    pictures(pack, m, problems);
}

/// Checklists, assignments and exams name a course of the pack; checklists
/// a Level 1 one.
fn courses_named(
    m: &Material,
    level_of: &dyn Fn(&CourseId) -> Option<MasteryLevel>,
    problems: &mut Vec<Problem>,
) {
    for (c, at) in &m.checklists {
        match level_of(&c.course) {
            None => at.error(
                problems,
                format!("course {:?} is not a course of this pack", c.course.0),
            ),
            Some(l) if l != MasteryLevel::ALL[0] => at.push(
                problems,
                Severity::Warning,
                format!(
                    "coaching checklists belong to Level 1 courses; {} is Level {}",
                    c.course.0,
                    l.get()
                ),
            ),
            Some(_) => {}
        }
    }
    for (a, at, _) in &m.assignments {
        if level_of(&a.course).is_none() {
            at.error(
                problems,
                format!("course {:?} is not a course of this pack", a.course.0),
            );
        }
    }
    for e in &m.exams {
        if level_of(&e.exam.course).is_none() {
            e.at.error(
                problems,
                format!("course {:?} is not a course of this pack", e.exam.course.0),
            );
        }
    }
}

/// Every rubric an assignment or exam names exists; returns the ids used.
fn rubrics_named(m: &Material, problems: &mut Vec<Problem>) -> BTreeSet<String> {
    let known: BTreeSet<&str> = m.rubrics.iter().map(|r| r.id.as_str()).collect();
    let named = m
        .assignments
        .iter()
        .flat_map(|(_, _, refs)| refs.iter())
        .chain(m.exams.iter().map(|e| &e.rubric));
    let mut used = BTreeSet::new();
    for (id, at) in named {
        if !known.contains(id.as_str()) {
            at.error(
                problems,
                format!("rubric {id:?} is not in rubrics/ (rubrics/{id}.toml)"),
            );
        }
        used.insert(id.clone());
    }
    used
}

/// An exam's pool courses have knowledge checks holding enough items of
/// each driver for its blueprint.
fn exam_pools(
    pack: &Pack,
    m: &Material,
    level_of: &dyn Fn(&CourseId) -> Option<MasteryLevel>,
    problems: &mut Vec<Problem>,
) {
    for e in &m.exams {
        let mut pool_items = Vec::new();
        for (course, at) in &e.pool {
            match pack.quiz_of(course) {
                Some(q) => pool_items.extend(q.items.iter()),
                None if level_of(course).is_none() => at.error(
                    problems,
                    format!("pool course {:?} is not a course of this pack", course.0),
                ),
                None => at.error(
                    problems,
                    format!(
                        "pool course {:?} has no knowledge check to draw from",
                        course.0
                    ),
                ),
            }
        }
        let mut total = 0usize;
        for (d, n) in &e.exam.blueprint {
            let have = pool_items.iter().filter(|i| i.drivers.contains(d)).count();
            total += usize::from(*n);
            if have < usize::from(*n) {
                e.at.error(
                    problems,
                    format!(
                        "the blueprint asks for {n} {} item(s) but the pool has only {have}",
                        d.as_str()
                    ),
                );
            }
        }
        if !pool_items.is_empty() && total > pool_items.len() {
            e.at.error(
                problems,
                format!(
                    "the blueprint asks for {total} items but the pool has only {}",
                    pool_items.len()
                ),
            );
        }
    }
}

/// The survey and self-assessment a course names exist.
fn files_named_by_course(m: &Material, c: &CourseRefs, problems: &mut Vec<Problem>) {
    if let Some((id, at)) = &c.survey {
        if !m.surveys.iter().any(|s| &s.id == id) {
            at.error(
                problems,
                format!("survey {id:?} is not in surveys/ (surveys/{id}.toml)"),
            );
        }
    }
    if let Some((id, at)) = &c.self_assessment {
        if !m.self_assessments.iter().any(|s| &s.id == id) {
            at.error(
                problems,
                format!(
                    "self-assessment {id:?} is not in self-assessments/ (self-assessments/{id}.toml)"
                ),
            );
        }
    }
}

/// Each requirement of a course's completion rule has the material it
/// needs; a course without a survey is warned about.
fn completion_has_material(
    pack: &Pack,
    m: &Material,
    c: &CourseRefs,
    course: &PackCourse,
    problems: &mut Vec<Problem>,
) {
    let done = course.completion;
    let needs = [
        (
            done.knowledge_check,
            pack.quiz_of(&c.id).is_some(),
            "knowledge_check",
            "a knowledge check (quizzes/)",
        ),
        (
            done.coaching,
            m.checklists.iter().any(|(x, _)| x.course == c.id),
            "coaching",
            "a coaching checklist (checklists/)",
        ),
        (
            done.self_assessment,
            course.self_assessment.is_some(),
            "self_assessment",
            "a `self_assessment`",
        ),
        (
            done.assignments,
            m.assignments
                .iter()
                .any(|(x, _, _)| x.course == c.id && !x.assignments.is_empty()),
            "assignments",
            "assignments (assignments/)",
        ),
        (
            done.team_synthesis,
            m.assignments
                .iter()
                .any(|(x, _, _)| x.course == c.id && x.team_synthesis.is_some()),
            "team_synthesis",
            "a [team_synthesis] (assignments/)",
        ),
        (
            done.validation_exam || done.observation || done.portfolio,
            m.exams.iter().any(|e| e.exam.course == c.id),
            "validation_exam/observation/portfolio",
            "an exam file (exams/)",
        ),
        (
            done.lessons,
            pack.lessons.iter().any(|l| l.course == c.id),
            "lessons",
            "lessons",
        ),
    ];
    for (required, present, rule, what) in needs {
        if required && !present {
            c.at.error(
                problems,
                format!(
                    "completion requires {rule} but course {} has no {what}",
                    c.id.0
                ),
            );
        }
    }
    if course.survey.is_none() {
        c.at.push(
            problems,
            Severity::Warning,
            format!(
                "course {} asks no post-class survey (add `survey = \"…\"`)",
                c.id.0
            ),
        );
    }
}

/// When a course has modules, each of its lessons is in exactly one.
fn modules_hold_each_lesson_once(
    pack: &Pack,
    c: &CourseRefs,
    course: &PackCourse,
    problems: &mut Vec<Problem>,
) {
    if course.modules.is_empty() {
        return;
    }
    let lessons: Vec<&str> = pack
        .lessons
        .iter()
        .filter(|l| l.course == c.id)
        .map(|l| l.id.as_str())
        .collect();
    let mut seen = BTreeMap::new();
    for (module, lessons_at) in &c.modules {
        for (name, at) in lessons_at {
            let lesson = format!("{}/{name}", c.id.0);
            if !lessons.contains(&lesson.as_str()) {
                at.error(
                    problems,
                    format!(
                        "module {module:?} lists lesson {name:?}, which is not in lessons/{}/",
                        c.id.0
                    ),
                );
            } else if let Some(other) = seen.insert(lesson, module.clone()) {
                at.error(
                    problems,
                    format!("lesson {name:?} is in module {other:?} and again in {module:?}"),
                );
            }
        }
    }
    for l in lessons {
        if !seen.contains_key(l) {
            c.at.error(problems, format!("lesson {:?} is in no module", at_name(l)));
        }
    }
}

/// Every picture a lesson shows is in images/; unused ones are noise.
fn pictures(pack: &Pack, m: &Material, problems: &mut Vec<Problem>) {
    let mut shown = BTreeSet::new();
    for lesson in &pack.lessons {
        for (lang, md) in &lesson.markdown.0 {
            for (src, line) in crate::markdown::image_sources(md) {
                let file = format!("lessons/{}.{lang}.md", lesson.id);
                // +1: the title line precedes the body.
                let line = Some(line + 1);
                if src.contains("://") || src.starts_with("data:") {
                    problems.push(Problem {
                        severity: Severity::Error,
                        file,
                        line,
                        message: format!("picture {src:?} is not in the pack; put it in images/ and write images/<name>"),
                    });
                } else if !m.images.contains_key(&src) {
                    problems.push(Problem {
                        severity: Severity::Error,
                        file,
                        line,
                        message: format!("picture {src:?} not found in the pack"),
                    });
                } else {
                    shown.insert(src);
                }
            }
        }
    }
    for path in m.images.keys().filter(|p| !shown.contains(*p)) {
        problems.push(Problem {
            severity: Severity::Warning,
            file: path.clone(),
            line: None,
            message: "no lesson shows this picture".into(),
        });
    }
}

/// `NN-slug` of a lesson id `course/NN-slug`.
fn at_name(lesson: &str) -> &str {
    lesson.rsplit_once('/').map_or(lesson, |(_, n)| n)
}
