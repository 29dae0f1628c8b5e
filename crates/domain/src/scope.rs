//! Who may act on whom: the one rule every act on another person asks,
//! after the role check ([`crate::access`]) says the caller may do that
//! kind of act at all.
//!
//! - **A coach's learners** are the learners of the coach's own office,
//!   and the learners their manager has explicitly paired with the coach
//!   (a dated, audited fact). A manager acting as coach also has their
//!   own staff, wherever they work.
//! - **A manager's staff** are their direct reports in HR's org structure.
//!   Reports of reports are *not* included: the program's approvals and
//!   coaching conversations belong to the line manager, and a skip-level
//!   manager who must act names themself a delegate or pairs a coach
//!   through the line manager — an explicit, audited act.
//! - **Nobody acts on themself** (coaching, assessing, reviewing).
//!
//! Coaching notes follow the same relationships ([`coaching_visibility`]):
//! the learner sees all of theirs, their manager all of their staff's, a
//! coach only the sessions they logged — and a coach can only log for
//! their learners, so a throwaway session cannot open anyone's history.

use chrono::NaiveDate;
use mastery_types::PersonId;

/// Where a person sits in the organization, from HR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub person: PersonId,
    /// The office (org unit) they work in.
    pub office: Option<String>,
    /// Their line manager.
    pub manager: Option<PersonId>,
}

/// A manager's explicit pairing of a coach with one of their staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairing {
    pub coach: PersonId,
    pub learner: PersonId,
    pub starts_on: NaiveDate,
    /// Last day of the pairing (planned, or the day it was ended).
    pub ends_on: Option<NaiveDate>,
}

impl Pairing {
    /// In force on `today` (dates inclusive).
    pub fn active_on(&self, today: NaiveDate) -> bool {
        self.starts_on <= today && self.ends_on.is_none_or(|end| today <= end)
    }
}

/// Why the caller may act on a learner as their coach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoachBasis {
    /// Same office.
    SameOffice,
    /// Paired by the learner's manager.
    Paired,
    /// The caller is the learner's manager.
    OwnStaff,
}

/// Why the caller may not act on someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeRefusal {
    /// Coaching, assessing or reviewing oneself.
    Themself,
    /// Not in the coach's office, not paired with them, not their staff.
    NotTheirLearner,
    /// Not one of the manager's direct reports.
    NotTheirStaff,
}

/// May `coach` act on `learner` as their coach today? Same office, an
/// active pairing, or the coach is the learner's manager.
pub fn coach_basis(
    coach: &Placement,
    learner: &Placement,
    pairings: &[Pairing],
    today: NaiveDate,
) -> Result<CoachBasis, ScopeRefusal> {
    if coach.person == learner.person {
        return Err(ScopeRefusal::Themself);
    }
    if learner.manager == Some(coach.person) {
        return Ok(CoachBasis::OwnStaff);
    }
    if coach.office.is_some() && coach.office == learner.office {
        return Ok(CoachBasis::SameOffice);
    }
    if pairings
        .iter()
        .any(|p| p.coach == coach.person && p.learner == learner.person && p.active_on(today))
    {
        return Ok(CoachBasis::Paired);
    }
    Err(ScopeRefusal::NotTheirLearner)
}

/// Is `person` one of `manager`'s staff (a direct report)?
pub fn is_staff_of(manager: PersonId, person: &Placement) -> Result<(), ScopeRefusal> {
    if person.person == manager {
        Err(ScopeRefusal::Themself)
    } else if person.manager == Some(manager) {
        Ok(())
    } else {
        Err(ScopeRefusal::NotTheirStaff)
    }
}

/// Which of a learner's coaching sessions a viewer may read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoachingVisibility {
    /// Every session: the learner themself, or their manager.
    All,
    /// Only the sessions the viewer logged.
    LoggedByViewer,
}

/// What `viewer` may read of `learner`'s coaching. A coach keeps seeing
/// the sessions they logged even after the learner moves out of their
/// scope (they wrote them); nobody else sees anything.
pub fn coaching_visibility(viewer: PersonId, learner: &Placement) -> CoachingVisibility {
    if viewer == learner.person || learner.manager == Some(viewer) {
        CoachingVisibility::All
    } else {
        CoachingVisibility::LoggedByViewer
    }
}

/// May `manager` pair `coach` with `learner`? Only the learner's own
/// manager pairs, with someone other than the learner.
pub fn may_pair(
    manager: PersonId,
    learner: &Placement,
    coach: PersonId,
) -> Result<(), ScopeRefusal> {
    if coach == learner.person {
        return Err(ScopeRefusal::Themself);
    }
    is_staff_of(manager, learner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> PersonId {
        PersonId(uuid::Uuid::from_u128(n))
    }

    fn at(person: u128, office: &str, manager: Option<u128>) -> Placement {
        Placement {
            person: id(person),
            office: (!office.is_empty()).then(|| office.to_owned()),
            manager: manager.map(id),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("date")
    }

    /// The demo organization in miniature: 1 manages 3 at Riverside;
    /// 2 manages 4 at Baie-des-Pins; 5 is a coach at Riverside; 6 works
    /// nowhere on record.
    #[test]
    fn coach_scope_table() {
        use CoachBasis::*;
        use ScopeRefusal::*;
        let sophie = at(1, "riverside", None);
        let rajinder = at(2, "baie", None);
        let amelie = at(3, "riverside", Some(1));
        let chloe = at(4, "baie", Some(2));
        let marc = at(5, "riverside", Some(1));
        let nowhere = at(6, "", None);
        let nowhere_coach = at(7, "", None);
        let pairing = Pairing {
            coach: id(5),
            learner: id(4),
            starts_on: day(1),
            ends_on: Some(day(20)),
        };
        let pairings = [pairing.clone()];
        let cases: &[(
            &Placement,
            &Placement,
            NaiveDate,
            Result<CoachBasis, ScopeRefusal>,
        )] = &[
            (&marc, &amelie, day(7), Ok(SameOffice)),
            (&marc, &marc, day(7), Err(Themself)),
            (&sophie, &amelie, day(7), Ok(OwnStaff)),
            (&sophie, &marc, day(7), Ok(OwnStaff)),
            // The observed case: a manager of another office.
            (&rajinder, &amelie, day(7), Err(NotTheirLearner)),
            (&rajinder, &chloe, day(7), Ok(OwnStaff)),
            // Paired across offices, only while the pairing lasts.
            (&marc, &chloe, day(7), Ok(Paired)),
            (&marc, &chloe, day(1), Ok(Paired)),
            (&marc, &chloe, day(20), Ok(Paired)),
            (&marc, &chloe, day(21), Err(NotTheirLearner)),
            // A pairing is one way: Chloé is not Marc's coach.
            (&chloe, &marc, day(7), Err(NotTheirLearner)),
            // Two people with no office on record share nothing.
            (&nowhere_coach, &nowhere, day(7), Err(NotTheirLearner)),
            (&sophie, &chloe, day(7), Err(NotTheirLearner)),
        ];
        for (coach, learner, today, want) in cases {
            assert_eq!(
                coach_basis(coach, learner, &pairings, *today),
                *want,
                "coach {:?} learner {:?} on {today}",
                coach.person,
                learner.person
            );
        }
        let open_ended = Pairing {
            ends_on: None,
            ..pairing
        };
        assert_eq!(
            coach_basis(&marc, &chloe, &[open_ended], day(31)),
            Ok(Paired)
        );
    }

    #[test]
    fn staff_are_direct_reports_only() {
        let director = id(9);
        let sophie = at(1, "riverside", Some(9));
        let amelie = at(3, "riverside", Some(1));
        assert_eq!(is_staff_of(id(1), &amelie), Ok(()));
        assert_eq!(is_staff_of(director, &sophie), Ok(()));
        // Reports of reports are not staff (written down in the module doc).
        assert_eq!(
            is_staff_of(director, &amelie),
            Err(ScopeRefusal::NotTheirStaff)
        );
        assert_eq!(
            is_staff_of(id(3), &sophie),
            Err(ScopeRefusal::NotTheirStaff)
        );
        assert_eq!(
            is_staff_of(id(1), &at(1, "riverside", Some(1))),
            Err(ScopeRefusal::Themself)
        );
    }

    #[test]
    fn coaching_notes_follow_the_relationship() {
        let amelie = at(3, "riverside", Some(1));
        assert_eq!(coaching_visibility(id(3), &amelie), CoachingVisibility::All);
        assert_eq!(coaching_visibility(id(1), &amelie), CoachingVisibility::All);
        // Any coach, in scope or not, sees only what they logged.
        assert_eq!(
            coaching_visibility(id(5), &amelie),
            CoachingVisibility::LoggedByViewer
        );
        assert_eq!(
            coaching_visibility(id(2), &amelie),
            CoachingVisibility::LoggedByViewer
        );
    }

    #[test]
    fn only_the_line_manager_pairs() {
        let chloe = at(4, "baie", Some(2));
        assert_eq!(may_pair(id(2), &chloe, id(5)), Ok(()));
        assert_eq!(
            may_pair(id(1), &chloe, id(5)),
            Err(ScopeRefusal::NotTheirStaff)
        );
        assert_eq!(may_pair(id(2), &chloe, id(4)), Err(ScopeRefusal::Themself));
    }
}
