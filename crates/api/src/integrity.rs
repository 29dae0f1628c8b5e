//! Roles and decisions as the audit chain vouches for them
//! (`mastery_domain::integrity`): the chain is verified once per process
//! and then only for the rows appended since, and every role check and
//! certification read goes through here.

use crate::{Api, Result};
use mastery_domain::integrity::{backed_roles, decision_backed, IntactBelow};
use mastery_store::{audit, certification::RequestRow, people};
use mastery_types::{PersonId, Role, UnbackedFact};

/// How far this process has verified the chain.
#[derive(Debug)]
pub(crate) struct ChainCursor {
    last_seq: i64,
    last_hash: String,
    /// The first broken row, once found: nothing from it on counts.
    pub(crate) broken_at: Option<i64>,
}

impl Default for ChainCursor {
    fn default() -> Self {
        ChainCursor {
            last_seq: 0,
            last_hash: audit::GENESIS.to_owned(),
            broken_at: None,
        }
    }
}

impl Api {
    /// Rows of the chain below this position are verified intact.
    pub(crate) fn chain_intact_below(&self) -> Result<IntactBelow> {
        let mut cursor = self.chain.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = cursor.broken_at {
            return Ok(b);
        }
        let walk = self
            .store
            .read(|c| audit::verify_from(c, cursor.last_seq, &cursor.last_hash))?;
        cursor.last_seq = walk.last_seq;
        cursor.last_hash = walk.last_hash;
        if let Some(b) = walk.broken {
            cursor.broken_at = Some(b.seq);
            return Ok(b.seq);
        }
        Ok(IntactBelow::MAX)
    }

    /// The roles a person holds: their grants the audit chain vouches for.
    pub(crate) fn roles_of(&self, person: PersonId) -> Result<Vec<Role>> {
        let (rows, latest) = self.store.read(|c| {
            Ok((
                people::granted_roles(c, person)?,
                audit::role_audit(c, person)?,
            ))
        })?;
        let (effective, _) = backed_roles(&rows, latest.as_ref(), self.chain_intact_below()?);
        Ok(effective)
    }

    /// Certification requests with every decision the chain does not
    /// record taken out (and so its revocation): such a request reads as
    /// undecided.
    pub(crate) fn backed_requests(&self, rows: Vec<RequestRow>) -> Result<Vec<RequestRow>> {
        let intact = self.chain_intact_below()?;
        Ok(rows
            .into_iter()
            .map(|mut r| {
                let counts = r.decision.as_ref().is_some_and(|d| {
                    decision_backed(d.approved, r.decision_audit.as_ref(), intact)
                });
                if !counts {
                    r.decision = None;
                    r.revocation = None;
                }
                r
            })
            .collect())
    }

    /// Rows the chain does not vouch for, for the audit check.
    pub(crate) fn unbacked_facts(&self) -> Result<Vec<UnbackedFact>> {
        let intact = self.chain_intact_below()?;
        let (grants, audits, names, requests, revoked) = self.store.read(|c| {
            Ok((
                people::all_grants(c)?,
                audit::all_role_audits(c)?,
                people::list_accounts(c)?,
                mastery_store::certification::all_requests(c)?,
                audit::revoked_requests(c)?,
            ))
        })?;
        let name_of = |p: PersonId| {
            names
                .iter()
                .find(|a| a.person.id == p)
                .map_or_else(|| p.to_string(), |a| a.person.display_name.clone())
        };
        let mut out = Vec::new();
        let mut by_person: std::collections::BTreeMap<PersonId, Vec<Role>> = Default::default();
        for (p, r) in grants {
            by_person.entry(p).or_default().push(r);
        }
        for (person, rows) in by_person {
            let latest = audits.iter().find(|(p, _)| *p == person).map(|(_, a)| a);
            let (_, unbacked) = backed_roles(&rows, latest, intact);
            for role in unbacked {
                out.push(UnbackedFact::RoleGrant {
                    person: name_of(person),
                    role,
                });
            }
        }
        for r in &requests {
            if let Some(d) = &r.decision {
                if !decision_backed(d.approved, r.decision_audit.as_ref(), intact) {
                    out.push(UnbackedFact::Decision {
                        person: r.person_name.clone(),
                        request_id: r.id.clone(),
                        approved: d.approved,
                    });
                }
            }
        }
        for id in revoked {
            match requests.iter().find(|r| r.id == id) {
                Some(r) if r.revocation.is_some() => {}
                found => out.push(UnbackedFact::MissingRevocation {
                    person: found.map(|r| r.person_name.clone()).unwrap_or_default(),
                    request_id: id,
                }),
            }
        }
        Ok(out)
    }
}
