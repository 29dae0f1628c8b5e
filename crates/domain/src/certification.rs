//! Certification rules: who is eligible for which level, where a person
//! stands given their requests and decisions, who may decide on a request,
//! and when a period of certification ends. Pure: facts and `now` in,
//! decisions out.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use mastery_types::{
    CertStatus, CertificationKey, CourseId, MasteryLevel, Missing, PersonId, RequirementKind, Track,
};

/// How long before expiry a certification shows as expiring.
pub const EXPIRING_DAYS: i64 = 90;
/// The validity of a certification unless an administrator sets another.
pub const DEFAULT_VALIDITY_MONTHS: u32 = 36;

/// What eligibility for one level of one track is decided on.
pub struct LevelFacts<'a> {
    pub level: MasteryLevel,
    pub course: &'a CourseId,
    /// The course can be opened (its prerequisites are completed).
    pub course_open: bool,
    /// The course is complete (by its rule, or recorded).
    pub course_complete: bool,
    /// Requirement keys of the course's rule not met yet.
    pub unmet: &'a [RequirementKind],
    /// Lower levels of the same track whose certification is in force.
    pub certified_levels: &'a [MasteryLevel],
}

/// Everything that stands between the person and the certification: empty
/// means eligible. Level 2 needs Level 1 certified, Level 3 needs Levels 1
/// and 2 (DESIGN §1), and each level needs its course complete.
pub fn missing(f: &LevelFacts<'_>) -> Vec<Missing> {
    let mut out: Vec<Missing> = MasteryLevel::ALL
        .into_iter()
        .filter(|l| *l < f.level && !f.certified_levels.contains(l))
        .map(|level| Missing::PriorLevel { level })
        .collect();
    if !f.course_open {
        out.push(Missing::CourseLocked {
            course: f.course.clone(),
        });
    } else if !f.course_complete {
        out.extend(f.unmet.iter().map(|key| Missing::Requirement {
            course: f.course.clone(),
            key: *key,
        }));
        if f.unmet.is_empty() {
            // Not complete yet nothing named: say so rather than nothing.
            out.push(Missing::CourseIncomplete {
                course: f.course.clone(),
            });
        }
    }
    out
}

/// A decision on a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Approved {
        at: DateTime<Utc>,
        valid_until: DateTime<Utc>,
    },
    Returned {
        at: DateTime<Utc>,
    },
}

/// One request with what became of it, as the rules need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestFacts {
    pub requested_at: DateTime<Utc>,
    pub decision: Option<Decision>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Where a person stands on one certification, and which of their
/// requests matter for it (indices into the requests given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub status: CertStatus,
    /// The approved, unrevoked period in force now.
    pub current: Option<usize>,
    /// The request waiting for a decision.
    pub pending: Option<usize>,
    /// The latest returned request, if nothing happened since.
    pub returned: Option<usize>,
    pub can_request: bool,
}

/// Derives the status from the requests (oldest first), whether the person
/// is eligible and has started, and the time. The same facts always give
/// the same standing; expiry follows from `now` alone.
pub fn standing(
    requests: &[RequestFacts],
    eligible: bool,
    started: bool,
    now: DateTime<Utc>,
) -> Standing {
    let pending = requests.iter().rposition(|r| r.decision.is_none());
    // Only the latest approved period can be in force: a recertification
    // supersedes the period before it, so revoking the latest one ends the
    // certification even while the older period has days left.
    let current = requests
        .iter()
        .rposition(|r| matches!(r.decision, Some(Decision::Approved { .. })))
        .filter(|i| {
            let r = &requests[*i];
            r.revoked_at.is_none()
                && matches!(r.decision, Some(Decision::Approved { at, valid_until }) if at <= now && now < valid_until)
        });
    let expiring = current.is_some_and(|i| match requests[i].decision {
        Some(Decision::Approved { valid_until, .. }) => {
            valid_until - now <= Duration::days(EXPIRING_DAYS)
        }
        _ => false,
    });
    // The latest decided request says what happened last.
    let last = requests
        .iter()
        .enumerate()
        .filter(|(_, r)| r.decision.is_some())
        .max_by_key(|(_, r)| match (&r.decision, r.revoked_at) {
            (_, Some(rev)) => rev,
            (Some(Decision::Approved { at, .. } | Decision::Returned { at }), None) => *at,
            (None, None) => r.requested_at,
        });
    let returned = match last {
        Some((i, r))
            if matches!(r.decision, Some(Decision::Returned { .. })) && pending.is_none() =>
        {
            Some(i)
        }
        _ => None,
    };
    let status = if pending.is_some() {
        CertStatus::Requested
    } else if current.is_some() {
        if expiring {
            CertStatus::Expiring
        } else {
            CertStatus::Certified
        }
    } else {
        // Certified before: the latest period ended by revocation or by
        // expiry, whatever became of a later request (a returned
        // recertification keeps its reason in `returned`).
        let latest_approved = requests
            .iter()
            .rev()
            .find(|r| matches!(r.decision, Some(Decision::Approved { .. })));
        match (latest_approved, last) {
            (Some(r), _) if r.revoked_at.is_some() => CertStatus::Revoked,
            (Some(_), _) => CertStatus::Expired,
            (None, Some((_, r))) if matches!(r.decision, Some(Decision::Returned { .. })) => {
                CertStatus::Returned
            }
            _ if eligible => CertStatus::Eligible,
            _ if started => CertStatus::InProgress,
            _ => CertStatus::NotStarted,
        }
    };
    // One may ask when eligible, nothing is waiting, and no period is in
    // force beyond the expiring window (recertification opens 90 days out).
    let can_request = eligible && pending.is_none() && (current.is_none() || expiring);
    Standing {
        status,
        current,
        pending,
        returned,
        can_request,
    }
}

/// One request of a person, keyed by the certification it asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyedRequest {
    pub key: CertificationKey,
    pub facts: RequestFacts,
}

/// Where a person stands on one certification (a level of a track).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelStanding {
    pub key: CertificationKey,
    /// The level's course in the pack.
    pub course: CourseId,
    /// Empty when eligible.
    pub missing: Vec<Missing>,
    pub standing: Standing,
    /// This certification's requests: indices into the requests given,
    /// oldest first. [`Standing`]'s indices are positions in this list.
    pub requests: Vec<usize>,
}

/// Every certification of one person (4 tracks × 3 levels, in that order),
/// from their projected course states and all their requests (oldest
/// first). A level counts as certified for the next one while a period is
/// in force (also while a recertification is requested).
pub fn levels(
    pack: &mastery_packs::Pack,
    state: &crate::progress::LearnerState,
    requests: &[KeyedRequest],
    now: DateTime<Utc>,
) -> Vec<LevelStanding> {
    let mut out = Vec::new();
    for track in Track::ALL {
        let mut certified: Vec<MasteryLevel> = Vec::new();
        for level in MasteryLevel::ALL {
            let Some(course) = pack
                .courses
                .iter()
                .find(|c| c.track == track && c.level == level)
            else {
                continue;
            };
            let Some(cs) = state.course(&course.id) else {
                continue;
            };
            let key = CertificationKey { track, level };
            let unmet: Vec<RequirementKind> = cs
                .requirements
                .iter()
                .filter(|r| !r.1)
                .map(|r| r.0)
                .collect();
            let missing = missing(&LevelFacts {
                level,
                course: &course.id,
                course_open: cs.open(),
                course_complete: cs.complete,
                unmet: &unmet,
                certified_levels: &certified,
            });
            let mine: Vec<usize> = requests
                .iter()
                .enumerate()
                .filter(|(_, r)| r.key == key)
                .map(|(i, _)| i)
                .collect();
            let facts: Vec<RequestFacts> =
                mine.iter().map(|i| requests[*i].facts.clone()).collect();
            let s = standing(&facts, missing.is_empty(), cs.started || cs.complete, now);
            if matches!(s.status, CertStatus::Certified | CertStatus::Expiring)
                || (s.status == CertStatus::Requested && s.current.is_some())
            {
                certified.push(level);
            }
            out.push(LevelStanding {
                key,
                course: course.id.clone(),
                missing,
                standing: s,
                requests: mine,
            });
        }
    }
    out
}

/// Which request's revocation ended the period approved in `requests[i]`
/// (one certification's requests): its own, or that of the latest later
/// approval, which superseded it, since only the latest approved period is
/// ever in force.
pub fn ended_by_revocation(requests: &[RequestFacts], i: usize) -> Option<usize> {
    let approved_at = |r: &RequestFacts| match r.decision {
        Some(Decision::Approved { at, .. }) => Some(at),
        _ => None,
    };
    let this = requests.get(i)?;
    if this.revoked_at.is_some() {
        return Some(i);
    }
    let since = approved_at(this)?;
    requests
        .iter()
        .enumerate()
        .filter(|(_, r)| approved_at(r).is_some_and(|at| at > since))
        .max_by_key(|(_, r)| approved_at(r))
        .filter(|(_, r)| r.revoked_at.is_some())
        .map(|(j, _)| j)
}

/// The end of a period of certification that starts at `from`.
pub fn valid_until(from: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    from.checked_add_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// A delegation of a manager's approvals for a period (dates inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delegation {
    pub manager: PersonId,
    pub delegate: PersonId,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// On what authority someone decides on a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authority {
    Manager,
    /// Delegate of the requester's manager.
    Delegate(PersonId),
}

/// Why someone may not decide on a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nobody decides on their own request.
    OwnRequest,
    /// The requester has no manager in the org structure.
    NoManager,
    /// Neither the requester's manager nor their delegate today.
    NotTheirManager,
}

/// Who may decide on `requester`'s request: their own manager (from the
/// org structure) or someone that manager delegated to for a period that
/// includes `today` — never the requester. A manager's own request thus
/// goes to their manager.
pub fn authority(
    decider: PersonId,
    requester: PersonId,
    requester_manager: Option<PersonId>,
    delegations: &[Delegation],
    today: NaiveDate,
) -> Result<Authority, Refusal> {
    if decider == requester {
        return Err(Refusal::OwnRequest);
    }
    let Some(manager) = requester_manager else {
        return Err(Refusal::NoManager);
    };
    if decider == manager {
        return Ok(Authority::Manager);
    }
    let delegated = delegations.iter().any(|d| {
        d.manager == manager && d.delegate == decider && d.starts_on <= today && today <= d.ends_on
    });
    if delegated {
        Ok(Authority::Delegate(manager))
    } else {
        Err(Refusal::NotTheirManager)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
            .single()
            .expect("date")
    }

    fn l(n: u8) -> MasteryLevel {
        MasteryLevel::new(n).expect("level")
    }

    /// (level, course open, course complete, unmet, certified levels, expected)
    type Case<'a> = (
        u8,
        bool,
        bool,
        &'a [RequirementKind],
        Vec<MasteryLevel>,
        Vec<Missing>,
    );

    #[test]
    fn eligibility_table() {
        let c = CourseId("clients-l2".into());
        let unmet = vec![RequirementKind::Assignments];
        // (level, open, complete, unmet, certified) -> missing
        let cases: Vec<Case<'_>> = vec![
            (1, true, true, &[], vec![], vec![]),
            (
                1,
                true,
                false,
                &unmet,
                vec![],
                vec![Missing::Requirement {
                    course: c.clone(),
                    key: RequirementKind::Assignments,
                }],
            ),
            (2, true, true, &[], vec![l(1)], vec![]),
            (
                2,
                true,
                true,
                &[],
                vec![],
                vec![Missing::PriorLevel { level: l(1) }],
            ),
            (
                2,
                false,
                false,
                &[],
                vec![],
                vec![
                    Missing::PriorLevel { level: l(1) },
                    Missing::CourseLocked { course: c.clone() },
                ],
            ),
            (
                3,
                true,
                true,
                &[],
                vec![l(1)],
                vec![Missing::PriorLevel { level: l(2) }],
            ),
            (3, true, true, &[], vec![l(1), l(2)], vec![]),
            (
                3,
                true,
                false,
                &[],
                vec![l(1), l(2)],
                vec![Missing::CourseIncomplete { course: c.clone() }],
            ),
        ];
        for (level, open, complete, unmet, certified, want) in cases {
            let got = missing(&LevelFacts {
                level: l(level),
                course: &c,
                course_open: open,
                course_complete: complete,
                unmet,
                certified_levels: &certified,
            });
            assert_eq!(
                got, want,
                "level {level} open {open} complete {complete} certified {certified:?}"
            );
        }
    }

    fn approved(at: DateTime<Utc>, months: u32) -> RequestFacts {
        RequestFacts {
            requested_at: at - Duration::days(2),
            decision: Some(Decision::Approved {
                at,
                valid_until: valid_until(at, months),
            }),
            revoked_at: None,
        }
    }

    #[test]
    fn a_revoked_recertification_ends_the_period_it_superseded() {
        let first = approved(t(2026, 1, 10), 36);
        let mut second = approved(t(2028, 12, 10), 36);
        assert_eq!(
            ended_by_revocation(&[first.clone(), second.clone()], 0),
            None
        );
        second.revoked_at = Some(t(2028, 12, 20));
        let both = [first.clone(), second];
        assert_eq!(ended_by_revocation(&both, 0), Some(1));
        assert_eq!(ended_by_revocation(&both, 1), Some(1));
        let mut own = first;
        own.revoked_at = Some(t(2027, 1, 1));
        assert_eq!(ended_by_revocation(&[own], 0), Some(0));
        assert_eq!(ended_by_revocation(&[], 0), None);
    }

    #[test]
    fn status_follows_requests_decisions_and_time() {
        let now = t(2026, 11, 29);
        let s =
            |reqs: &[RequestFacts], eligible, started, at| standing(reqs, eligible, started, at);
        assert_eq!(s(&[], false, false, now).status, CertStatus::NotStarted);
        assert_eq!(s(&[], false, true, now).status, CertStatus::InProgress);
        let e = s(&[], true, true, now);
        assert_eq!((e.status, e.can_request), (CertStatus::Eligible, true));

        let pending = RequestFacts {
            requested_at: now,
            decision: None,
            revoked_at: None,
        };
        let p = s(std::slice::from_ref(&pending), true, true, now);
        assert_eq!(
            (p.status, p.pending, p.can_request),
            (CertStatus::Requested, Some(0), false)
        );

        let returned = RequestFacts {
            requested_at: now - Duration::days(3),
            decision: Some(Decision::Returned {
                at: now - Duration::days(1),
            }),
            revoked_at: None,
        };
        let r = s(std::slice::from_ref(&returned), true, true, now);
        assert_eq!(
            (r.status, r.returned, r.can_request),
            (CertStatus::Returned, Some(0), true)
        );
        // Asking again after a return: requested, the return no longer current.
        let again = s(&[returned, pending], true, true, now);
        assert_eq!(
            (again.status, again.returned),
            (CertStatus::Requested, None)
        );

        // Approved for 36 months: certified, expiring 90 days out, then expired.
        let a = approved(t(2026, 1, 10), 36);
        let c = s(std::slice::from_ref(&a), true, true, now);
        assert_eq!(
            (c.status, c.current, c.can_request),
            (CertStatus::Certified, Some(0), false)
        );
        let until = valid_until(t(2026, 1, 10), 36);
        assert_eq!(until, t(2029, 1, 10));
        assert_eq!(
            s(
                std::slice::from_ref(&a),
                true,
                true,
                until - Duration::days(91)
            )
            .status,
            CertStatus::Certified
        );
        let x = s(
            std::slice::from_ref(&a),
            true,
            true,
            until - Duration::days(90),
        );
        assert_eq!((x.status, x.can_request), (CertStatus::Expiring, true));
        let gone = s(std::slice::from_ref(&a), true, true, until);
        assert_eq!((gone.status, gone.current), (CertStatus::Expired, None));
        assert!(
            !s(std::slice::from_ref(&a), false, true, until).can_request,
            "no longer eligible"
        );

        // Recertified before expiry: the new period is current, the old kept.
        let b = approved(until - Duration::days(30), 36);
        let re = s(&[a.clone(), b], true, true, until + Duration::days(1));
        assert_eq!((re.status, re.current), (CertStatus::Certified, Some(1)));

        // Revoking the recertification ends it, though the older period
        // would still have had a month to run.
        let mut renewed = approved(until - Duration::days(30), 36);
        renewed.revoked_at = Some(until - Duration::days(20));
        let ended = s(
            &[a.clone(), renewed],
            true,
            true,
            until - Duration::days(10),
        );
        assert_eq!((ended.status, ended.current), (CertStatus::Revoked, None));

        // A recertification returned, then the period runs out: expired
        // (what the manager's expiry list looks for), the reason still shown.
        let late = RequestFacts {
            requested_at: until - Duration::days(40),
            decision: Some(Decision::Returned {
                at: until - Duration::days(35),
            }),
            revoked_at: None,
        };
        let lapsed = s(&[a.clone(), late], true, true, until + Duration::days(1));
        assert_eq!(
            (lapsed.status, lapsed.returned, lapsed.can_request),
            (CertStatus::Expired, Some(1), true)
        );

        // Revoked.
        let mut rev = a;
        rev.revoked_at = Some(now);
        let v = s(&[rev], true, true, now + Duration::days(1));
        assert_eq!(
            (v.status, v.current, v.can_request),
            (CertStatus::Revoked, None, true)
        );
    }

    #[test]
    fn approval_matrix() {
        let p = |n: u128| PersonId(uuid_from(n));
        let (learner, manager, other_manager, delegate, grand) = (p(1), p(2), p(3), p(4), p(5));
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let d = |from: i64, to: i64| Delegation {
            manager,
            delegate,
            starts_on: today + Duration::days(from),
            ends_on: today + Duration::days(to),
        };
        let cases = [
            (
                "own manager",
                manager,
                learner,
                Some(manager),
                vec![],
                Ok(Authority::Manager),
            ),
            (
                "wrong manager",
                other_manager,
                learner,
                Some(manager),
                vec![],
                Err(Refusal::NotTheirManager),
            ),
            (
                "own request",
                learner,
                learner,
                Some(manager),
                vec![],
                Err(Refusal::OwnRequest),
            ),
            (
                "no manager",
                manager,
                learner,
                None,
                vec![],
                Err(Refusal::NoManager),
            ),
            (
                "delegate in period",
                delegate,
                learner,
                Some(manager),
                vec![d(-1, 1)],
                Ok(Authority::Delegate(manager)),
            ),
            (
                "delegate first day",
                delegate,
                learner,
                Some(manager),
                vec![d(0, 3)],
                Ok(Authority::Delegate(manager)),
            ),
            (
                "delegate last day",
                delegate,
                learner,
                Some(manager),
                vec![d(-3, 0)],
                Ok(Authority::Delegate(manager)),
            ),
            (
                "delegate before period",
                delegate,
                learner,
                Some(manager),
                vec![d(1, 5)],
                Err(Refusal::NotTheirManager),
            ),
            (
                "delegate after period",
                delegate,
                learner,
                Some(manager),
                vec![d(-5, -1)],
                Err(Refusal::NotTheirManager),
            ),
            (
                "delegate of another manager",
                other_manager,
                learner,
                Some(manager),
                vec![d(-1, 1)],
                Err(Refusal::NotTheirManager),
            ),
            (
                "delegate's own request",
                delegate,
                delegate,
                Some(manager),
                vec![d(-1, 1)],
                Err(Refusal::OwnRequest),
            ),
            (
                "manager's own request: their manager",
                grand,
                manager,
                Some(grand),
                vec![],
                Ok(Authority::Manager),
            ),
            (
                "manager's own request: not their staff",
                manager,
                manager,
                Some(grand),
                vec![],
                Err(Refusal::OwnRequest),
            ),
        ];
        for (name, decider, requester, mgr, delegations, want) in cases {
            assert_eq!(
                authority(decider, requester, mgr, &delegations, today),
                want,
                "{name}"
            );
        }
    }

    fn uuid_from(n: u128) -> uuid::Uuid {
        uuid::Uuid::from_u128(n)
    }
}
