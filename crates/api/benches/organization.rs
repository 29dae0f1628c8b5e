//! Eligibility for certification across an 11,000-person organization:
//! every person × 12 certifications derived from their facts (recorded
//! completions for a third of them, a few thousand requests and approvals)
//! on a file database, as the administrator's organization count does.
//! A plain timing harness (one full pass is seconds long, too long for
//! criterion's ten samples): prints the time of three passes.
//! Run: `cargo bench -p mastery-api --bench organization`.

use chrono::{TimeZone, Utc};
use mastery_api::{Api, Caller, PROGRAM_PACK_ID};
use mastery_store::{certification, completions, people};
use mastery_types::{CourseId, EmployeeNumber, PersonId, Track};
use std::time::Instant;

const PEOPLE: usize = 11_000;

fn main() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 29, 9, 0, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir().expect("dir");
    let api = Api::open(&dir.path().join("org.sqlite3")).expect("api");
    api.load_shipped_pack(now).expect("pack");
    let version = mastery_packs::shipped().expect("pack").version;
    let started = Instant::now();
    let ids: Vec<PersonId> = (0..PEOPLE)
        .map(|_| PersonId(uuid::Uuid::now_v7()))
        .collect();
    api.store()
        .write(|tx| {
            for (i, id) in ids.iter().enumerate() {
                let track = Track::ALL[i % 4];
                people::insert_person(
                    tx,
                    &people::Person {
                        id: *id,
                        employee_number: EmployeeNumber(format!("{:06}", 500_000 + i)),
                        display_name: format!("Employee {i}"),
                        org_unit_id: None,
                        manager_id: (i % 10 != 0).then(|| ids[i - i % 10]),
                        home_track: Some(track),
                        language: if i % 3 == 0 { "fr".into() } else { "en".into() },
                    },
                    now,
                )?;
                if i % 3 == 0 {
                    completions::insert(
                        tx,
                        &completions::CompletionFact {
                            id: uuid::Uuid::now_v7(),
                            person: *id,
                            course: &CourseId(format!("{track}-l1")),
                            pack_id: PROGRAM_PACK_ID,
                            pack_version: &version,
                            source: "bench",
                            recorded_by: None,
                            recorded_at: now,
                        },
                    )?;
                }
                if i % 6 == 0 {
                    let request = uuid::Uuid::now_v7().to_string();
                    certification::insert_request(
                        tx,
                        &certification::NewRequest {
                            id: &request,
                            person: *id,
                            track,
                            level: mastery_types::MasteryLevel::new(1).expect("level"),
                            course: &CourseId(format!("{track}-l1")),
                            pack_id: PROGRAM_PACK_ID,
                            pack_version: &version,
                            evidence_json: "{}",
                            at: now,
                        },
                    )?;
                    if i % 12 == 0 && i > 0 {
                        certification::insert_decision(
                            tx,
                            &certification::NewDecision {
                                id: &uuid::Uuid::now_v7().to_string(),
                                request_id: &request,
                                by: ids[0],
                                authority: mastery_domain::certification::Authority::Manager,
                                approved: true,
                                reason: "",
                                period: Some((now, now + chrono::Duration::days(1095))),
                                at: now,
                            },
                        )?;
                    }
                }
            }
            Ok(())
        })
        .expect("organization");
    println!(
        "built {PEOPLE} people in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let t = Instant::now();
        last = Some(
            api.organization_eligibility(&Caller::LocalOperator, now)
                .expect("eligibility"),
        );
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    if let Some(org) = last {
        println!("statuses: {:?}", org.by_status);
    }
    println!(
        "eligibility of {PEOPLE} people × 12 certifications: min {:.2} s, median {:.2} s ({:.0} µs per person)",
        times[0],
        times[1],
        times[1] * 1e6 / PEOPLE as f64
    );
}
