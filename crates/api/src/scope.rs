//! Who may act on whom: every use case that acts on another person asks
//! `mastery_domain::scope` here, with the facts read from the store; and
//! the coach pairings managers make (audited).

use crate::{errors::new_id, Api, Caller, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mastery_domain::access::Permission;
use mastery_domain::scope::{self as rules, CoachBasis, ScopeRefusal};
use mastery_store::scope as store;
use mastery_types::{
    ApiError, CoachCandidate, EndPairingRequest, ErrorCode, PairCoachRequest, PairingView,
    PersonId, Problem,
};

/// A scope refusal in the user's language (the rule it names).
pub(crate) fn refusal(r: ScopeRefusal, name: &str) -> ApiError {
    ApiError::problem(match r {
        ScopeRefusal::Themself => Problem::NotForYourself,
        ScopeRefusal::NotTheirLearner => Problem::NotYourLearner {
            name: name.to_owned(),
        },
        ScopeRefusal::NotTheirStaff => Problem::NotYourStaff {
            name: name.to_owned(),
        },
    })
}

impl Api {
    /// Where a person sits; `not_found` for nobody.
    pub(crate) fn placed(&self, person: PersonId) -> Result<store::Placed> {
        self.store
            .read(|c| store::placement(c, person))?
            .ok_or_else(|| ApiError::not_found(mastery_types::Thing::Person, person))
    }

    /// Today in a person's office (UTC where their office has no zone).
    pub(crate) fn office_today(&self, person: PersonId, now: DateTime<Utc>) -> Result<NaiveDate> {
        let tz = self
            .store
            .read(|c| mastery_store::assigned::office_time_zone(c, person))?;
        Ok(match tz.and_then(|z| z.parse::<chrono_tz::Tz>().ok()) {
            Some(tz) => now.with_timezone(&tz).date_naive(),
            None => now.date_naive(),
        })
    }

    /// The coach may act on `learner` as their coach today, or a refusal
    /// naming the rule.
    pub(crate) fn require_coach_scope(
        &self,
        coach: PersonId,
        learner: PersonId,
        now: DateTime<Utc>,
    ) -> Result<CoachBasis> {
        let me = self.placed(coach)?;
        let them = self.placed(learner)?;
        let pairings: Vec<_> = self
            .store
            .read(|c| store::of_coach(c, coach))?
            .into_iter()
            .map(|p| p.pairing)
            .collect();
        let today = self.office_today(learner, now)?;
        rules::coach_basis(&me.placement, &them.placement, &pairings, today)
            .map_err(|r| refusal(r, &them.name))
    }

    /// The learners a coach may act on today, by name.
    pub(crate) fn learners_in_scope(
        &self,
        coach: PersonId,
        now: DateTime<Utc>,
    ) -> Result<Vec<store::Placed>> {
        let me = self.placed(coach)?;
        let (candidates, pairings) = self.store.read(|c| {
            Ok((
                store::learner_candidates(c, coach)?,
                store::of_coach(c, coach)?,
            ))
        })?;
        let pairings: Vec<_> = pairings.into_iter().map(|p| p.pairing).collect();
        // Pairing dates are the learner's office dates; a day either side
        // of UTC is decided by the rule with the learner's own date below
        // when they are acted on, so the list uses the coach's date.
        let today = self.office_today(coach, now)?;
        Ok(candidates
            .into_iter()
            .filter(|l| rules::coach_basis(&me.placement, &l.placement, &pairings, today).is_ok())
            .collect())
    }

    /// Pairs a coach with one of the manager's staff, from today until
    /// `ends_on` (at most a year; open-ended if none). Audited.
    pub fn pair_coach(
        &self,
        caller: &Caller,
        req: &PairCoachRequest,
        now: DateTime<Utc>,
    ) -> Result<PairingView> {
        let me = caller.require_person(Permission::ManageStaff)?;
        let learner = self.placed(req.learner)?;
        rules::may_pair(me, &learner.placement, req.coach)
            .map_err(|r| refusal(r, &learner.name))?;
        let coach = self.placed(req.coach)?;
        let roles = self.roles_of(req.coach)?;
        if !roles
            .iter()
            .any(|r| mastery_domain::access::role_grants(*r, Permission::CoachLearners))
        {
            return Err(ApiError::not_found(
                mastery_types::Thing::Coach,
                &coach.name,
            ));
        }
        let today = self.office_today(req.learner, now)?;
        if let Some(end) = req.ends_on {
            if end < today {
                return Err(ApiError::problem(Problem::DateInPast {
                    field: mastery_types::Field::Date,
                    today,
                }));
            }
            if end > today + Duration::days(366) {
                return Err(ApiError::problem(Problem::DateTooFar {
                    field: mastery_types::Field::Date,
                    days: 366,
                }));
            }
        }
        let existing = self.store.read(|c| store::of_coach(c, req.coach))?;
        if existing
            .iter()
            .any(|p| p.pairing.learner == req.learner && p.pairing.active_on(today))
        {
            return Err(ApiError::problem(Problem::PairingAlreadyExists {
                coach: coach.name.clone(),
                learner: learner.name.clone(),
            }));
        }
        let id = new_id(now).to_string();
        self.store.write(|tx| {
            store::insert_pairing(
                tx,
                &store::NewPairing {
                    id: &id,
                    coach: req.coach,
                    learner: req.learner,
                    paired_by: me,
                    starts_on: today,
                    ends_on: req.ends_on,
                    at: now,
                },
            )?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "pairing.created",
                &format!("{} coaches {}", coach.name, learner.name),
                serde_json::json!({
                    "pairing": id, "coach": req.coach.0.to_string(),
                    "learner": req.learner.0.to_string(), "starts_on": today, "ends_on": req.ends_on,
                }),
            )
        })?;
        let row = self
            .store
            .read(|c| store::pairing(c, &id))?
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the pairing was not saved"))?;
        Ok(pairing_view(row, today))
    }

    /// Ends a pairing today (the learner's manager only). Audited.
    pub fn end_pairing(
        &self,
        caller: &Caller,
        req: &EndPairingRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::ManageStaff)?;
        let row = self
            .store
            .read(|c| store::pairing(c, &req.pairing_id))?
            .ok_or_else(|| ApiError::not_found(mastery_types::Thing::Pairing, &req.pairing_id))?;
        let learner = self.placed(row.pairing.learner)?;
        rules::is_staff_of(me, &learner.placement).map_err(|r| refusal(r, &learner.name))?;
        let today = self.office_today(row.pairing.learner, now)?;
        if row.ended_early || row.pairing.ends_on.is_some_and(|e| e < today) {
            return Err(ApiError::problem(Problem::PairingAlreadyEnded));
        }
        // It ends at once: its last day was yesterday.
        let ended_on = today - Duration::days(1);
        self.store.write(|tx| {
            store::end_pairing(tx, &row.id, me, ended_on, now)?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "pairing.ended",
                &format!("{} coaches {}", row.coach_name, row.learner_name),
                serde_json::json!({ "pairing": row.id, "ended_on": ended_on }),
            )
        })?;
        Ok(())
    }

    /// The pairings of the manager's staff and who may be paired.
    pub(crate) fn team_pairings(
        &self,
        manager: PersonId,
        now: DateTime<Utc>,
    ) -> Result<(Vec<PairingView>, Vec<CoachCandidate>)> {
        let today = self.office_today(manager, now)?;
        let (rows, coaches) = self
            .store
            .read(|c| Ok((store::of_staff_of(c, manager)?, store::coaches(c)?)))?;
        Ok((
            rows.into_iter().map(|r| pairing_view(r, today)).collect(),
            coaches
                .into_iter()
                .filter(|(id, _, _)| *id != manager)
                .map(|(person_id, name, office)| CoachCandidate {
                    person_id,
                    name,
                    office,
                })
                .collect(),
        ))
    }
}

fn pairing_view(r: store::PairingRow, today: NaiveDate) -> PairingView {
    PairingView {
        active: r.pairing.active_on(today),
        id: r.id,
        coach: r.pairing.coach,
        coach_name: r.coach_name,
        learner: r.pairing.learner,
        learner_name: r.learner_name,
        starts_on: r.pairing.starts_on,
        ends_on: r.pairing.ends_on,
    }
}
