//! The rules of sending certification status to HR: what HR is told about
//! a person, when a failed delivery is tried again, and whether HR's record
//! may be written over.

use crate::certification::{Decision, RequestFacts};
use chrono::{DateTime, Duration, Utc};
use mastery_types::{CertificationKey, HrCertStatus};

/// Failed deliveries of one message before it is parked for an
/// administrator to look at.
pub const PARK_AFTER: u32 = 8;

/// Where a person stands on one certification, as HR is told: the latest
/// approved period (index into the requests given) and whether it is in
/// force, ended by expiry, or revoked. `None` when never certified.
pub fn hr_standing(requests: &[RequestFacts], now: DateTime<Utc>) -> Option<(usize, HrCertStatus)> {
    let (i, r) = requests
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.decision, Some(Decision::Approved { .. })))
        .max_by_key(|(_, r)| match r.decision {
            Some(Decision::Approved { at, .. }) => at,
            _ => r.requested_at,
        })?;
    let Some(Decision::Approved { valid_until, .. }) = r.decision else {
        return None;
    };
    let status = if r.revoked_at.is_some() {
        HrCertStatus::Revoked
    } else if now >= valid_until {
        HrCertStatus::Expired
    } else {
        HrCertStatus::Certified
    };
    Some((i, status))
}

/// Every certification of a person HR is told about, keyed and in key
/// order: the requests are grouped by key (oldest first within a key).
pub fn training_status(
    requests: &[(CertificationKey, RequestFacts)],
    now: DateTime<Utc>,
) -> Vec<(CertificationKey, usize, HrCertStatus)> {
    let mut keys: Vec<CertificationKey> = requests.iter().map(|(k, _)| *k).collect();
    keys.sort_by_key(|k| (k.track, k.level));
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let idx: Vec<usize> = requests
                .iter()
                .enumerate()
                .filter(|(_, (k, _))| *k == key)
                .map(|(i, _)| i)
                .collect();
            let facts: Vec<RequestFacts> = idx.iter().map(|i| requests[*i].1.clone()).collect();
            hr_standing(&facts, now).map(|(j, status)| (key, idx[j], status))
        })
        .collect()
}

/// How long to wait before trying a message again after `failures` failed
/// deliveries: doubling from 30 seconds, at most an hour, and spread by
/// `jitter` (0 to 1, random) over the upper half so that many messages
/// failed by one outage do not all come back at the same second.
pub fn retry_delay(failures: u32, jitter: f64) -> Duration {
    let base = 30i64.saturating_mul(1i64 << failures.saturating_sub(1).min(20));
    let capped = base.min(3600);
    let jitter = jitter.clamp(0.0, 1.0);
    let ms = (capped as f64 * 1000.0 * (0.5 + jitter / 2.0)) as i64;
    Duration::milliseconds(ms)
}

/// Whether a failed message is given up on until an administrator retries.
pub fn parks(failures: u32) -> bool {
    failures >= PARK_AFTER
}

/// What HR's record holds of Mastery's training-status extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HrRecord<C> {
    pub sequence: Option<u64>,
    pub message_id: Option<String>,
    pub certifications: C,
}

/// What to do with a message, given HR's record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// HR holds an older state Mastery wrote (or nothing): send.
    Send,
    /// This very message is already applied (its answer was lost).
    AlreadyApplied,
    /// HR already holds a newer message of Mastery's.
    Superseded,
    /// HR's record was changed on the HR side since Mastery wrote it:
    /// reported, not overwritten.
    EditedInHr,
}

/// Decides on one message (`sequence`, `id`, what it says) given HR's
/// record and `ours_at_hr`: the message of Mastery's that carries the
/// sequence number HR shows, if there is one. Certifications compare as
/// given (the caller normalizes them).
pub fn verdict<C: PartialEq>(
    sequence: u64,
    id: &str,
    ours_at_hr: Option<(&str, &C)>,
    hr: &HrRecord<C>,
    empty: &C,
) -> Verdict {
    let hr_is_ours = || {
        ours_at_hr.is_some_and(|(our_id, ours)| {
            hr.message_id.as_deref() == Some(our_id) && *ours == hr.certifications
        })
    };
    match hr.sequence {
        None if hr.certifications == *empty => Verdict::Send,
        None => Verdict::EditedInHr,
        Some(s) if s == sequence && hr.message_id.as_deref() == Some(id) => {
            if hr_is_ours() {
                Verdict::AlreadyApplied
            } else {
                Verdict::EditedInHr
            }
        }
        Some(s) if s > sequence && hr_is_ours() => Verdict::Superseded,
        Some(s) if s < sequence && hr_is_ours() => Verdict::Send,
        Some(_) => Verdict::EditedInHr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use mastery_types::{MasteryLevel, Track};

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0)
            .single()
            .expect("valid")
    }

    fn approved(day: u32, until: u32) -> RequestFacts {
        RequestFacts {
            requested_at: t(day),
            decision: Some(Decision::Approved {
                at: t(day),
                valid_until: t(until),
            }),
            revoked_at: None,
        }
    }

    #[test]
    fn hr_hears_of_the_latest_period_in_force_expired_or_revoked() {
        let returned = RequestFacts {
            requested_at: t(1),
            decision: Some(Decision::Returned { at: t(2) }),
            revoked_at: None,
        };
        assert_eq!(hr_standing(std::slice::from_ref(&returned), t(3)), None);
        assert_eq!(
            hr_standing(&[returned, approved(3, 20)], t(4)),
            Some((1, HrCertStatus::Certified))
        );
        assert_eq!(
            hr_standing(&[approved(3, 20)], t(20)),
            Some((0, HrCertStatus::Expired))
        );
        let mut revoked = approved(10, 28);
        revoked.revoked_at = Some(t(11));
        assert_eq!(
            hr_standing(&[approved(3, 20), revoked], t(12)),
            Some((1, HrCertStatus::Revoked))
        );
    }

    #[test]
    fn training_status_is_one_entry_per_certification_in_key_order() {
        let k = |track, level| CertificationKey {
            track,
            level: MasteryLevel::new(level).expect("level"),
        };
        let s = training_status(
            &[
                (k(Track::Staff, 1), approved(2, 25)),
                (k(Track::Clients, 2), approved(1, 25)),
                (k(Track::Clients, 2), approved(5, 25)),
            ],
            t(6),
        );
        assert_eq!(
            s,
            vec![
                (k(Track::Clients, 2), 2, HrCertStatus::Certified),
                (k(Track::Staff, 1), 0, HrCertStatus::Certified),
            ]
        );
    }

    #[test]
    fn retries_back_off_with_jitter_up_to_an_hour() {
        assert_eq!(retry_delay(1, 1.0), Duration::seconds(30));
        assert_eq!(retry_delay(1, 0.0), Duration::seconds(15));
        assert_eq!(retry_delay(2, 1.0), Duration::seconds(60));
        assert_eq!(retry_delay(4, 1.0), Duration::seconds(240));
        assert_eq!(retry_delay(30, 1.0), Duration::seconds(3600));
        assert!(retry_delay(30, 0.5) < Duration::seconds(3600));
        assert!(!parks(PARK_AFTER - 1) && parks(PARK_AFTER));
    }

    #[test]
    fn an_applied_message_is_not_sent_twice_and_an_hr_edit_is_not_overwritten() {
        let empty: Vec<u8> = vec![];
        let hr = |seq, id: &str, c: Vec<u8>| HrRecord {
            sequence: seq,
            message_id: Some(id.to_owned()),
            certifications: c,
        };
        let none = HrRecord {
            sequence: None,
            message_id: None,
            certifications: vec![],
        };
        let v1 = vec![1u8];
        let v2 = vec![2u8];
        assert_eq!(verdict(1, "m1", None, &none, &empty), Verdict::Send);
        // A record HR filled in by hand before Mastery ever wrote.
        let by_hand = HrRecord {
            sequence: None,
            message_id: None,
            certifications: vec![9u8],
        };
        assert_eq!(
            verdict(1, "m1", None, &by_hand, &empty),
            Verdict::EditedInHr
        );
        // m1 applied, its answer lost: not sent again.
        assert_eq!(
            verdict(
                1,
                "m1",
                Some(("m1", &v1)),
                &hr(Some(1), "m1", v1.clone()),
                &empty
            ),
            Verdict::AlreadyApplied
        );
        // m2 after m1 as Mastery wrote it: send.
        assert_eq!(
            verdict(
                2,
                "m2",
                Some(("m1", &v1)),
                &hr(Some(1), "m1", v1.clone()),
                &empty
            ),
            Verdict::Send
        );
        // m1 again after m2 is there: an old message never overwrites.
        assert_eq!(
            verdict(
                1,
                "m1",
                Some(("m2", &v2)),
                &hr(Some(2), "m2", v2.clone()),
                &empty
            ),
            Verdict::Superseded
        );
        // HR changed what Mastery wrote as m1: reported.
        assert_eq!(
            verdict(
                2,
                "m2",
                Some(("m1", &v1)),
                &hr(Some(1), "m1", v2.clone()),
                &empty
            ),
            Verdict::EditedInHr
        );
        // HR shows a sequence Mastery never wrote.
        assert_eq!(
            verdict(2, "m2", None, &hr(Some(1), "x", v1), &empty),
            Verdict::EditedInHr
        );
    }
}
