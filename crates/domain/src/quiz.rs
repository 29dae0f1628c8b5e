//! The knowledge-check gate: how many attempts a learner has used, whether
//! they passed, whether an attempt is in progress, and whether (and when)
//! they may start another — the attempt policy of the pack applied to
//! their attempts.

use crate::facts::QuizAttempt;
use chrono::{DateTime, Duration, Utc};

/// A knowledge check's attempt policy, from the pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub max_attempts: u8,
    /// How long to wait after a failed attempt before the next one.
    pub wait_minutes: u32,
}

/// Where a learner stands on one knowledge check.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizGate {
    pub passed: bool,
    pub best_percent: Option<u8>,
    /// Submitted attempts (an attempt in progress does not count yet).
    pub used: u8,
    pub max_attempts: u8,
    /// The attempt started and not submitted, to resume.
    pub in_progress: Option<String>,
    /// After a failed attempt: not before this time.
    pub wait_until: Option<DateTime<Utc>>,
    /// The last submitted attempt (its result is read when shown).
    pub last_attempt: Option<String>,
}

/// Why a new attempt may not start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizRefusal {
    AlreadyPassed,
    NoAttemptsLeft { max: u8 },
    WaitUntil(DateTime<Utc>),
}

/// The gate for one learner on one check: `attempts` are theirs at that
/// check, oldest first.
pub fn gate(policy: Policy, attempts: &[&QuizAttempt], now: DateTime<Utc>) -> QuizGate {
    let submitted: Vec<&QuizAttempt> = attempts
        .iter()
        .copied()
        .filter(|a| a.submission.is_some())
        .collect();
    let last_attempt = submitted.last();
    let last = last_attempt.and_then(|a| a.submission.as_ref());
    QuizGate {
        passed: submitted.iter().any(|a| a.passed()),
        best_percent: submitted
            .iter()
            .filter_map(|a| a.submission.as_ref().map(|s| s.percent))
            .max(),
        used: u8::try_from(submitted.len()).unwrap_or(u8::MAX),
        max_attempts: policy.max_attempts,
        in_progress: attempts
            .iter()
            .find(|a| a.submission.is_none())
            .map(|a| a.id.clone()),
        wait_until: last
            .filter(|s| !s.passed)
            .map(|s| s.at + Duration::minutes(i64::from(policy.wait_minutes)))
            .filter(|t| *t > now),
        last_attempt: last_attempt.map(|a| a.id.clone()),
    }
}

impl QuizGate {
    /// May a new attempt start now? (Resuming the one in progress is
    /// always allowed.)
    pub fn may_start(&self) -> Result<(), QuizRefusal> {
        if self.passed {
            Err(QuizRefusal::AlreadyPassed)
        } else if self.used >= self.max_attempts {
            Err(QuizRefusal::NoAttemptsLeft {
                max: self.max_attempts,
            })
        } else if let Some(t) = self.wait_until {
            Err(QuizRefusal::WaitUntil(t))
        } else {
            Ok(())
        }
    }

    /// Is there something to do: resume, or start?
    pub fn can_start(&self) -> bool {
        self.in_progress.is_some() || self.may_start().is_ok()
    }

    /// Attempts left after the submitted ones.
    pub fn left(&self) -> u8 {
        self.max_attempts.saturating_sub(self.used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::QuizSubmission;
    use chrono::TimeZone;
    use mastery_types::{CourseId, PersonId};

    fn t(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 9, minute, 0)
            .single()
            .expect("time")
    }

    fn attempt(n: u8, submitted: Option<(u8, bool, u32)>) -> QuizAttempt {
        QuizAttempt {
            id: format!("a{n}"),
            person: PersonId(uuid::Uuid::nil()),
            course: CourseId("clients-l1".into()),
            pack_version: "1.0.0".into(),
            started_at: t(0),
            submission: submitted.map(|(percent, passed, at)| QuizSubmission {
                percent,
                passed,
                at: t(at),
            }),
        }
    }

    #[test]
    fn the_gate_follows_attempts_and_time() {
        let policy = Policy {
            max_attempts: 3,
            wait_minutes: 30,
        };
        use QuizRefusal::*;
        // (attempts, minute now, may start?, used, best)
        type Case = (
            Vec<QuizAttempt>,
            u32,
            Result<(), QuizRefusal>,
            u8,
            Option<u8>,
        );
        let cases: Vec<Case> = vec![
            (vec![], 0, Ok(()), 0, None),
            // Failed at 9:05: wait until 9:35.
            (
                vec![attempt(1, Some((60, false, 5)))],
                10,
                Err(WaitUntil(t(35))),
                1,
                Some(60),
            ),
            (
                vec![attempt(1, Some((60, false, 5)))],
                35,
                Ok(()),
                1,
                Some(60),
            ),
            (
                vec![
                    attempt(1, Some((60, false, 5))),
                    attempt(2, Some((85, true, 40))),
                ],
                41,
                Err(AlreadyPassed),
                2,
                Some(85),
            ),
            (
                vec![
                    attempt(1, Some((60, false, 1))),
                    attempt(2, Some((70, false, 2))),
                    attempt(3, Some((75, false, 3))),
                ],
                59,
                Err(NoAttemptsLeft { max: 3 }),
                3,
                Some(75),
            ),
        ];
        for (attempts, minute, want, used, best) in cases {
            let g = gate(policy, &attempts.iter().collect::<Vec<_>>(), t(minute));
            assert_eq!(g.may_start(), want, "{attempts:?} at {minute}");
            assert_eq!((g.used, g.best_percent), (used, best));
        }
        // An attempt in progress is resumed, whatever the gate says.
        let g = gate(
            policy,
            &[&attempt(1, Some((60, false, 5))), &attempt(2, None)],
            t(6),
        );
        assert_eq!(g.in_progress.as_deref(), Some("a2"));
        assert!(g.can_start());
        assert_eq!(g.left(), 2);
    }
}
