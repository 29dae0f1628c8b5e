//! Whether a learner may start a course: open, completed, or locked behind
//! prerequisites they have not completed yet.

use mastery_types::{Availability, CourseId, CourseRef, LocalizedText};
use std::collections::BTreeSet;

/// What the rule needs to know about one course.
pub struct CourseRule<'a> {
    pub id: &'a CourseId,
    pub prerequisites: &'a [CourseId],
}

/// Availability of `course` for a learner who has completed `completed`.
/// `title_of` names the prerequisites in the answer so the UI can say which
/// course unlocks this one (asked only for the missing ones); an unknown prerequisite stays locked (a pack
/// with one is refused by the validator before it gets here).
pub fn availability(
    course: &CourseRule<'_>,
    completed: &BTreeSet<CourseId>,
    title_of: &dyn Fn(&CourseId) -> LocalizedText,
) -> Availability {
    if completed.contains(course.id) {
        return Availability::Completed;
    }
    let missing: Vec<CourseRef> = course
        .prerequisites
        .iter()
        .filter(|p| !completed.contains(*p))
        .map(|p| CourseRef {
            id: p.clone(),
            title: title_of(p),
        })
        .collect();
    if missing.is_empty() {
        Availability::Open
    } else {
        Availability::Locked { missing }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn ids(v: &[&str]) -> Vec<CourseId> {
        v.iter().map(|s| CourseId::from(*s)).collect()
    }

    #[test]
    fn cases() {
        let titles: BTreeMap<CourseId, LocalizedText> = BTreeMap::new();
        let title_of = |id: &CourseId| titles.get(id).cloned().unwrap_or_default();
        let l3 = CourseId::from("clients-l3");
        let prereq = ids(&["clients-l1", "clients-l2"]);
        let rule = CourseRule {
            id: &l3,
            prerequisites: &prereq,
        };
        let done = |v: &[&str]| ids(v).into_iter().collect::<BTreeSet<_>>();

        match availability(&rule, &done(&[]), &title_of) {
            Availability::Locked { missing } => {
                assert_eq!(
                    missing.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
                    ["clients-l1", "clients-l2"]
                )
            }
            other => panic!("{other:?}"),
        }
        match availability(&rule, &done(&["clients-l1"]), &title_of) {
            Availability::Locked { missing } => assert_eq!(missing.len(), 1),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            availability(&rule, &done(&["clients-l1", "clients-l2"]), &title_of),
            Availability::Open
        );
        assert_eq!(
            availability(&rule, &done(&["clients-l3"]), &title_of),
            Availability::Completed
        );
        let l1 = CourseId::from("clients-l1");
        let none: Vec<CourseId> = vec![];
        assert_eq!(
            availability(
                &CourseRule {
                    id: &l1,
                    prerequisites: &none
                },
                &done(&[]),
                &title_of
            ),
            Availability::Open
        );
    }
}
