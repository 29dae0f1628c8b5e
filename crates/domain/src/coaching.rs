//! On-the-job coaching: what a Level 1 course's coaching requirement asks
//! of the sessions logged about a learner.

use crate::facts::CoachingSession;
use mastery_types::{CourseId, Driver};
use std::collections::BTreeSet;

/// The drivers the learner's *acknowledged* sessions of a course rated
/// (a session awaiting a response, or disputed, counts for nothing).
pub fn acknowledged_drivers(sessions: &[CoachingSession], course: &CourseId) -> BTreeSet<Driver> {
    sessions
        .iter()
        .filter(|s| &s.course == course && s.acknowledged())
        .flat_map(|s| s.observations.iter().map(|o| o.driver))
        .collect()
}

/// Level 1's coaching requirement: acknowledged sessions of the course
/// that together cover all five drivers.
pub fn covers_all_drivers(sessions: &[CoachingSession], course: &CourseId) -> bool {
    acknowledged_drivers(sessions, course).len() == Driver::ALL.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::CoachingResponse;
    use chrono::{DateTime, NaiveDate, Utc};
    use mastery_types::{CoachingResponseKind, CoachingSetting, Observation, PersonId};
    use proptest::prelude::*;

    fn session(course: u8, response: u8, drivers: &[u8], at: i64) -> CoachingSession {
        let when = DateTime::<Utc>::from_timestamp(1_790_000_000 + at, 0).unwrap_or_default();
        CoachingSession {
            id: format!("s{at}"),
            coach: PersonId(uuid::Uuid::nil()),
            learner: PersonId(uuid::Uuid::nil()),
            course: CourseId(["clients-l1", "staff-l1"][usize::from(course % 2)].into()),
            pack_version: "1.0.0".into(),
            held_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
            duration_minutes: 30,
            setting: CoachingSetting::Counter,
            observations: drivers
                .iter()
                .map(|d| Observation {
                    driver: Driver::ALL[usize::from(*d) % Driver::ALL.len()],
                    rating: 3,
                    evidence: "seen at the counter".into(),
                })
                .collect(),
            next_steps: String::new(),
            recorded_at: when,
            response: match response % 3 {
                0 => None,
                1 => Some(CoachingResponse {
                    kind: CoachingResponseKind::Acknowledged,
                    comment: String::new(),
                    at: when,
                }),
                _ => Some(CoachingResponse {
                    kind: CoachingResponseKind::Disputed,
                    comment: "not me".into(),
                    at: when,
                }),
            },
        }
    }

    #[test]
    fn five_acknowledged_drivers_cover_the_requirement() {
        let course = CourseId("clients-l1".into());
        let all = [session(0, 1, &[0, 1, 2], 1), session(0, 1, &[3, 4], 2)];
        assert!(covers_all_drivers(&all, &course));
        let disputed = [session(0, 1, &[0, 1, 2], 1), session(0, 2, &[3, 4], 2)];
        assert!(!covers_all_drivers(&disputed, &course));
        let other_course = [session(0, 1, &[0, 1, 2], 1), session(1, 1, &[3, 4], 2)];
        assert!(!covers_all_drivers(&other_course, &course));
    }

    proptest! {
        /// The drivers a course's coaching covers are the union of its
        /// acknowledged sessions' drivers, whatever order the sessions
        /// come in; unanswered and disputed sessions count for nothing.
        #[test]
        fn coverage_is_the_union_of_acknowledged_sessions_in_any_order(
            raw in proptest::collection::vec(
                (0u8..2, 0u8..3, proptest::collection::vec(0u8..5, 0..5)), 0..12),
            rotate in 0usize..12,
        ) {
            let sessions: Vec<CoachingSession> = raw
                .iter()
                .enumerate()
                .map(|(i, (c, r, d))| session(*c, *r, d, i as i64))
                .collect();
            let course = CourseId("clients-l1".into());
            let expected: BTreeSet<Driver> = raw
                .iter()
                .filter(|(c, r, _)| c % 2 == 0 && r % 3 == 1)
                .flat_map(|(_, _, d)| d.iter().map(|x| Driver::ALL[usize::from(*x)]))
                .collect();
            prop_assert_eq!(&acknowledged_drivers(&sessions, &course), &expected);
            let mut shuffled = sessions.clone();
            shuffled.reverse();
            if !shuffled.is_empty() {
                let n = rotate % shuffled.len();
                shuffled.rotate_left(n);
            }
            prop_assert_eq!(acknowledged_drivers(&shuffled, &course), expected);
        }
    }
}
