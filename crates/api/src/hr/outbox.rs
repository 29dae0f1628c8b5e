//! The outbox: a person's training status, as HR is told it, written in the
//! transaction of the change that caused it; expiry (a change no act
//! makes) queued by a sweep; the status of everyone as CSV for HR systems
//! without SCIM.

use crate::certification::{facts_of, key_of, verification_code};
use crate::errors::new_id;
use crate::{Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::integrity::{decision_backed, IntactBelow};
use mastery_store::certification::RequestRow;
use mastery_store::hr as store;
use mastery_types::{HrCertification, PersonId};
use std::collections::BTreeMap;

/// What HR is told about one person, from their requests (oldest first).
pub(crate) fn status_from(
    rows: &[RequestRow],
    intact: IntactBelow,
    now: DateTime<Utc>,
) -> Vec<HrCertification> {
    let backed: Vec<&RequestRow> = rows
        .iter()
        .filter(|r| {
            r.decision
                .as_ref()
                .is_some_and(|d| decision_backed(d.approved, r.decision_audit.as_ref(), intact))
        })
        .collect();
    let keyed: Vec<_> = backed.iter().map(|r| (key_of(r), facts_of(r))).collect();
    let mut out: Vec<HrCertification> = mastery_domain::hr::training_status(&keyed, now)
        .into_iter()
        .filter_map(|(key, i, status)| {
            let r = backed[i];
            let d = r.decision.as_ref()?;
            Some(HrCertification {
                track: key.track,
                level: key.level,
                status,
                valid_from: d.valid_from?,
                valid_until: d.valid_until?,
                verification_code: verification_code(&r.id),
                credential_id: format!("urn:uuid:{}", r.id),
            })
        })
        .collect();
    mastery_hr::scim::normalize(&mut out);
    out
}

/// Appends a message for `person` if what HR should know changed since
/// the last one. Call inside the transaction that made the change.
pub(crate) fn enqueue_status(
    tx: &mastery_store::Connection,
    person: PersonId,
    intact: IntactBelow,
    now: DateTime<Utc>,
) -> mastery_store::Result<bool> {
    let rows = mastery_store::certification::of_person(tx, person)?;
    let status = status_from(&rows, intact, now);
    enqueue_if_changed(tx, person, &status, now)
}

fn enqueue_if_changed(
    tx: &mastery_store::Connection,
    person: PersonId,
    status: &[HrCertification],
    now: DateTime<Utc>,
) -> mastery_store::Result<bool> {
    enqueue_message(tx, person, status, false, now)
}

/// Appends a message; unless `overwrite` (an administrator realigning
/// HR), only when the status differs from the last message.
pub(crate) fn enqueue_message(
    tx: &mastery_store::Connection,
    person: PersonId,
    status: &[HrCertification],
    overwrite: bool,
    now: DateTime<Utc>,
) -> mastery_store::Result<bool> {
    let last = store::last_message(tx, person)?;
    let unchanged = match &last {
        Some(m) => {
            let before: Vec<HrCertification> =
                serde_json::from_str(&m.payload_json).map_err(|e| {
                    mastery_store::StoreError::Corrupt(format!("outbox message {}: {e}", m.id))
                })?;
            before == status
        }
        None => status.is_empty(),
    };
    if unchanged && !overwrite {
        return Ok(false);
    }
    let payload = serde_json::to_string(status)
        .map_err(|e| mastery_store::StoreError::Corrupt(e.to_string()))?;
    store::enqueue(
        tx,
        &store::Message {
            id: new_id(now).to_string(),
            person_id: person,
            sequence: last.map_or(1, |m| m.sequence + 1),
            payload_json: payload,
        },
        overwrite,
        now,
    )?;
    Ok(true)
}

impl Api {
    /// Where the audit chain is intact, without walking it (the walk
    /// happens on reads; a decision written now is chained by its act).
    pub(crate) fn intact_now(&self) -> IntactBelow {
        self.chain
            .lock()
            .map(|c| c.broken_at.unwrap_or(IntactBelow::MAX))
            .unwrap_or(IntactBelow::MAX)
    }

    /// Queues the changes no act makes (a period that ran out), for
    /// everyone: one pass over all requests. Returns how many were queued.
    pub fn queue_status_changes(&self, caller: &Caller, now: DateTime<Utc>) -> Result<u32> {
        caller.require(Permission::ManageHr)?;
        let intact = self.chain_intact_below()?;
        let current = self.everyone_status(intact, now)?;
        Ok(self.store.write(|tx| {
            let mut queued = 0;
            let last: BTreeMap<PersonId, String> = store::last_messages(tx)?
                .into_iter()
                .map(|m| (m.person_id, m.payload_json))
                .collect();
            for (person, status) in &current {
                let before: Option<Vec<HrCertification>> =
                    last.get(person).and_then(|p| serde_json::from_str(p).ok());
                if before.as_deref() == Some(status.as_slice())
                    || (before.is_none() && status.is_empty())
                {
                    continue;
                }
                if enqueue_if_changed(tx, *person, status, now)? {
                    queued += 1;
                }
            }
            Ok(queued)
        })?)
    }

    /// Everyone's status as HR is told it (people certified at least once).
    pub(crate) fn everyone_status(
        &self,
        intact: IntactBelow,
        now: DateTime<Utc>,
    ) -> Result<BTreeMap<PersonId, Vec<HrCertification>>> {
        let rows = self.store.read(mastery_store::certification::approved)?;
        let mut by_person: BTreeMap<PersonId, Vec<RequestRow>> = BTreeMap::new();
        for r in rows {
            by_person.entry(r.person_id).or_default().push(r);
        }
        Ok(by_person
            .into_iter()
            .map(|(p, rows)| (p, status_from(&rows, intact, now)))
            .collect())
    }

    /// Everyone's current certification status as CSV (UTF-8 with a BOM
    /// so spreadsheets read accents), one line per certification: the file
    /// an HR system without SCIM imports.
    pub fn hr_status_csv(&self, caller: &Caller, now: DateTime<Utc>) -> Result<String> {
        caller.require(Permission::ManageHr)?;
        let intact = self.chain_intact_below()?;
        let status = self.everyone_status(intact, now)?;
        let people = self.store.read(store::people_with_hr_ids)?;
        let numbers: BTreeMap<PersonId, (String, String)> = people
            .into_iter()
            .map(|p| (p.id, (p.number, p.name)))
            .collect();
        let mut w = crate::export::csv_with_header(
            "employee_number,name,track,level,status,valid_from,valid_until,verification_code,credential_id",
        );
        let mut lines: Vec<(String, String)> = Vec::new();
        for (person, certs) in &status {
            let Some((number, name)) = numbers.get(person) else {
                continue;
            };
            for c in certs {
                let fields = [
                    number.clone(),
                    name.clone(),
                    c.track.as_str().to_owned(),
                    c.level.get().to_string(),
                    c.status.as_str().to_owned(),
                    c.valid_from.date_naive().to_string(),
                    c.valid_until.date_naive().to_string(),
                    c.verification_code.clone(),
                    c.credential_id.clone(),
                ];
                lines.push((
                    number.clone(),
                    fields
                        .iter()
                        .map(|f| crate::export::csv_field(f))
                        .collect::<Vec<_>>()
                        .join(","),
                ));
            }
        }
        lines.sort();
        for (_, l) in lines {
            w.push_str(&l);
            w.push_str("\r\n");
        }
        Ok(w)
    }
}
