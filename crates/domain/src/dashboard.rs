//! The organization's figures, counted over typed facts: who is in a
//! manager's charge (directly or through the managers they manage),
//! completions per course by month, coaching per driver, certifications in
//! force per office. Dates come in already in the office's calendar.

use crate::facts::CoachingSession;
use crate::scope::Placement;
use chrono::{Datelike, NaiveDate};
use mastery_types::{CertStatus, CourseId, Driver, DriverCoaching, PersonId};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Everyone `manager` manages: their reports, their reports' reports, and
/// so on (a loop in the data ends the walk, it does not hang it).
pub fn in_charge_of(manager: PersonId, people: &[Placement]) -> BTreeSet<PersonId> {
    let mut reports: HashMap<PersonId, Vec<PersonId>> = HashMap::new();
    for p in people {
        if let Some(m) = p.manager {
            reports.entry(m).or_default().push(p.person);
        }
    }
    let mut found = BTreeSet::new();
    let mut next = vec![manager];
    while let Some(m) = next.pop() {
        for r in reports.get(&m).into_iter().flatten() {
            if *r != manager && found.insert(*r) {
                next.push(*r);
            }
        }
    }
    found
}

/// The `n` months ending with the one `today` falls in, oldest first, as
/// (year, month).
pub fn last_months(today: NaiveDate, n: u32) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (today.year(), today.month());
    for _ in 0..n {
        out.push((y, m));
        if m == 1 {
            y -= 1;
            m = 12;
        } else {
            m -= 1;
        }
    }
    out.reverse();
    out
}

/// Completions counted per course and month: `(course, day completed)`
/// pairs in, one count per month of `months` out (days outside them are
/// counted in no month).
pub fn completions_by_month(
    months: &[(i32, u32)],
    completions: impl IntoIterator<Item = (CourseId, NaiveDate)>,
) -> BTreeMap<CourseId, Vec<u32>> {
    let mut out: BTreeMap<CourseId, Vec<u32>> = BTreeMap::new();
    for (course, day) in completions {
        let counts = out.entry(course).or_insert_with(|| vec![0; months.len()]);
        if let Some(i) = months
            .iter()
            .position(|(y, m)| *y == day.year() && *m == day.month())
        {
            counts[i] += 1;
        }
    }
    out
}

/// Coaching sessions held on or after `from`, per driver observed: how many
/// sessions, how many acknowledged, and the mean rating given.
pub fn coaching_by_driver<'a>(
    sessions: impl IntoIterator<Item = &'a CoachingSession>,
    from: NaiveDate,
) -> Vec<DriverCoaching> {
    let mut tally: BTreeMap<Driver, (u32, u32, u32)> = BTreeMap::new();
    for s in sessions.into_iter().filter(|s| s.held_on >= from) {
        let drivers: BTreeMap<Driver, u8> = s
            .observations
            .iter()
            .map(|o| (o.driver, o.rating))
            .collect();
        for (driver, rating) in drivers {
            let t = tally.entry(driver).or_default();
            t.0 += 1;
            t.1 += u32::from(s.acknowledged());
            t.2 += u32::from(rating);
        }
    }
    Driver::ALL
        .iter()
        .map(|d| {
            let (sessions, acknowledged, sum) = tally.get(d).copied().unwrap_or_default();
            DriverCoaching {
                driver: *d,
                sessions,
                acknowledged,
                mean_rating: (sessions > 0).then(|| f64::from(sum) / f64::from(sessions)),
            }
        })
        .collect()
}

/// Whether a certification's standing counts as held today.
pub fn in_force(status: CertStatus) -> bool {
    matches!(status, CertStatus::Certified | CertStatus::Expiring)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> PersonId {
        PersonId(uuid::Uuid::from_u128(n))
    }

    fn placed(person: u128, manager: Option<u128>) -> Placement {
        Placement {
            person: id(person),
            office: None,
            manager: manager.map(id),
        }
    }

    #[test]
    fn a_manager_is_in_charge_of_reports_at_every_depth_and_loops_end() {
        let people = [
            placed(1, None),
            placed(2, Some(1)),
            placed(3, Some(2)),
            placed(4, Some(3)),
            placed(5, None),
            // A loop in the data: 6 and 7 manage each other.
            placed(6, Some(7)),
            placed(7, Some(6)),
        ];
        assert_eq!(in_charge_of(id(1), &people), [id(2), id(3), id(4)].into());
        assert_eq!(in_charge_of(id(3), &people), [id(4)].into());
        assert!(in_charge_of(id(5), &people).is_empty());
        assert_eq!(in_charge_of(id(6), &people), [id(7)].into());
    }

    #[test]
    fn months_run_back_over_the_new_year_and_completions_fall_in_theirs() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let months = last_months(day(2026, 2, 14), 4);
        assert_eq!(months, [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]);
        let c = || CourseId("clients-l1".into());
        let counts = completions_by_month(
            &months,
            [
                (c(), day(2025, 12, 31)),
                (c(), day(2026, 1, 1)),
                (c(), day(2026, 1, 30)),
                (c(), day(2025, 10, 31)),
            ],
        );
        assert_eq!(counts[&c()], [0, 1, 2, 0]);
    }
}
