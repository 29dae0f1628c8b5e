//! Classes: in-class sessions of a course. Who holds a seat and who waits
//! is derived from the enrolment facts in time order (the first `capacity`
//! people enrolled hold the seats; a withdrawal frees a seat for the first
//! person waiting); what may be done to a class when.

use chrono::{DateTime, Duration, Utc};
use mastery_types::PersonId;

/// The longest a class may run.
pub const MAX_HOURS: i64 = 12;

/// How long after its end a class stays among the classes one runs, so
/// that attendance can be taken after it.
pub const ATTENDANCE_AFTER_DAYS: i64 = 14;

/// One enrolment fact: a person enrolled, or withdrew.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrolment {
    pub person: PersonId,
    pub enrolled: bool,
    pub at: DateTime<Utc>,
}

/// A class as the rules need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassFacts {
    pub capacity: u32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub cancelled: bool,
    /// Oldest first.
    pub enrolments: Vec<Enrolment>,
}

/// Who holds a seat, and who waits (in order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    pub enrolled: Vec<PersonId>,
    pub waiting: Vec<PersonId>,
}

impl Roster {
    pub fn holds_seat(&self, p: PersonId) -> bool {
        self.enrolled.contains(&p)
    }
    pub fn includes(&self, p: PersonId) -> bool {
        self.enrolled.contains(&p) || self.waiting.contains(&p)
    }
}

/// Why something cannot be done to a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassRefusal {
    NoCapacity,
    InThePast,
    EndsBeforeStart,
    TooLong,
    Cancelled,
    AlreadyStarted,
    NotStarted,
    AlreadyEnrolled,
    NotEnrolled,
}

/// The seats and the waiting list, from the enrolment facts.
pub fn roster(f: &ClassFacts) -> Roster {
    let mut order: Vec<PersonId> = Vec::new();
    for e in &f.enrolments {
        if e.enrolled {
            if !order.contains(&e.person) {
                order.push(e.person);
            }
        } else {
            order.retain(|p| *p != e.person);
        }
    }
    let seats = usize::try_from(f.capacity)
        .unwrap_or(usize::MAX)
        .min(order.len());
    let waiting = order.split_off(seats);
    Roster {
        enrolled: order,
        waiting,
    }
}

/// A new class: in the future, ending after it starts, within a day's
/// session, with at least one seat.
pub fn check_new(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    capacity: u32,
    now: DateTime<Utc>,
) -> Result<(), ClassRefusal> {
    if capacity == 0 {
        return Err(ClassRefusal::NoCapacity);
    }
    if starts_at <= now {
        return Err(ClassRefusal::InThePast);
    }
    if ends_at <= starts_at {
        return Err(ClassRefusal::EndsBeforeStart);
    }
    if ends_at - starts_at > Duration::hours(MAX_HOURS) {
        return Err(ClassRefusal::TooLong);
    }
    Ok(())
}

fn open_for_changes(f: &ClassFacts, now: DateTime<Utc>) -> Result<(), ClassRefusal> {
    if f.cancelled {
        return Err(ClassRefusal::Cancelled);
    }
    if now >= f.starts_at {
        return Err(ClassRefusal::AlreadyStarted);
    }
    Ok(())
}

/// A person may enrol (or be invited) until the class starts, once.
pub fn may_enrol(f: &ClassFacts, person: PersonId, now: DateTime<Utc>) -> Result<(), ClassRefusal> {
    open_for_changes(f, now)?;
    if roster(f).includes(person) {
        return Err(ClassRefusal::AlreadyEnrolled);
    }
    Ok(())
}

/// A person may withdraw before the class starts.
pub fn may_withdraw(
    f: &ClassFacts,
    person: PersonId,
    now: DateTime<Utc>,
) -> Result<(), ClassRefusal> {
    open_for_changes(f, now)?;
    if !roster(f).includes(person) {
        return Err(ClassRefusal::NotEnrolled);
    }
    Ok(())
}

/// A class may be cancelled until it starts.
pub fn may_cancel(f: &ClassFacts, now: DateTime<Utc>) -> Result<(), ClassRefusal> {
    open_for_changes(f, now)
}

/// Attendance is taken for a seat holder, once the class has started.
pub fn may_mark_attendance(
    f: &ClassFacts,
    person: PersonId,
    now: DateTime<Utc>,
) -> Result<(), ClassRefusal> {
    if f.cancelled {
        return Err(ClassRefusal::Cancelled);
    }
    if now < f.starts_at {
        return Err(ClassRefusal::NotStarted);
    }
    if !roster(f).holds_seat(person) {
        return Err(ClassRefusal::NotEnrolled);
    }
    Ok(())
}

/// How long a survey stays open after its class ends (or after the
/// course was completed online): answers after that are refused.
pub const SURVEY_OPEN_DAYS: i64 = 30;

/// Whether a survey asked at `ended_at` (the class's end, or the online
/// completion) may be answered at `now`.
pub fn survey_open(ended_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= ended_at && now < ended_at + Duration::days(SURVEY_OPEN_DAYS)
}

/// An attendee is asked the course's survey once the class has ended,
/// until they answer or decline, or it closes.
pub fn survey_due(
    f: &ClassFacts,
    attended: bool,
    answered_or_declined: bool,
    now: DateTime<Utc>,
) -> bool {
    !f.cancelled && attended && survey_open(f.ends_at, now) && !answered_or_declined
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 10, h, 0, 0)
            .single()
            .expect("time")
    }

    fn p(n: u128) -> PersonId {
        PersonId(uuid::Uuid::from_u128(n))
    }

    fn class(capacity: u32, events: &[(u128, bool)]) -> ClassFacts {
        ClassFacts {
            capacity,
            starts_at: t(13),
            ends_at: t(16),
            cancelled: false,
            enrolments: events
                .iter()
                .enumerate()
                .map(|(i, (n, e))| Enrolment {
                    person: p(*n),
                    enrolled: *e,
                    at: t(1) + Duration::minutes(i as i64),
                })
                .collect(),
        }
    }

    #[test]
    fn seats_go_in_order_and_a_withdrawal_frees_one_for_the_first_waiting() {
        let c = class(2, &[(1, true), (2, true), (3, true), (4, true)]);
        assert_eq!(
            roster(&c),
            Roster {
                enrolled: vec![p(1), p(2)],
                waiting: vec![p(3), p(4)]
            }
        );
        let c = class(2, &[(1, true), (2, true), (3, true), (4, true), (1, false)]);
        assert_eq!(
            roster(&c),
            Roster {
                enrolled: vec![p(2), p(3)],
                waiting: vec![p(4)]
            }
        );
        // Enrolling again after withdrawing goes to the back.
        let c = class(2, &[(1, true), (2, true), (1, false), (3, true), (1, true)]);
        assert_eq!(
            roster(&c),
            Roster {
                enrolled: vec![p(2), p(3)],
                waiting: vec![p(1)]
            }
        );
    }

    #[test]
    fn a_class_needs_seats_a_future_start_and_an_end_after_it() {
        assert_eq!(
            check_new(t(13), t(16), 0, t(9)),
            Err(ClassRefusal::NoCapacity)
        );
        assert_eq!(
            check_new(t(8), t(16), 10, t(9)),
            Err(ClassRefusal::InThePast)
        );
        assert_eq!(
            check_new(t(13), t(13), 10, t(9)),
            Err(ClassRefusal::EndsBeforeStart)
        );
        assert_eq!(check_new(t(1), t(20), 10, t(0)), Err(ClassRefusal::TooLong));
        assert_eq!(check_new(t(13), t(16), 10, t(9)), Ok(()));
    }

    #[test]
    fn enrolment_withdrawal_and_cancelling_close_when_the_class_starts() {
        let c = class(1, &[(1, true)]);
        assert_eq!(
            may_enrol(&c, p(1), t(9)),
            Err(ClassRefusal::AlreadyEnrolled)
        );
        assert_eq!(may_enrol(&c, p(2), t(9)), Ok(()));
        assert_eq!(
            may_enrol(&c, p(2), t(13)),
            Err(ClassRefusal::AlreadyStarted)
        );
        assert_eq!(may_withdraw(&c, p(2), t(9)), Err(ClassRefusal::NotEnrolled));
        assert_eq!(
            may_withdraw(&c, p(1), t(14)),
            Err(ClassRefusal::AlreadyStarted)
        );
        assert_eq!(may_cancel(&c, t(9)), Ok(()));
        let mut cancelled = c.clone();
        cancelled.cancelled = true;
        assert_eq!(
            may_enrol(&cancelled, p(2), t(9)),
            Err(ClassRefusal::Cancelled)
        );
    }

    #[test]
    fn attendance_is_for_seat_holders_once_started_and_the_survey_follows_the_end() {
        let c = class(1, &[(1, true), (2, true)]);
        assert_eq!(
            may_mark_attendance(&c, p(1), t(12)),
            Err(ClassRefusal::NotStarted)
        );
        assert_eq!(may_mark_attendance(&c, p(1), t(14)), Ok(()));
        assert_eq!(
            may_mark_attendance(&c, p(2), t(14)),
            Err(ClassRefusal::NotEnrolled),
            "waiting"
        );
        assert!(!survey_due(&c, true, false, t(15)), "not ended");
        assert!(survey_due(&c, true, false, t(16)));
        assert!(!survey_due(&c, false, false, t(17)), "absent");
        assert!(!survey_due(&c, true, true, t(17)), "answered");
        let closing = c.ends_at + Duration::days(SURVEY_OPEN_DAYS);
        assert!(survey_due(&c, true, false, closing - Duration::minutes(1)));
        assert!(
            !survey_due(&c, true, false, closing),
            "closed after 30 days"
        );
    }
}
