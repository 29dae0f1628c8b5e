//! Delivering the outbox to HR: at least once, applied exactly once.
//!
//! For each message due: find the person's record at HR, read it with its
//! ETag, and let `mastery_domain::hr::verdict` decide from HR's sequence
//! number and message id whether to send, skip (already applied, or a
//! newer message is there) or report (edited on the HR side); then PATCH
//! with `If-Match`, so a record changed between the read and the write is
//! not overwritten either. The state of each message is saved as soon as
//! its answer comes: a crash or a kill loses at most the answers in
//! flight, and those messages are read again and found applied.

use crate::{Api, Caller, Result};
use chrono::{DateTime, Utc};
use futures_util::stream::{self, StreamExt};
use mastery_domain::access::Permission;
use mastery_domain::hr::{parks, retry_delay, verdict, HrRecord, Verdict};
use mastery_hr::scim::{training_extension, training_record, Scim};
use mastery_hr::HrError;
use mastery_store::hr::{self as store, Due, Outcome};
use mastery_types::{HrCertification, Problem, ReconcileReport, StatusDifference, SyncReport};
use std::collections::HashMap;

/// How a round of delivery runs.
#[derive(Clone, Copy, Debug)]
pub struct DeliveryOptions {
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Messages read from the outbox at a time.
    pub batch: u32,
    /// How long one answer from HR may take.
    pub timeout: std::time::Duration,
}

impl Default for DeliveryOptions {
    fn default() -> Self {
        DeliveryOptions {
            concurrency: 4,
            batch: 200,
            timeout: super::HTTP_TIMEOUT,
        }
    }
}

/// What became of one message.
enum Done {
    Delivered,
    AlreadyApplied,
    Superseded,
    Failed(HrError),
    Conflict(Problem),
    NoRecord(Problem),
}

impl Api {
    /// One round: queue the changes time made (expiry), then deliver every
    /// message due, until none is. `clock` gives the time as it passes;
    /// `progress` hears (messages handled, messages due at the start).
    pub async fn sync_hr(
        &self,
        caller: &Caller,
        options: DeliveryOptions,
        clock: &(dyn Fn() -> DateTime<Utc> + Sync),
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<SyncReport> {
        caller.require(Permission::ManageHr)?;
        let mut report = SyncReport {
            queued: self.queue_status_changes(caller, clock())?,
            ..SyncReport::default()
        };
        let scim = self.scim_with(options.timeout)?;
        let total = self.store.read(store::counts)?.pending;
        let mut handled = 0u64;
        progress(0, total);
        loop {
            let now = clock();
            let due = self.store.read(|c| store::due(c, now, options.batch))?;
            if due.is_empty() {
                break;
            }
            let results: Vec<(Due, Done, Option<String>)> = stream::iter(due)
                .map(|d| {
                    let scim = &scim;
                    async move {
                        let (done, found) = self.deliver(scim, &d).await;
                        (d, done, found)
                    }
                })
                .buffer_unordered(options.concurrency.max(1))
                .collect()
                .await;
            // Saved after each batch; a message whose answer was received
            // but not saved is found applied on the next round.
            let now = clock();
            self.store.write(|tx| {
                for (d, done, found) in &results {
                    report.attempted += 1;
                    let failures = d.attempts + 1;
                    // What went wrong is kept typed (as JSON), for the
                    // window to say in the person's language.
                    let text = match done {
                        Done::Conflict(p) | Done::NoRecord(p) => problem_json(p),
                        Done::Failed(e) => problem_json(&e.clone().into_problem()),
                        _ => String::new(),
                    };
                    let outcome = match done {
                        Done::Delivered => {
                            report.delivered += 1;
                            Outcome::Delivered
                        }
                        Done::AlreadyApplied => {
                            report.already_applied += 1;
                            Outcome::Delivered
                        }
                        Done::Superseded => Outcome::Superseded,
                        Done::Conflict(_) => {
                            report.conflicts += 1;
                            Outcome::Parked {
                                attempts: failures,
                                error: &text,
                                conflict: true,
                            }
                        }
                        Done::NoRecord(_) => {
                            report.parked += 1;
                            Outcome::Parked {
                                attempts: failures,
                                error: &text,
                                conflict: false,
                            }
                        }
                        Done::Failed(e) => {
                            report.failed += 1;
                            if e.is_transient() && !parks(failures) {
                                Outcome::Retry {
                                    attempts: failures,
                                    at: now + retry_delay(failures, jitter()),
                                    error: &text,
                                }
                            } else {
                                report.parked += 1;
                                Outcome::Parked {
                                    attempts: failures,
                                    error: &text,
                                    conflict: false,
                                }
                            }
                        }
                    };
                    store::record(tx, &d.message.id, outcome, now)?;
                    if let Some(id) = found {
                        store::set_hr_id(tx, d.message.person_id, id)?;
                    }
                }
                Ok(())
            })?;
            handled += results.len() as u64;
            progress(handled, total.max(handled));
        }
        Ok(report)
    }

    /// Delivers one message (no database writes; reads only), with the
    /// person's HR id when it had to be looked up.
    async fn deliver(&self, scim: &Scim, d: &Due) -> (Done, Option<String>) {
        let mut found = None;
        let done = self.deliver_found(scim, d, &mut found).await;
        (done, found)
    }

    async fn deliver_found(&self, scim: &Scim, d: &Due, found: &mut Option<String>) -> Done {
        let certs: Vec<HrCertification> = match serde_json::from_str(&d.message.payload_json) {
            Ok(c) => c,
            Err(_) => return Done::NoRecord(Problem::HrDamagedMessage),
        };
        let id = match &d.hr_id {
            Some(id) => id.clone(),
            None => match scim.find(&d.employee_number).await {
                Ok(Some(id)) => {
                    *found = Some(id.clone());
                    id
                }
                Ok(None) => {
                    return Done::NoRecord(Problem::HrNoRecord {
                        number: d.employee_number.clone(),
                    })
                }
                Err(e) => return Done::Failed(e),
            },
        };
        let (user, etag) = match scim.user(&id).await {
            Ok(Some(u)) => u,
            Ok(None) => {
                return Done::NoRecord(Problem::HrNoRecord {
                    number: d.employee_number.clone(),
                })
            }
            Err(e) => return Done::Failed(e),
        };
        let hr = training_record(&user);
        let ours = match hr.sequence {
            Some(s) => match self
                .store
                .read(|c| store::message_at(c, d.message.person_id, s))
            {
                Ok(m) => m.and_then(|m| {
                    serde_json::from_str::<Vec<HrCertification>>(&m.payload_json)
                        .ok()
                        .map(|c| (m.id, c))
                }),
                Err(e) => return Done::Failed(HrError::Unreadable(e.to_string())),
            },
            None => None,
        };
        let v = verdict(
            d.message.sequence,
            &d.message.id,
            ours.as_ref().map(|(id, c)| (id.as_str(), c)),
            &HrRecord {
                sequence: hr.sequence,
                message_id: hr.message_id.clone(),
                certifications: hr.certifications.clone(),
            },
            &Vec::new(),
        );
        match v {
            Verdict::AlreadyApplied => return Done::AlreadyApplied,
            Verdict::Superseded => return Done::Superseded,
            Verdict::EditedInHr if !d.overwrite => {
                return Done::Conflict(Problem::HrEditedThere {
                    sequence: hr.sequence,
                })
            }
            Verdict::Send | Verdict::EditedInHr => {}
        }
        let ext = training_extension(
            d.message.sequence,
            &d.message.id,
            message_time(&d.message.id),
            &certs,
        );
        match scim.patch_training(&id, &ext, etag.as_deref()).await {
            Ok(()) => Done::Delivered,
            Err(e) => Done::Failed(e),
        }
    }
}

fn problem_json(p: &Problem) -> String {
    serde_json::to_string(p).unwrap_or_else(|_| p.to_string())
}

/// A message's time, from its UUID v7 id (when it was queued).
fn message_time(id: &str) -> DateTime<Utc> {
    uuid::Uuid::parse_str(id)
        .ok()
        .and_then(|u| u.get_timestamp())
        .and_then(|t| {
            let (s, n) = t.to_unix();
            DateTime::from_timestamp(i64::try_from(s).ok()?, n)
        })
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// A random number in [0, 1) for spreading retries.
fn jitter() -> f64 {
    let mut b = [0u8; 4];
    match getrandom::fill(&mut b) {
        Ok(()) => f64::from(u32::from_le_bytes(b)) / (f64::from(u32::MAX) + 1.0),
        Err(_) => 0.5,
    }
}

impl Api {
    /// Compares HR's training status of every active person with
    /// Mastery's and lists who differs (`hr: None`: HR has no record).
    pub async fn reconcile_hr(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<ReconcileReport> {
        caller.require(Permission::ManageHr)?;
        let scim = self.scim()?;
        let users = scim.users(progress).await.map_err(super::hr_error)?;
        let intact = self.chain_intact_below()?;
        let ours = self.everyone_status(intact, now)?;
        let people = self.store.read(store::people_with_hr_ids)?;
        let by_id: HashMap<&str, &serde_json::Value> = users
            .iter()
            .filter_map(|u| Some((u.get("id")?.as_str()?, u)))
            .collect();
        let by_number: HashMap<String, &serde_json::Value> = users
            .iter()
            .filter_map(|u| {
                let n = u
                    .get(mastery_hr::scim::ENTERPRISE_SCHEMA)
                    .and_then(|e| e.get("employeeNumber"))
                    .or_else(|| u.get("userName"))?
                    .as_str()?;
                Some((n.to_owned(), u))
            })
            .collect();
        let mut report = ReconcileReport {
            compared: 0,
            differences: Vec::new(),
        };
        for mastery_store::hr::Listed {
            id,
            number,
            name,
            hr_id,
        } in people
        {
            let mastery = ours.get(&id).cloned().unwrap_or_default();
            let user = hr_id
                .as_deref()
                .and_then(|h| by_id.get(h).copied())
                .or_else(|| by_number.get(&number).copied());
            let hr = user.map(|u| training_record(u).certifications);
            if hr.is_none() && mastery.is_empty() {
                continue;
            }
            report.compared += 1;
            if hr.as_ref() != Some(&mastery) {
                report.differences.push(StatusDifference {
                    employee_number: number,
                    name,
                    mastery,
                    hr,
                });
            }
        }
        Ok(report)
    }

    /// Queues Mastery's status again for everyone HR differs on, allowed
    /// to overwrite HR's record: how a drifted HR system is brought back in
    /// line. Returns how many were queued.
    pub fn realign_hr(
        &self,
        caller: &Caller,
        report: &ReconcileReport,
        now: DateTime<Utc>,
    ) -> Result<u32> {
        let actor = caller.require(Permission::ManageHr)?;
        let numbers: Vec<&str> = report
            .differences
            .iter()
            .filter(|d| d.hr.is_some())
            .map(|d| d.employee_number.as_str())
            .collect();
        Ok(self.store.write(|tx| {
            let people = store::people_with_hr_ids(tx)?;
            let mut queued = 0;
            for d in &report.differences {
                if !numbers.contains(&d.employee_number.as_str()) {
                    continue;
                }
                let Some(p) = people.iter().find(|p| p.number == d.employee_number) else {
                    continue;
                };
                if super::outbox::enqueue_message(tx, p.id, &d.mastery, true, now)? {
                    queued += 1;
                }
            }
            crate::audit::record(
                tx,
                now,
                actor,
                "hr.realigned",
                "hr",
                serde_json::json!({ "people": queued }),
            )?;
            Ok(queued)
        })?)
    }
}
