//! The demo organization: two offices, two managers, a coach, a course
//! designer, an administrator and ten employees, so the app can be tried
//! (and tested end to end) on a fresh machine.

use crate::errors::new_id;
use crate::{password, Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Utc};
use mastery_store::{certification, completions, packs, people, settings, StoreError};
use mastery_types::{
    ApiError, CourseId, EmployeeNumber, ErrorCode, MasteryLevel, PersonId, Role, Track, Username,
};

/// Every demo account signs in with this password (listed in README.md).
pub const DEMO_PASSWORD: &str = "mastery-demo-2026";

#[derive(Debug, PartialEq, Eq)]
pub struct DemoSummary {
    pub organization: String,
    pub offices: usize,
    pub accounts: usize,
}

struct DemoPerson {
    key: &'static str,
    name: &'static str,
    employee_number: &'static str,
    office: usize,
    manager: Option<&'static str>,
    track: Option<Track>,
    language: &'static str,
    roles: &'static [Role],
    completed: &'static [&'static str],
}

/// Demo people in entry-level program manager positions.
const ENTRY_LEVEL_PROGRAM_MANAGERS: [&str; 2] = ["fatima", "noah"];

const ORGANIZATION: &str = "Northshore Service Agency / Agence de services Northshore";

/// (id, name, time zone)
const OFFICES: [(&str, &str, &str); 2] = [
    (
        "riverside",
        "Riverside Service Centre / Centre de services Riverside",
        "America/Toronto",
    ),
    (
        "baie-des-pins",
        "Baie-des-Pins Processing Centre / Centre de traitement de Baie-des-Pins",
        "America/Moncton",
    ),
];

use Role::*;
const PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        key: "admin",
        name: "Dana Okafor",
        employee_number: "100001",
        office: 0,
        manager: None,
        track: None,
        language: "en",
        roles: &[Administrator],
        completed: &[],
    },
    DemoPerson {
        key: "sophie",
        name: "Sophie Tremblay",
        employee_number: "100010",
        office: 0,
        manager: None,
        track: Some(Track::Staff),
        language: "fr",
        roles: &[Manager, Coach, Learner],
        completed: &["staff-l1"],
    },
    DemoPerson {
        key: "rajinder",
        name: "Rajinder Singh",
        employee_number: "100020",
        office: 1,
        manager: None,
        track: Some(Track::Staff),
        language: "en",
        roles: &[Manager, Coach, Learner],
        completed: &["staff-l1", "staff-l2"],
    },
    DemoPerson {
        key: "marc",
        name: "Marc-André Gagnon",
        employee_number: "100030",
        office: 0,
        manager: Some("sophie"),
        track: Some(Track::Clients),
        language: "fr",
        roles: &[Coach, Learner],
        completed: &["clients-l1", "clients-l2", "clients-l3"],
    },
    DemoPerson {
        key: "mathieu",
        name: "Mathieu Lavoie",
        employee_number: "100040",
        office: 1,
        manager: Some("rajinder"),
        track: Some(Track::Colleagues),
        language: "fr",
        roles: &[CourseDesigner, Learner],
        completed: &["colleagues-l1"],
    },
    DemoPerson {
        key: "amelie",
        name: "Amélie Roy",
        employee_number: "200101",
        office: 0,
        manager: Some("sophie"),
        track: Some(Track::Clients),
        language: "en",
        roles: &[Learner],
        completed: &["clients-l1"],
    },
    DemoPerson {
        key: "jordan",
        name: "Jordan Baptiste",
        employee_number: "200102",
        office: 0,
        manager: Some("sophie"),
        track: Some(Track::Clients),
        language: "en",
        roles: &[Learner],
        completed: &[],
    },
    DemoPerson {
        key: "li",
        name: "Li Wei",
        employee_number: "200103",
        office: 0,
        manager: Some("sophie"),
        track: Some(Track::Clients),
        language: "en",
        roles: &[Learner],
        completed: &["clients-l1", "clients-l2"],
    },
    DemoPerson {
        key: "fatima",
        name: "Fatima El-Amin",
        employee_number: "200104",
        office: 0,
        manager: Some("sophie"),
        track: Some(Track::Communities),
        language: "fr",
        roles: &[Learner],
        completed: &["communities-l1"],
    },
    DemoPerson {
        key: "noah",
        name: "Noah Whitehorse",
        employee_number: "200105",
        office: 0,
        manager: Some("sophie"),
        track: Some(Track::Communities),
        language: "en",
        roles: &[Learner],
        completed: &[],
    },
    DemoPerson {
        key: "chloe",
        name: "Chloé Bergeron",
        employee_number: "200201",
        office: 1,
        manager: Some("rajinder"),
        track: Some(Track::Clients),
        language: "fr",
        roles: &[Learner],
        completed: &[],
    },
    DemoPerson {
        key: "kwame",
        name: "Kwame Mensah",
        employee_number: "200202",
        office: 1,
        manager: Some("rajinder"),
        track: Some(Track::Colleagues),
        language: "en",
        roles: &[Learner],
        completed: &["colleagues-l1"],
    },
    DemoPerson {
        key: "isabelle",
        name: "Isabelle Cormier",
        employee_number: "200203",
        office: 1,
        manager: Some("rajinder"),
        track: Some(Track::Clients),
        language: "fr",
        roles: &[Learner],
        completed: &["clients-l1"],
    },
    DemoPerson {
        key: "ethan",
        name: "Ethan MacDonald",
        employee_number: "200204",
        office: 1,
        manager: Some("rajinder"),
        track: Some(Track::Colleagues),
        language: "en",
        roles: &[Learner],
        completed: &[],
    },
    DemoPerson {
        key: "priya",
        name: "Priya Raman",
        employee_number: "200205",
        office: 1,
        manager: Some("rajinder"),
        track: Some(Track::Communities),
        language: "en",
        roles: &[Learner],
        completed: &["communities-l1", "communities-l2"],
    },
];

impl Api {
    /// Seeds the demo organization into an empty database. Only the local
    /// operator (the CLI, or the app started with `--demo`) may do this, and
    /// only while no account exists.
    pub fn seed_demo(&self, caller: &Caller, now: DateTime<Utc>) -> Result<DemoSummary> {
        if *caller != Caller::LocalOperator {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                "only the local operator can seed the demo organization",
            ));
        }
        // A shipped pack changed under an old version number keeps the
        // stored version (published versions never change): not an error here.
        match self.load_shipped_pack(now) {
            Err(e) if e.code != ErrorCode::Conflict => return Err(e),
            _ => {}
        }
        let pack = self
            .store
            .read(|c| packs::latest_published(c, PROGRAM_PACK_ID))?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "the program pack is not loaded"))?;
        let hashes = PEOPLE
            .iter()
            .map(|_| password::hash(DEMO_PASSWORD))
            .collect::<Result<Vec<String>>>()?;
        let ids: Vec<PersonId> = PEOPLE.iter().map(|_| PersonId(new_id(now))).collect();
        let id_of = |key: &str| PEOPLE.iter().position(|p| p.key == key).map(|i| ids[i]);
        self.store.write(|tx| {
            if people::count_accounts(tx)? > 0 {
                return Err(StoreError::Conflict(
                    "the database already has accounts; seed the demo only into a new database"
                        .into(),
                ));
            }
            settings::set(tx, settings::ORGANIZATION_NAME, ORGANIZATION)?;
            for (id, name, tz) in OFFICES {
                people::insert_org_unit(
                    tx,
                    &people::NewOrgUnit {
                        id,
                        name,
                        parent_id: None,
                        time_zone: tz,
                    },
                )?;
            }
            // Managers first, so the manager reference exists when a report is inserted.
            let mut order: Vec<usize> = (0..PEOPLE.len()).collect();
            order.sort_by_key(|i| PEOPLE[*i].manager.is_some());
            for i in order {
                let p = &PEOPLE[i];
                people::insert_person(
                    tx,
                    &people::Person {
                        id: ids[i],
                        employee_number: EmployeeNumber(p.employee_number.into()),
                        display_name: p.name.into(),
                        org_unit_id: Some(OFFICES[p.office].0.into()),
                        manager_id: p.manager.and_then(id_of),
                        home_track: p.track,
                        language: p.language.into(),
                    },
                    now,
                )?;
                people::insert_account(tx, ids[i], &Username(p.key.into()), &hashes[i], now)?;
                people::set_roles(tx, ids[i], p.roles, None, now)?;
                let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
                crate::audit::record(
                    tx,
                    now,
                    None,
                    "roles.granted",
                    p.key,
                    serde_json::json!({ "person": ids[i].0.to_string(), "roles": roles, "demo": true }),
                )?;
                for course in p.completed {
                    let recorded_at = now
                        .checked_sub_months(chrono::Months::new(completed_months_ago(
                            p.key, i, course,
                        )))
                        .unwrap_or(now);
                    completions::insert(
                        tx,
                        &completions::CompletionFact {
                            id: new_id(recorded_at),
                            person: ids[i],
                            course: &CourseId((*course).into()),
                            pack_id: &pack.id,
                            pack_version: &pack.version,
                            source: "demo",
                            recorded_by: None,
                            recorded_at,
                        },
                    )?;
                }
            }
            // Two of Sophie's staff hold entry-level program manager
            // positions: Levels 1 and 2 are mandatory for them.
            for key in ENTRY_LEVEL_PROGRAM_MANAGERS {
                if let Some(id) = id_of(key) {
                    certification::set_entry_level_program_manager(tx, id, true)?;
                }
            }
            // Baie-des-Pins has no coach of its own on the Clients track:
            // Rajinder paired Marc-André (Riverside) with Chloé for the year,
            // so he may coach her across offices (see `mastery_domain::scope`).
            if let (Some(marc), Some(chloe), Some(rajinder)) =
                (id_of("marc"), id_of("chloe"), id_of("rajinder"))
            {
                let starts_on = now.date_naive() - chrono::Duration::days(30);
                let ends_on = starts_on + chrono::Duration::days(365);
                let id = new_id(now).to_string();
                mastery_store::scope::insert_pairing(
                    tx,
                    &mastery_store::scope::NewPairing {
                        id: &id,
                        coach: marc,
                        learner: chloe,
                        paired_by: rajinder,
                        starts_on,
                        ends_on: Some(ends_on),
                        at: now,
                    },
                )?;
                crate::audit::record(
                    tx,
                    now,
                    Some(rajinder),
                    "pairing.created",
                    "Marc-André Gagnon coaches Chloé Bergeron",
                    serde_json::json!({
                        "pairing": id, "coach": marc.0.to_string(), "learner": chloe.0.to_string(),
                        "starts_on": starts_on, "ends_on": ends_on, "demo": true,
                    }),
                )?;
            }
            // Marc-André was certified at Levels 1 and 2 of his track by
            // Sophie: Level 1 nearly three years ago (expiring soon), Level 2
            // last winter.
            if let (Some(marc), Some(sophie)) = (id_of("marc"), id_of("sophie")) {
                for (level, course, months_ago) in [(1u8, "clients-l1", 34u32), (2, "clients-l2", 10)] {
                    let Some(mastery_level) = MasteryLevel::new(level) else {
                        continue;
                    };
                    let approved_at = now
                        .checked_sub_months(chrono::Months::new(months_ago))
                        .unwrap_or(now);
                    let request = new_id(approved_at).to_string();
                    let evidence = serde_json::json!({
                        "pack_version": pack.version, "course": course, "requirements": [],
                        "recorded_completion": true, "quiz_best_percent": null, "quiz_pass_mark": null,
                        "quiz_attempts": 0, "coaching": [], "reviews": [], "observations": [], "prior_levels": [],
                    });
                    certification::insert_request(
                        tx,
                        &certification::NewRequest {
                            id: &request,
                            person: marc,
                            track: Track::Clients,
                            level: mastery_level,
                            course: &CourseId(course.into()),
                            pack_id: &pack.id,
                            pack_version: &pack.version,
                            evidence_json: &evidence.to_string(),
                            at: approved_at - chrono::Duration::days(3),
                        },
                    )?;
                    let valid_until = mastery_domain::certification::valid_until(
                        approved_at,
                        mastery_domain::certification::DEFAULT_VALIDITY_MONTHS,
                    );
                    certification::insert_decision(
                        tx,
                        &certification::NewDecision {
                            id: &new_id(approved_at).to_string(),
                            request_id: &request,
                            by: sophie,
                            authority: mastery_domain::certification::Authority::Manager,
                            approved: true,
                            reason: "",
                            period: Some((approved_at, valid_until)),
                            at: approved_at,
                        },
                    )?;
                    // Seeded history is still recorded in the chain: a
                    // decision without its audit row does not count.
                    crate::audit::record(
                        tx,
                        approved_at,
                        Some(sophie),
                        "certification.approved",
                        &format!("Marc-André Gagnon clients level {level}"),
                        serde_json::json!({
                            "request": request, "reason": "", "authority": "manager",
                            "valid_until": valid_until, "demo": true,
                        }),
                    )?;
                }
            }
            seed_classes(tx, &pack, &id_of, now)?;
            seed_coaching(tx, &pack, &id_of, now)?;
            Ok(())
        })?;
        Ok(DemoSummary {
            organization: ORGANIZATION.into(),
            offices: OFFICES.len(),
            accounts: PEOPLE.len(),
        })
    }
}

/// Sophie coached Noah at the counter twice this autumn on Putting
/// Communities First, Level 1; he acknowledged both (the program figures
/// show coaching at once).
fn seed_coaching(
    tx: &mastery_store::Connection,
    pack: &mastery_packs::Pack,
    id_of: &dyn Fn(&str) -> Option<PersonId>,
    now: DateTime<Utc>,
) -> mastery_store::Result<()> {
    use mastery_store::coaching;
    use mastery_types::{CoachingResponseKind, CoachingSetting, Driver, Observation};
    let (Some(sophie), Some(noah)) = (id_of("sophie"), id_of("noah")) else {
        return Ok(());
    };
    let course = CourseId("communities-l1".into());
    // Days ago; each driver observed with its rating and evidence; next steps.
    type Seeded<'a> = (i64, &'a [(Driver, u8, &'a str)], &'a str);
    let sessions: [Seeded<'_>; 2] = [
        (
            58,
            &[
                (Driver::Knowledge, 3, "Explained the intake criteria for the community grant without notes and pointed to the right form."),
                (Driver::Timeliness, 2, "Promised a call back \"soon\"; the organization waited four days. Agreed on a date next time."),
                (Driver::Fairness, 3, "Applied the same eligibility questions to both volunteer groups at the counter."),
            ],
            "Give every caller a date for the answer, and note it in the file.",
        ),
        (
            19,
            &[
                (Driver::Outcome, 3, "Left the board chair knowing what to send and by when."),
                (Driver::ExtraMile, 4, "Found the translated guide for the Cree-speaking coordinator and walked her through it."),
                (Driver::Timeliness, 3, "Called back on the date he had given."),
            ],
            "Keep the call-back dates; share the translated guide with the team.",
        ),
    ];
    for (days_ago, observed, next) in sessions {
        let held = now - chrono::Duration::days(days_ago);
        let observations: Vec<Observation> = observed
            .iter()
            .map(|(driver, rating, evidence)| Observation {
                driver: *driver,
                rating: *rating,
                evidence: (*evidence).into(),
            })
            .collect();
        let id = new_id(held).to_string();
        coaching::insert(
            tx,
            &coaching::NewSession {
                id: &id,
                coach: sophie,
                learner: noah,
                course: &course,
                pack_id: &pack.id,
                pack_version: &pack.version,
                held_on: held.date_naive(),
                duration_minutes: 30,
                setting: CoachingSetting::Counter,
                observations: &observations,
                next_steps: next,
                recorded_at: held,
            },
        )?;
        let answered = held + chrono::Duration::days(1);
        coaching::respond(
            tx,
            &new_id(answered).to_string(),
            &id,
            noah,
            CoachingResponseKind::Acknowledged,
            "",
            answered,
        )?;
    }
    Ok(())
}

/// How long ago a demo person completed a course, in months, so that the
/// program figures show a year of history: Marc-André before each of his
/// certifications (Level 1 nearly three years ago, Level 2 last winter),
/// everyone else Level 1 within the year and Level 2 in the last months.
fn completed_months_ago(key: &str, index: usize, course: &str) -> u32 {
    let spread = u32::try_from(index % 7).unwrap_or(0);
    match (key, course.rsplit('-').next()) {
        ("marc", Some("l1")) => 35,
        ("marc", Some("l2")) => 11,
        (_, Some("l1")) => 3 + spread,
        (_, Some("l2")) => 1 + spread % 2,
        _ => 1,
    }
}

/// A class of Putting Clients First, Level 1, at Riverside three weeks ago,
/// taught by Marc-André: five of its six attendees answered the survey (just
/// enough for results to show) and Li has yet to; one yesterday whose
/// attendance is still to be taken; and one next week with seats left.
fn seed_classes(
    tx: &mastery_store::Connection,
    pack: &mastery_packs::Pack,
    id_of: &dyn Fn(&str) -> Option<PersonId>,
    now: DateTime<Utc>,
) -> mastery_store::Result<()> {
    use mastery_store::classes as store;
    use mastery_types::SurveyAnswer as A;
    let (Some(marc), Some(sophie)) = (id_of("marc"), id_of("sophie")) else {
        return Ok(());
    };
    let course = CourseId("clients-l1".into());
    let day = |days: i64, hour: u32| -> DateTime<Utc> {
        let d = (now + chrono::Duration::days(days)).date_naive();
        // 09:00 in Toronto is 14:00 UTC for most of the year: close enough
        // for seeded history.
        d.and_hms_opt(hour, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(now)
    };
    let past = new_id(day(-28, 12)).to_string();
    store::insert_class(
        tx,
        &store::NewClass {
            id: &past,
            course: &course,
            pack_id: &pack.id,
            pack_version: &pack.version,
            office: Some("riverside"),
            starts_at: day(-21, 14),
            ends_at: day(-21, 17),
            place: "Room 204 / Salle 204",
            facilitator: marc,
            capacity: 12,
            by: sophie,
            at: day(-28, 12),
        },
    )?;
    // Who; Likert for q01–q05; recommendation; pace; what helped; comment.
    type Seeded<'a> = (&'a str, [u8; 5], u8, &'a str, &'a [&'a str], &'a str);
    let answers: [Seeded<'_>; 5] = [
        ("amelie", [5, 4, 5, 5, 4], 9, "about-right", &["scenarios", "discussions"],
            "More practice with callers who are angry about a decision they cannot appeal."),
        ("jordan", [4, 4, 5, 4, 3], 8, "about-right", &["scenarios"],
            "The afternoon role plays could use real letters from our program, with the names removed."),
        ("kwame", [4, 3, 4, 4, 4], 7, "too-fast", &["lessons", "coaching"],
            "Plus de temps pour expliquer un trop-payé en langage clair, et des exemples en français."),
        ("fatima", [5, 5, 5, 5, 5], 10, "about-right", &["discussions", "coaching"],
            "Keep the discussion about first contact; it changed how I greet people at the counter."),
        ("noah", [3, 4, 4, 3, 3], 6, "too-slow", &["knowledge-checks"],
            "The first hour repeated the online lessons; start with the scenarios instead."),
    ];
    for (i, (key, likert, recommend, pace, helped, comment)) in answers.iter().enumerate() {
        let Some(person) = id_of(key) else {
            continue;
        };
        let at = day(-27, 12) + chrono::Duration::minutes(i as i64 * 17);
        store::insert_enrolment(tx, &new_id(at).to_string(), &past, person, true, person, at)?;
        let marked = day(-21, 14) + chrono::Duration::minutes(5);
        store::insert_attendance(
            tx,
            &new_id(marked).to_string(),
            &past,
            person,
            true,
            marc,
            marked,
        )?;
        store::insert_answered(tx, person, &past, false)?;
        let mut a: Vec<(String, A)> = likert
            .iter()
            .enumerate()
            .map(|(q, v)| (format!("q0{}", q + 1), A::Likert(*v)))
            .collect();
        a.push(("q06".into(), A::Recommend(*recommend)));
        a.push(("q07".into(), A::Single((*pace).into())));
        a.push((
            "q08".into(),
            A::Multiple(helped.iter().map(|h| (*h).to_owned()).collect()),
        ));
        a.push(("q09".into(), A::Text((*comment).into())));
        let json = serde_json::to_string(&a).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        store::insert_response(
            tx,
            &store::NewResponse {
                id: &uuid::Uuid::new_v4().to_string(),
                survey: "post-class",
                course: &course,
                pack_id: &pack.id,
                pack_version: &pack.version,
                class: Some(&past),
                office: Some("riverside"),
                facilitator: Some(marc),
                answers_json: &json,
            },
        )?;
    }
    // Li attended too, and has not answered yet: she is asked when she
    // signs in.
    if let Some(li) = id_of("li") {
        let at = day(-26, 12);
        store::insert_enrolment(tx, &new_id(at).to_string(), &past, li, true, li, at)?;
        let marked = day(-21, 14) + chrono::Duration::minutes(5);
        store::insert_attendance(
            tx,
            &new_id(marked).to_string(),
            &past,
            li,
            true,
            marc,
            marked,
        )?;
    }
    // Yesterday's afternoon class: Jordan and Noah were there, and Marc-André
    // has yet to take attendance (the classes he runs list it).
    let yesterday = new_id(day(-8, 12)).to_string();
    store::insert_class(
        tx,
        &store::NewClass {
            id: &yesterday,
            course: &course,
            pack_id: &pack.id,
            pack_version: &pack.version,
            office: Some("riverside"),
            starts_at: day(-1, 18),
            ends_at: day(-1, 21),
            place: "Room 204 / Salle 204",
            facilitator: marc,
            capacity: 10,
            by: sophie,
            at: day(-8, 12),
        },
    )?;
    for (i, key) in ["jordan", "noah"].iter().enumerate() {
        if let Some(person) = id_of(key) {
            let at = day(-7, 12) + chrono::Duration::minutes(i as i64 * 23);
            store::insert_enrolment(
                tx,
                &new_id(at).to_string(),
                &yesterday,
                person,
                true,
                person,
                at,
            )?;
        }
    }
    let next = new_id(now).to_string();
    store::insert_class(
        tx,
        &store::NewClass {
            id: &next,
            course: &course,
            pack_id: &pack.id,
            pack_version: &pack.version,
            office: Some("riverside"),
            starts_at: day(7, 14),
            ends_at: day(7, 17),
            place: "Room 204 / Salle 204",
            facilitator: marc,
            capacity: 8,
            by: sophie,
            at: now,
        },
    )?;
    Ok(())
}
