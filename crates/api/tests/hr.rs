//! HR through the API (without a SCIM server; `tests/` runs the real one):
//! roster previews and imports from CSV (add, change, deactivate,
//! reactivate, loops, unknown managers, duplicates, bad files), an import
//! that fails half-way changing nothing, activation codes, and the outbox
//! written with the certification acts.

use crate::common::{api, demo, demo_sign_in, now, person};
use chrono::Duration;
use mastery_api::{Api, Caller, ErrorCode, CODE_DAYS};
use mastery_types::{
    ActivateRequest, CertificationKey, DecideRequest, HrCertStatus, HrCertification, MasteryLevel,
    Problem, RevokeRequest, Role, RosterField, RowRef, RowRefusal, SignInRequest, Track,
};

fn admin(api: &Api) -> Caller {
    person(api, 1, &[Role::Administrator])
}

const ROSTER: &str = "employee_number;name;office;manager;language;program_manager\n\
    H100;Nadia Hassan;Test Service Centre;;fr;yes\n\
    H101;Omar Fitzgerald;Test Service Centre;H100;en;no\n\
    H102;Paule Gagné;Test Service Centre;H100;fr-CA;\n\
    H103;Quinn Leclerc;Harbourfront;H101;en;no\n";

fn import(api: &Api, who: &Caller, csv: &str) -> mastery_types::ImportSummary {
    let p = api
        .preview_roster_csv(who, csv.as_bytes(), now())
        .expect("preview");
    api.apply_roster(who, &p.digest, now()).expect("applied")
}

#[test]
fn a_roster_is_previewed_then_applied_and_later_rosters_change_deactivate_and_reactivate() {
    let api = api();
    let admin = admin(&api);
    let p = api
        .preview_roster_csv(&admin, ROSTER.as_bytes(), now())
        .expect("preview");
    assert_eq!(p.added.len(), 3, "{:?}", p.refused);
    assert_eq!(
        p.refused
            .iter()
            .map(|r| (r.at.clone(), r.reason.clone()))
            .collect::<Vec<_>>(),
        vec![(
            RowRef::Line(5),
            RowRefusal::UnknownOffice {
                office: "Harbourfront".into()
            }
        )]
    );
    // Nothing is written by a preview.
    assert!(api
        .hr_status(&admin, now())
        .expect("status")
        .last_import
        .is_none());
    let s = api.apply_roster(&admin, &p.digest, now()).expect("applied");
    assert_eq!((s.added, s.refused, s.deactivated), (3, 1, 0));
    let status = api.hr_status(&admin, now()).expect("status");
    assert_eq!(status.last_import.expect("recorded").added, 3);
    assert_eq!(status.without_code, 3);
    // The org structure arrived: H101 reports to H100.
    let roster = api.store().read(mastery_store::hr::roster).expect("roster");
    let omar = roster.iter().find(|p| p.number == "H101").expect("H101");
    assert_eq!(omar.manager.as_deref(), Some("H100"));
    let nadia = roster.iter().find(|p| p.number == "H100").expect("H100");
    assert!(nadia.program_manager);
    assert_eq!(nadia.language, "fr");
    // The audit chain records the import with its counts.
    let audit = api.verify_audit(&admin).expect("audit");
    assert!(audit.first_broken.is_none());
    let imports: i64 = api
        .store()
        .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM audit_log WHERE action = 'hr.roster_imported' AND json_extract(details_json, '$.added') = 3", [], |r| r.get(0))?))
        .expect("audit rows");
    assert_eq!(imports, 1);

    // Next day: Paule's manager changes, Quinn's office is created with a
    // time zone, Omar is gone from the file.
    let next = "employee_number,name,office,time_zone,manager\n\
        H100,Nadia Hassan,Test Service Centre,,\n\
        H102,Paule Gagné,Test Service Centre,,H103\n\
        H103,Quinn Leclerc,Harbourfront,America/Halifax,H100\n";
    let p = api
        .preview_roster_csv(&admin, next.as_bytes(), now())
        .expect("preview");
    assert_eq!(p.added.len(), 1);
    assert_eq!(p.new_offices, vec!["Harbourfront".to_owned()]);
    assert_eq!(p.deactivated.len(), 1);
    assert_eq!(p.deactivated[0].employee_number, "H101");
    assert_eq!(p.changed.len(), 1);
    assert_eq!(p.changed[0].changes[0].field, RosterField::Manager);
    assert_eq!(
        (
            p.changed[0].changes[0].from.as_str(),
            p.changed[0].changes[0].to.as_str()
        ),
        ("H100", "H103")
    );
    api.apply_roster(&admin, &p.digest, now()).expect("applied");

    // Omar comes back.
    let back = format!("{next}H101,Omar Fitzgerald,Test Service Centre,,H100\n");
    let p = api
        .preview_roster_csv(&admin, back.as_bytes(), now())
        .expect("preview");
    assert_eq!(p.reactivated.len(), 1);
    assert_eq!(p.reactivated[0].employee_number, "H101");
    assert!(p.added.is_empty() && p.deactivated.is_empty());
}

#[test]
fn loops_unknown_managers_duplicates_and_missing_names_are_each_reported() {
    let api = api();
    let admin = admin(&api);
    let csv = "employee_number,name,office,manager\n\
        L1,Ana,Test Service Centre,L2\n\
        L2,Ben,Test Service Centre,L1\n\
        L3,Cal,Test Service Centre,NOBODY\n\
        L3,Cal Again,Test Service Centre,\n\
        L4,,Test Service Centre,\n\
        L5,\"Dee, \"\"DJ\"\" Jones\",Test Service Centre,L3\n";
    let p = api
        .preview_roster_csv(&admin, csv.as_bytes(), now())
        .expect("preview");
    let reasons: Vec<(RowRef, RowRefusal)> = p
        .refused
        .iter()
        .map(|r| (r.at.clone(), r.reason.clone()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        matches!(&reasons[0], (RowRef::Line(2), RowRefusal::ManagerLoop { chain }) if chain == &["L1", "L2", "L1"])
    );
    assert!(matches!(
        &reasons[1],
        (RowRef::Line(3), RowRefusal::ManagerLoop { .. })
    ));
    assert_eq!(
        reasons[2],
        (
            RowRef::Line(5),
            RowRefusal::DuplicateEmployeeNumber {
                first: RowRef::Line(4)
            }
        )
    );
    assert_eq!(reasons[3], (RowRef::Line(6), RowRefusal::MissingName));
    assert_eq!(p.unresolved.len(), 1);
    assert_eq!(
        (
            p.unresolved[0].employee_number.as_str(),
            p.unresolved[0].manager.as_str()
        ),
        ("L3", "NOBODY")
    );
    assert_eq!(p.added.len(), 2);
    assert!(p.added.iter().any(|a| a.name == "Dee, \"DJ\" Jones"));
    let s = api.apply_roster(&admin, &p.digest, now()).expect("applied");
    assert_eq!((s.added, s.refused, s.unresolved), (2, 4, 1));
    // NOBODY arrives later: L3's manager resolves.
    import(
        &api,
        &admin,
        &format!("{csv}NOBODY,Nob Ody,Test Service Centre,\n"),
    );
    let roster = api.store().read(mastery_store::hr::roster).expect("roster");
    let l3 = roster.iter().find(|p| p.number == "L3").expect("L3");
    assert_eq!(l3.manager.as_deref(), Some("NOBODY"));
    let unresolved: i64 = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM persons WHERE manager_number IS NOT NULL",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(unresolved, 0);
}

#[test]
fn bad_files_are_refused_whole_with_the_reason() {
    let api = api();
    let admin = admin(&api);
    let latin1 = b"employee_number,name\nE1,Ren\xe9e\n";
    let e = api
        .preview_roster_csv(&admin, latin1, now())
        .expect_err("latin-1");
    assert_eq!(e.problem, Some(Problem::NotUtf8 { line: 2 }));
    let e = api
        .preview_roster_csv(&admin, b"nom;bureau\nAna;X\n", now())
        .expect_err("no number column");
    assert!(matches!(e.problem, Some(Problem::MissingColumns { .. })));
    let e = api
        .preview_roster_csv(&admin, b"", now())
        .expect_err("empty");
    assert_eq!(e.problem, Some(Problem::EmptyRoster));
    // A BOM and CRLF line ends are fine.
    let p = api
        .preview_roster_csv(
            &admin,
            "\u{feff}matricule;nom\r\nE1;Renée\r\n".as_bytes(),
            now(),
        )
        .expect("bom");
    assert_eq!(p.added[0].name, "Renée");
}

#[test]
fn an_import_that_fails_half_way_changes_nothing_and_a_stale_preview_is_refused() {
    let api = api();
    let admin = admin(&api);
    let p = api
        .preview_roster_csv(&admin, ROSTER.as_bytes(), now())
        .expect("preview");
    // The third insert fails inside the transaction.
    api.store()
        .write(|tx| {
            tx.execute_batch(
                "CREATE TRIGGER fail_h102 BEFORE INSERT ON persons WHEN NEW.employee_number = 'H102'
                 BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;",
            )?;
            Ok(())
        })
        .expect("trigger");
    let e = api
        .apply_roster(&admin, &p.digest, now())
        .expect_err("fails");
    assert_eq!(e.code, ErrorCode::Storage, "{e:?}");
    let count: i64 = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM persons WHERE employee_number LIKE 'H1%'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(count, 0, "not H100 or H101 either");
    assert!(api
        .hr_status(&admin, now())
        .expect("status")
        .last_import
        .is_none());
    api.store()
        .write(|tx| Ok(tx.execute_batch("DROP TRIGGER fail_h102")?))
        .expect("drop");

    // A preview made before someone else's import no longer applies.
    let p1 = api
        .preview_roster_csv(&admin, ROSTER.as_bytes(), now())
        .expect("preview");
    let other = "employee_number,name\nZ1,Zed\n";
    import(&api, &admin, other);
    let e = api
        .apply_roster(&admin, &p1.digest, now())
        .expect_err("stale");
    assert_eq!(e.problem, Some(Problem::RosterChanged));
    let e = api
        .apply_roster(&admin, "not a digest", now())
        .expect_err("unknown");
    assert_eq!(e.problem, Some(Problem::RosterChanged));
}

#[test]
fn leaving_ends_sessions_and_sign_in_and_coming_back_restores_everything() {
    let api = api();
    let admin = admin(&api);
    import(&api, &admin, ROSTER);
    let codes = api.new_activation_codes(&admin, now()).expect("codes");
    let omar = codes
        .iter()
        .find(|c| c.employee_number == "H101")
        .expect("omar");
    let (token, _) = api
        .activate_account(
            &ActivateRequest {
                employee_number: "H101".into(),
                code: omar.code.to_lowercase().replace('-', " "),
                password: "omar's own passphrase".into(),
            },
            now(),
        )
        .expect("activated");
    assert!(api.caller(&token, now()).is_ok());
    // Omar leaves: his session ends at once and he cannot sign in.
    import(
        &api,
        &admin,
        "employee_number,name,office,manager\nH100,Nadia Hassan,,\nH102,Paule Gagné,,H100\n",
    );
    let e = api.caller(&token, now()).expect_err("session ended");
    assert_eq!(e.code, ErrorCode::NotSignedIn);
    let sign_in = || {
        api.sign_in(
            &SignInRequest {
                username: "h101".into(),
                password: "omar's own passphrase".into(),
            },
            now(),
        )
    };
    assert_eq!(
        sign_in().expect_err("left").code,
        ErrorCode::InvalidCredentials
    );
    // He comes back: the same account, the same password.
    import(&api, &admin, ROSTER);
    let (token, info) = sign_in().expect("back");
    assert!(info.roles.contains(&Role::Learner));
    assert!(api.caller(&token, now()).is_ok());
}

#[test]
fn activation_codes_are_single_use_expire_and_count_as_sign_in_attempts() {
    let api = api();
    let admin = admin(&api);
    import(&api, &admin, ROSTER);
    let codes = api.new_activation_codes(&admin, now()).expect("codes");
    assert_eq!(codes.len(), 3);
    assert_eq!(codes[0].expires_at, now() + Duration::days(CODE_DAYS));
    let mut unique: Vec<&str> = codes.iter().map(|c| c.code.as_str()).collect();
    unique.dedup();
    assert_eq!(unique.len(), 3);
    // Nobody gets a second code while theirs is valid; the code is kept hashed.
    assert!(api
        .new_activation_codes(&admin, now())
        .expect("none")
        .is_empty());
    let stored: String = api
        .store()
        .read(|c| {
            Ok(
                c.query_row("SELECT code_hash FROM activation_codes LIMIT 1", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .expect("hash");
    assert!(codes.iter().all(|c| c.code != stored));

    let nadia = codes
        .iter()
        .find(|c| c.employee_number == "H100")
        .expect("nadia");
    let paule = codes
        .iter()
        .find(|c| c.employee_number == "H102")
        .expect("paule");
    let activate = |number: &str, code: &str, at| {
        api.activate_account(
            &ActivateRequest {
                employee_number: number.into(),
                code: code.into(),
                password: "a passphrase of my own".into(),
            },
            at,
        )
    };
    // Someone else's code does not work for Nadia.
    let e = activate("H100", &paule.code, now()).expect_err("not hers");
    assert_eq!(e.problem, Some(Problem::ActivationRefused));
    // Nadia manages people: she gets the manager role too.
    let (_, info) = activate("H100", &nadia.code, now()).expect("activated");
    assert_eq!(info.roles, vec![Role::Learner, Role::Manager]);
    assert_eq!(
        activate("H100", &nadia.code, now())
            .expect_err("used")
            .problem,
        Some(Problem::ActivationRefused)
    );
    // Paule waited too long.
    let late = now() + Duration::days(CODE_DAYS) + Duration::minutes(1);
    assert_eq!(
        activate("H102", &paule.code, late)
            .expect_err("expired")
            .problem,
        Some(Problem::ActivationRefused)
    );
    // Guessing is locked out like sign-in.
    let mut locked = false;
    for _ in 0..12 {
        if let Err(e) = activate("H101", "AAAAA-AAAAA", now()) {
            locked |= e.code == ErrorCode::AccountLocked;
        }
    }
    assert!(locked);
}

/// Amélie's messages, oldest first.
fn outbox(api: &Api) -> Vec<(u64, String, Vec<HrCertification>)> {
    api.store()
        .read(|c| {
            let mut s = c.prepare(
                "SELECT o.sequence, d.state, o.payload_json FROM hr_outbox o
                 JOIN hr_deliveries d ON d.message_id = o.id JOIN persons p ON p.id = o.person_id
                 WHERE p.display_name = 'Amélie Roy' ORDER BY o.sequence",
            )?;
            let rows = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?)))?
                .collect::<rusqlite::Result<Vec<(u64, String, String)>>>()?;
            Ok(rows)
        })
        .expect("outbox")
        .into_iter()
        .map(|(s, st, p)| (s, st, serde_json::from_str(&p).expect("payload")))
        .collect()
}

/// Amélie asks for Level 1 and Sophie approves: the request's id.
fn amelie_certified(api: &Api) -> String {
    let amelie = demo_sign_in(api, "amelie");
    let sophie = demo_sign_in(api, "sophie");
    let l1 = CertificationKey {
        track: Track::Clients,
        level: MasteryLevel::new(1).expect("1"),
    };
    let c = api
        .request_certification(&amelie, &l1, now())
        .expect("requested");
    assert!(
        outbox(api).is_empty(),
        "a request is not a change of standing"
    );
    let id = c.pending.expect("pending").0;
    api.decide_certification(
        &sophie,
        &DecideRequest {
            request_id: id.clone(),
            approve: true,
            reason: String::new(),
        },
        now(),
    )
    .expect("approved");
    id
}

#[test]
fn approval_revocation_and_expiry_each_write_one_message_in_their_transaction() {
    let api = demo();
    let admin = demo_sign_in(&api, "admin");
    let id = amelie_certified(&api);
    let out = outbox(&api);
    assert_eq!(out.len(), 1);
    let (seq, state, certs) = &out[0];
    assert_eq!((*seq, state.as_str()), (1, "pending"));
    assert_eq!(certs.len(), 1);
    assert_eq!(
        (certs[0].track, certs[0].status),
        (Track::Clients, HrCertStatus::Certified)
    );
    assert_eq!(certs[0].credential_id, format!("urn:uuid:{id}"));
    assert!(certs[0].verification_code.starts_with("MST-"));

    // The demo's people certified before: the first sweep queues them,
    // not Amélie again; a second finds nothing new.
    api.queue_status_changes(&admin, now()).expect("sweep");
    assert_eq!(outbox(&api).len(), 1);
    assert_eq!(api.queue_status_changes(&admin, now()).expect("sweep"), 0);
    // Three years on, the period has run out: one message, and the older
    // one still waiting is superseded (the newest says all).
    let later = now() + Duration::days(3 * 366);
    // (Amélie's and the demo's older periods.)
    assert!(api.queue_status_changes(&admin, later).expect("sweep") >= 1);
    assert_eq!(api.queue_status_changes(&admin, later).expect("sweep"), 0);
    let out = outbox(&api);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].1, "superseded");
    assert_eq!((out[1].0, out[1].2[0].status), (2, HrCertStatus::Expired));
    assert_eq!(outbox(&api).iter().filter(|m| m.1 == "pending").count(), 1);

    // Revoking writes its message with the act.
    let demo2 = demo();
    let dana = demo_sign_in(&demo2, "admin");
    let id = amelie_certified(&demo2);
    demo2
        .revoke_certification(
            &dana,
            &RevokeRequest {
                request_id: id,
                reason: "approved in error".into(),
            },
            now(),
        )
        .expect("revoked");
    let out = outbox(&demo2);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].2[0].status, HrCertStatus::Revoked);
    let csv = demo2.hr_status_csv(&dana, now()).expect("csv");
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(",clients,1,revoked,"), "{csv}");
    assert!(csv.contains("Amélie Roy"));
}

#[test]
fn the_connection_keeps_its_token_write_only_and_refuses_a_bad_address() {
    let api = api();
    let admin = admin(&api);
    let req = mastery_types::HrSettingsRequest {
        mode: mastery_types::HrMode::Scim,
        base_url: "https://hr.example/scim/v2/".into(),
        token: Some("s3cret-token-value".into()),
        interval_minutes: 30,
    };
    let s = api.set_hr_settings(&admin, &req, now()).expect("saved");
    assert!(s.token_set);
    assert_eq!(s.base_url, "https://hr.example/scim/v2");
    let shown = format!(
        "{s:?}{:?}{req:?}",
        api.hr_status(&admin, now()).expect("status")
    );
    assert!(!shown.contains("s3cret"), "{shown}");
    // Not in the audit chain either.
    let audit: String = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT group_concat(details_json) FROM audit_log",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("audit");
    assert!(audit.contains("hr.example") && !audit.contains("s3cret"));
    // Keeping the token: `None`.
    let s = api
        .set_hr_settings(
            &admin,
            &mastery_types::HrSettingsRequest {
                token: None,
                ..req.clone()
            },
            now(),
        )
        .expect("saved");
    assert!(s.token_set);
    let e = api
        .set_hr_settings(
            &admin,
            &mastery_types::HrSettingsRequest {
                base_url: "ftp://hr".into(),
                ..req
            },
            now(),
        )
        .expect_err("bad url");
    assert!(matches!(e.problem, Some(Problem::BadUrl { .. })));
}
