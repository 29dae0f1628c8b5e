//! Certification through the API: eligibility, requests and their
//! evidence, the approval matrix (own manager, wrong manager, delegates in
//! and out of their period, managers' own requests), returns with a
//! reason, expiry and recertification over simulated time, revocation,
//! the mandatory-levels report, and the audit chain against tampering.

use crate::common::{now, person};
use chrono::{DateTime, Duration, Months, Utc};
use mastery_api::{Api, Caller, ErrorCode, DEMO_PASSWORD, PROGRAM_PACK_ID};
use mastery_store::completions;
use mastery_types::{
    CertStatus, CertificationKey, CourseId, DecideRequest, DelegationRequest, MasteryLevel,
    Missing, PersonId, RevokeRequest, Role, SignInRequest, Track,
};

fn demo_at(path: Option<&std::path::Path>) -> Api {
    let api = match path {
        Some(p) => Api::open(p).expect("api"),
        None => Api::open_in_memory().expect("api"),
    };
    api.load_shipped_pack(now()).expect("pack");
    api.seed_demo(&Caller::LocalOperator, now()).expect("demo");
    api
}

fn sign_in(api: &Api, who: &str) -> Caller {
    let (token, _) = api
        .sign_in(
            &SignInRequest {
                username: who.into(),
                password: DEMO_PASSWORD.into(),
            },
            now(),
        )
        .expect("sign in");
    api.caller(&token, now()).expect("caller")
}

fn key(track: Track, level: u8) -> CertificationKey {
    CertificationKey {
        track,
        level: MasteryLevel::new(level).expect("level"),
    }
}

fn l1() -> CertificationKey {
    key(Track::Clients, 1)
}

fn status(
    api: &Api,
    who: &Caller,
    k: CertificationKey,
    at: DateTime<Utc>,
) -> mastery_types::CertificationView {
    api.my_certifications(who, at)
        .expect("certifications")
        .certifications
        .into_iter()
        .find(|c| c.key == k)
        .expect("listed")
}

fn pending_id(api: &Api, who: &Caller, k: CertificationKey) -> String {
    status(api, who, k, now()).pending.expect("pending").0
}

fn decide(
    api: &Api,
    who: &Caller,
    request: &str,
    approve: bool,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), mastery_api::ApiError> {
    api.decide_certification(
        who,
        &DecideRequest {
            request_id: request.into(),
            approve,
            reason: reason.into(),
        },
        at,
    )
}

#[test]
fn a_learner_requests_the_manager_returns_then_approves() {
    let api = demo_at(None);
    let amelie = sign_in(&api, "amelie");
    let sophie = sign_in(&api, "sophie");
    let rajinder = sign_in(&api, "rajinder");

    // Amélie completed clients-l1: eligible for Level 1, not yet for Level 2.
    let mine = api.my_certifications(&amelie, now()).expect("mine");
    assert_eq!(mine.home_track, Some(Track::Clients));
    assert_eq!(mine.certifications.len(), 12);
    assert_eq!(mine.certifications[0].key, l1(), "own track first");
    let c1 = &mine.certifications[0];
    assert_eq!((c1.status, c1.can_request), (CertStatus::Eligible, true));
    let c2 = status(&api, &amelie, key(Track::Clients, 2), now());
    assert_eq!(c2.status, CertStatus::NotStarted);
    assert!(c2.missing.contains(&Missing::PriorLevel {
        level: MasteryLevel::new(1).expect("1")
    }));
    assert!(c2
        .missing
        .iter()
        .any(|m| matches!(m, Missing::Requirement { key, .. } if key.as_str() == "assignments")));
    let err = api
        .request_certification(&amelie, &key(Track::Clients, 2), now())
        .expect_err("not eligible");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("Level 1 certified"), "{}", err.message);

    let requested = api
        .request_certification(&amelie, &l1(), now())
        .expect("requested");
    assert_eq!(
        (requested.status, requested.can_request),
        (CertStatus::Requested, false)
    );
    let again = api
        .request_certification(&amelie, &l1(), now())
        .expect_err("one at a time");
    assert_eq!(again.code, ErrorCode::Conflict);

    // Sophie (her manager) sees it with its evidence; Rajinder does not.
    let home = api.approval_home(&sophie, now()).expect("home");
    assert_eq!(home.pending.len(), 1);
    let p = &home.pending[0];
    assert_eq!(
        (p.name.as_str(), p.key, p.delegated_by.as_deref()),
        ("Amélie Roy", l1(), None)
    );
    assert!(p.evidence.recorded_completion);
    assert_eq!(p.evidence.course, CourseId("clients-l1".into()));
    assert!(api
        .approval_home(&rajinder, now())
        .expect("home")
        .pending
        .is_empty());
    let err = decide(&api, &rajinder, &p.request_id, true, "", now()).expect_err("wrong manager");
    assert_eq!(err.code, ErrorCode::Forbidden);
    let err = decide(&api, &amelie, &p.request_id, true, "", now()).expect_err("a learner");
    assert_eq!(err.code, ErrorCode::Forbidden);

    // Returned: a reason is required, and the learner sees it.
    let err = decide(&api, &sophie, &p.request_id, false, "  ", now()).expect_err("no reason");
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let reason = "Please log one more coaching session on the phone line first.";
    decide(&api, &sophie, &p.request_id, false, reason, now()).expect("returned");
    let err = decide(&api, &sophie, &p.request_id, true, "", now()).expect_err("decided");
    assert_eq!(err.code, ErrorCode::Conflict);
    let back = status(&api, &amelie, l1(), now());
    assert_eq!(
        (back.status, back.can_request),
        (CertStatus::Returned, true)
    );
    let ret = back.last_return.expect("reason shown");
    assert_eq!(
        (ret.by.as_str(), ret.reason.as_str()),
        ("Sophie Tremblay", reason)
    );

    // Asked again, approved: certified for 36 months from the decision.
    let later = now() + Duration::days(7);
    api.request_certification(&amelie, &l1(), later)
        .expect("asked again");
    let id = pending_id(&api, &amelie, l1());
    decide(&api, &sophie, &id, true, "", later).expect("approved");
    let done = status(&api, &amelie, l1(), later);
    assert_eq!(done.status, CertStatus::Certified);
    let period = done.current.expect("period");
    assert_eq!(period.valid_from, later);
    assert_eq!(
        period.valid_until,
        later.checked_add_months(Months::new(36)).expect("date")
    );
    assert_eq!(period.approved_by, "Sophie Tremblay");
    assert!(period.verification_code.starts_with("MST-"));
    // Level 2 no longer waits for Level 1.
    let c2 = status(&api, &amelie, key(Track::Clients, 2), later);
    assert!(!c2
        .missing
        .iter()
        .any(|m| matches!(m, Missing::PriorLevel { .. })));

    // Four acts, four links, all intact.
    let report = api.verify_audit(&Caller::LocalOperator).expect("verify");
    let actions: Vec<String> = api
        .certification_admin(&sign_in(&api, "admin"), later)
        .expect("admin")
        .recent_audit
        .into_iter()
        .map(|a| a.action)
        .collect();
    // Newest first: the four acts, the demo's seeded history (Marc-André's
    // two approvals, his pairing with Chloé, the 15 role grants), the
    // signing key made at first run.
    let mut expected = vec![
        "certification.approved",
        "certification.requested",
        "certification.returned",
        "certification.requested",
        "certification.approved",
        "certification.approved",
        "pairing.created",
    ];
    expected.extend(["roles.granted"; 15]);
    expected.push("signing_key.created");
    assert_eq!(actions, expected);
    assert_eq!((report.rows, report.first_broken), (23, None));
}

/// Marks every Level 1 course complete for `who` (recorded, as HR's prior
/// learning would be).
fn complete_level_1(api: &Api, who: PersonId) {
    let version = mastery_packs::shipped().expect("pack").version;
    api.store()
        .write(|tx| {
            for track in Track::ALL {
                completions::insert(
                    tx,
                    &completions::CompletionFact {
                        id: uuid::Uuid::now_v7(),
                        person: who,
                        course: &CourseId(format!("{track}-l1")),
                        pack_id: PROGRAM_PACK_ID,
                        pack_version: &version,
                        source: "test",
                        recorded_by: None,
                        recorded_at: now(),
                    },
                )?;
            }
            Ok(())
        })
        .expect("completions");
}

fn id(c: &Caller) -> PersonId {
    match c {
        Caller::Person { id, .. } => *id,
        Caller::LocalOperator => panic!("a person"),
    }
}

fn set_manager(api: &Api, person: &Caller, manager: &Caller) {
    api.store()
        .write(|tx| {
            tx.execute(
                "UPDATE persons SET manager_id = ?2 WHERE id = ?1",
                [id(person).0.to_string(), id(manager).0.to_string()],
            )?;
            Ok(())
        })
        .expect("manager set");
}

/// (what, who decides, whose request, which track, on which day, refused with)
type Case<'a> = (
    &'a str,
    &'a Caller,
    &'a Caller,
    Track,
    i64,
    Option<ErrorCode>,
);

#[test]
fn the_approval_matrix() {
    let api = crate::common::api();
    let learner = person(&api, 1, &[Role::Learner]);
    let manager = person(&api, 2, &[Role::Manager, Role::Learner]);
    let director = person(&api, 3, &[Role::Manager]);
    let other = person(&api, 4, &[Role::Manager]);
    let delegate = person(&api, 5, &[Role::Coach, Role::Learner]);
    let designer = person(&api, 6, &[Role::CourseDesigner]);
    set_manager(&api, &learner, &manager);
    set_manager(&api, &delegate, &manager);
    set_manager(&api, &manager, &director);
    for p in [&learner, &manager, &delegate] {
        complete_level_1(&api, id(p));
    }
    // The manager names the coach as delegate from tomorrow for three days.
    let tomorrow = (now() + Duration::days(1)).date_naive();
    api.delegate_approvals(
        &manager,
        &DelegationRequest {
            delegate: id(&delegate),
            starts_on: tomorrow,
            ends_on: tomorrow + Duration::days(2),
        },
        now(),
    )
    .expect("delegated");

    let day = |n: i64| now() + Duration::days(n);
    // (who decides, whose request, track, when, allowed?)
    let cases: [Case<'_>; 9] = [
        (
            "wrong manager",
            &other,
            &learner,
            Track::Clients,
            0,
            Some(ErrorCode::Forbidden),
        ),
        (
            "skip-level manager",
            &director,
            &learner,
            Track::Clients,
            0,
            Some(ErrorCode::Forbidden),
        ),
        (
            "a designer",
            &designer,
            &learner,
            Track::Clients,
            0,
            Some(ErrorCode::Forbidden),
        ),
        (
            "delegate before the period",
            &delegate,
            &learner,
            Track::Clients,
            0,
            Some(ErrorCode::Forbidden),
        ),
        (
            "delegate after the period",
            &delegate,
            &learner,
            Track::Clients,
            4,
            Some(ErrorCode::Forbidden),
        ),
        (
            "delegate in the period",
            &delegate,
            &learner,
            Track::Clients,
            2,
            None,
        ),
        (
            "own manager",
            &manager,
            &learner,
            Track::Colleagues,
            0,
            None,
        ),
        (
            "delegate's own request",
            &delegate,
            &delegate,
            Track::Clients,
            2,
            Some(ErrorCode::Forbidden),
        ),
        (
            "manager's own request: to their manager",
            &director,
            &manager,
            Track::Clients,
            0,
            None,
        ),
    ];
    for (name, decider, requester, track, at, refused) in cases {
        let k = key(track, 1);
        if status(&api, requester, k, day(at)).pending.is_none() {
            api.request_certification(requester, &k, day(at))
                .expect("requested");
        }
        let rid = pending_id(&api, requester, k);
        let got = decide(&api, decider, &rid, true, "", day(at));
        match refused {
            Some(code) => assert_eq!(got.expect_err(name).code, code, "{name}"),
            None => {
                got.unwrap_or_else(|e| panic!("{name}: {e:?}"));
                assert_eq!(
                    status(&api, requester, k, day(at)).status,
                    CertStatus::Certified,
                    "{name}"
                );
            }
        }
    }
    // The manager cannot decide their own request, nor see it in the queue.
    api.request_certification(&manager, &key(Track::Colleagues, 1), now())
        .expect("requested");
    let own = pending_id(&api, &manager, key(Track::Colleagues, 1));
    assert_eq!(
        decide(&api, &manager, &own, true, "", now())
            .expect_err("own")
            .code,
        ErrorCode::Forbidden
    );
    assert!(api
        .approval_home(&manager, now())
        .expect("home")
        .pending
        .iter()
        .all(|p| p.request_id != own));
    assert!(api
        .approval_home(&director, now())
        .expect("home")
        .pending
        .iter()
        .any(|p| p.request_id == own));
    // The delegate's queue names on whose behalf they decide, in the period.
    api.request_certification(&learner, &key(Track::Staff, 1), now())
        .expect("requested");
    let queue = api.approval_home(&delegate, day(1)).expect("queue").pending;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].delegated_by.as_deref(), Some("User 2"));
    assert!(api
        .approval_home(&delegate, day(5))
        .expect("queue")
        .pending
        .is_empty());

    // Bad delegations change nothing.
    let bad = [
        // Nobody delegates to themself.
        (id(&manager), tomorrow, tomorrow, ErrorCode::Forbidden),
        (
            id(&delegate),
            tomorrow,
            tomorrow - Duration::days(1),
            ErrorCode::InvalidInput,
        ),
        (id(&learner), tomorrow, tomorrow, ErrorCode::NotFound),
        (
            id(&delegate),
            tomorrow,
            tomorrow + Duration::days(400),
            ErrorCode::InvalidInput,
        ),
    ];
    for (d, from, to, code) in bad {
        let err = api
            .delegate_approvals(
                &manager,
                &DelegationRequest {
                    delegate: d,
                    starts_on: from,
                    ends_on: to,
                },
                now(),
            )
            .expect_err("refused");
        assert_eq!(err.code, code, "{err:?}");
    }
    let delegations = api
        .approval_home(&manager, now())
        .expect("home")
        .delegations;
    assert_eq!(delegations.len(), 1);
}

#[test]
fn expiry_and_recertification_over_time_keep_the_history() {
    let api = demo_at(None);
    let amelie = sign_in(&api, "amelie");
    let sophie = sign_in(&api, "sophie");
    let admin = sign_in(&api, "admin");
    api.request_certification(&amelie, &l1(), now())
        .expect("requested");
    decide(
        &api,
        &sophie,
        &pending_id(&api, &amelie, l1()),
        true,
        "",
        now(),
    )
    .expect("approved");
    let until = now().checked_add_months(Months::new(36)).expect("date");

    let at = |t: DateTime<Utc>| status(&api, &amelie, l1(), t);
    let early = at(until - Duration::days(91));
    assert_eq!(
        (early.status, early.can_request),
        (CertStatus::Certified, false)
    );
    let err = api
        .request_certification(&amelie, &l1(), until - Duration::days(91))
        .expect_err("too early");
    assert_eq!(err.code, ErrorCode::Conflict);
    let soon = at(until - Duration::days(90));
    assert_eq!(
        (soon.status, soon.can_request),
        (CertStatus::Expiring, true)
    );
    let sophie_sees = api
        .approval_home(&sophie, until - Duration::days(90))
        .expect("home")
        .expiring;
    assert!(sophie_sees
        .iter()
        .any(|e| e.name == "Amélie Roy" && e.key == l1() && !e.expired));
    let gone = at(until);
    assert_eq!((gone.status, gone.current), (CertStatus::Expired, None));
    assert!(api
        .approval_home(&sophie, until)
        .expect("home")
        .expiring
        .iter()
        .any(|e| e.name == "Amélie Roy" && e.expired));

    // Recertified a month before expiry: a second period, the first kept.
    // An administrator shortens the validity: only new periods follow it.
    let err = api
        .set_validity_months(&admin, 0, now())
        .expect_err("out of range");
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(
        api.set_validity_months(&sophie, 24, now())
            .expect_err("admin only")
            .code,
        ErrorCode::Forbidden
    );
    api.set_validity_months(&admin, 24, now()).expect("set");
    assert_eq!(
        at(until - Duration::days(100))
            .current
            .map(|p| p.valid_until),
        Some(until)
    );
    let renew = until - Duration::days(30);
    api.request_certification(&amelie, &l1(), renew)
        .expect("recertification");
    decide(
        &api,
        &sophie,
        &pending_id(&api, &amelie, l1()),
        true,
        "",
        renew,
    )
    .expect("approved");
    let after = at(until + Duration::days(1));
    assert_eq!(after.status, CertStatus::Certified);
    assert_eq!(after.history.len(), 2);
    assert_eq!(
        after.history[0].valid_until, until,
        "the first period is not overwritten"
    );
    assert_eq!(after.current.as_ref().map(|p| p.valid_from), Some(renew));
    assert_eq!(
        after.current.as_ref().map(|p| p.valid_until),
        renew.checked_add_months(Months::new(24)),
        "the new period follows the new setting"
    );

    // Revoked by an administrator, with a reason the learner sees.
    let rid = after.current.expect("current").request_id;
    let err = api
        .revoke_certification(
            &admin,
            &RevokeRequest {
                request_id: rid.clone(),
                reason: " ".into(),
            },
            renew,
        )
        .expect_err("reason needed");
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = api
        .revoke_certification(
            &sophie,
            &RevokeRequest {
                request_id: rid.clone(),
                reason: "x".into(),
            },
            renew,
        )
        .expect_err("managers do not revoke");
    assert_eq!(err.code, ErrorCode::Forbidden);
    let why = "Certified on a colleague's observed assessment (integrity review 2029-14).";
    api.revoke_certification(
        &admin,
        &RevokeRequest {
            request_id: rid.clone(),
            reason: why.into(),
        },
        renew,
    )
    .expect("revoked");
    let err = api
        .revoke_certification(
            &admin,
            &RevokeRequest {
                request_id: rid,
                reason: why.into(),
            },
            renew,
        )
        .expect_err("once");
    assert_eq!(err.code, ErrorCode::Conflict);
    let revoked = at(renew + Duration::days(1));
    assert_eq!(revoked.status, CertStatus::Revoked);
    assert_eq!(
        revoked
            .history
            .last()
            .and_then(|p| p.revoked.as_ref())
            .map(|r| r.reason.as_str()),
        Some(why)
    );
    assert_eq!(api.verify_audit(&admin).expect("verify").first_broken, None);
}

#[test]
fn entry_level_program_managers_missing_levels_1_and_2_are_reported() {
    let api = demo_at(None);
    let sophie = sign_in(&api, "sophie");
    let rajinder = sign_in(&api, "rajinder");
    let admin = sign_in(&api, "admin");
    let gaps = api
        .approval_home(&sophie, now())
        .expect("home")
        .mandatory_gaps;
    let names: Vec<(&str, Vec<u8>)> = gaps
        .iter()
        .map(|g| {
            (
                g.name.as_str(),
                g.missing_levels.iter().map(|l| l.get()).collect(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Fatima El-Amin", vec![1, 2]),
            ("Noah Whitehorse", vec![1, 2])
        ]
    );
    assert!(gaps.iter().all(|g| g.track == Track::Communities));
    assert!(
        api.approval_home(&rajinder, now())
            .expect("home")
            .mandatory_gaps
            .is_empty(),
        "not his staff"
    );
    assert_eq!(
        api.certification_admin(&admin, now())
            .expect("admin")
            .mandatory_gaps
            .len(),
        2
    );
    // Across the organization (15 people × 12 certifications).
    let org = api.organization_eligibility(&admin, now()).expect("org");
    assert_eq!(org.people, 15);
    assert_eq!(org.by_status.iter().map(|s| s.1).sum::<u64>(), 15 * 12);
    let count = |st: CertStatus| org.by_status.iter().find(|s| s.0 == st).map_or(0, |s| s.1);
    assert_eq!(
        count(CertStatus::Certified) + count(CertStatus::Expiring),
        2,
        "Marc-André's two"
    );
    assert!(
        count(CertStatus::Eligible) >= 3,
        "recorded Level 1 completions"
    );
    // The demo's certified coach shows in the administrator's list.
    let admin_view = api.certification_admin(&admin, now()).expect("admin");
    assert!(admin_view
        .certified
        .iter()
        .any(|c| c.name == "Marc-André Gagnon"
            && c.key == l1()
            && c.status == CertStatus::Expiring));
}

#[test]
fn a_tampered_audit_log_names_the_first_broken_link() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("audit.sqlite3");
    {
        let api = demo_at(Some(&path));
        let amelie = sign_in(&api, "amelie");
        let sophie = sign_in(&api, "sophie");
        api.request_certification(&amelie, &l1(), now())
            .expect("requested");
        decide(
            &api,
            &sophie,
            &pending_id(&api, &amelie, l1()),
            false,
            "More evidence, please.",
            now(),
        )
        .expect("returned");
        api.request_certification(&amelie, &l1(), now())
            .expect("requested");
        decide(
            &api,
            &sophie,
            &pending_id(&api, &amelie, l1()),
            true,
            "",
            now(),
        )
        .expect("approved");
        let ok = api.verify_audit(&Caller::LocalOperator).expect("verify");
        // The signing key made at first run, the demo's seeded history (15
        // role grants, a pairing, 2 approvals), then four acts.
        assert_eq!((ok.rows, ok.first_broken), (23, None));
        assert!(ok.head.is_some());
    }
    let copy = |name: &str| {
        let p = dir.path().join(name);
        std::fs::copy(&path, &p).expect("copy");
        p
    };
    let tamper = |p: &std::path::Path, sql: &str| {
        let c = rusqlite::Connection::open(p).expect("open the file directly");
        c.execute_batch(&format!(
            "DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete; {sql}"
        ))
        .expect("tampered");
    };
    let verify = |p: &std::path::Path| {
        Api::open(p)
            .expect("opens")
            .verify_audit(&Caller::LocalOperator)
            .expect("verify")
            .first_broken
            .expect("broken")
    };

    // A reason rewritten in place.
    let p = copy("altered.sqlite3");
    tamper(
        &p,
        "UPDATE audit_log SET details_json = '{\"reason\":\"approved\"}' WHERE seq = 2;",
    );
    let b = verify(&p);
    assert_eq!(b.seq, 2);
    assert!(b.problem.contains("altered"), "{}", b.problem);

    // A row removed.
    let p = copy("removed.sqlite3");
    tamper(&p, "DELETE FROM audit_log WHERE seq = 2;");
    let b = verify(&p);
    assert_eq!(b.seq, 3);
    assert!(b.problem.contains("row 2 is missing"), "{}", b.problem);

    // A row removed and the later rows renumbered: the links no longer hold.
    let p = copy("renumbered.sqlite3");
    tamper(
        &p,
        "DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 WHERE seq > 2;",
    );
    let b = verify(&p);
    assert_eq!(b.seq, 2);
    assert!(b.problem.contains("does not match"), "{}", b.problem);

    // The untouched file still verifies.
    assert_eq!(
        Api::open(&path)
            .expect("opens")
            .verify_audit(&Caller::LocalOperator)
            .expect("verify")
            .first_broken,
        None
    );
}

#[test]
fn certificates_print_and_credentials_verify_until_revoked_or_expired() {
    use mastery_types::{CertificateRequest, CredentialVerdict, VerifyCredentialRequest};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("keys.sqlite3");
    let api = demo_at(Some(&path));
    let amelie = sign_in(&api, "amelie");
    let jordan = sign_in(&api, "jordan");
    let sophie = sign_in(&api, "sophie");
    let admin = sign_in(&api, "admin");
    let did = api.organization_did(now()).expect("did");
    assert!(did.starts_with("did:key:z6Mk"));
    api.request_certification(&amelie, &l1(), now())
        .expect("requested");
    let rid = pending_id(&api, &amelie, l1());
    let req = CertificateRequest {
        request_id: rid.clone(),
    };
    // Not approved yet: nothing to print.
    assert_eq!(
        api.certificate_pdf(&amelie, &req, now())
            .expect_err("pending")
            .code,
        ErrorCode::NotFound
    );
    decide(&api, &sophie, &rid, true, "", now()).expect("approved");

    let (name, pdf) = api.certificate_pdf(&amelie, &req, now()).expect("pdf");
    assert!(
        pdf.starts_with(b"%PDF-") && name.ends_with(".pdf"),
        "{name}"
    );
    let (name, text) = api
        .certificate_credential(&amelie, &req, now())
        .expect("credential");
    assert!(name.ends_with(".json"));
    // Someone else's certificate is not theirs to print.
    assert_eq!(
        api.certificate_pdf(&jordan, &req, now())
            .expect_err("not hers")
            .code,
        ErrorCode::NotFound
    );
    assert!(
        api.certificate_pdf(&admin, &req, now()).is_ok(),
        "an administrator may print it"
    );

    let check = |who: &Caller, text: &str, at| {
        api.verify_credential(who, &VerifyCredentialRequest { text: text.into() }, at)
            .expect("checked")
    };
    let ok = check(&jordan, &text, now());
    assert_eq!(ok.verdict, CredentialVerdict::Valid, "{}", ok.detail);
    assert!(ok.issued_here);
    assert_eq!(ok.issuer.as_deref(), Some(did.as_str()));
    assert_eq!(ok.holder.as_deref(), Some("Amélie Roy"));
    let until = now().checked_add_months(Months::new(36)).expect("date");
    assert_eq!(
        check(&jordan, &text, until).verdict,
        CredentialVerdict::Expired
    );
    let forged = text.replace("Amélie Roy", "Amelie Roi");
    assert_eq!(
        check(&jordan, &forged, now()).verdict,
        CredentialVerdict::Tampered
    );
    assert_eq!(
        check(&jordan, "not a credential", now()).verdict,
        CredentialVerdict::Unreadable
    );
    let err = api
        .verify_credential(
            &Caller::LocalOperator,
            &VerifyCredentialRequest { text: text.clone() },
            now(),
        )
        .expect_err("a signed-in person");
    assert_eq!(err.code, ErrorCode::Forbidden);

    // The key survives reopening the database: old credentials still verify.
    drop(api);
    let api = Api::open(&path).expect("reopen");
    assert_eq!(api.organization_did(now()).expect("did"), did);
    let admin = sign_in(&api, "admin");
    api.revoke_certification(
        &admin,
        &RevokeRequest {
            request_id: rid.clone(),
            reason: "Evidence withdrawn by HR.".into(),
        },
        now(),
    )
    .expect("revoked");
    let revoked = api
        .verify_credential(&admin, &VerifyCredentialRequest { text }, now())
        .expect("checked");
    assert_eq!(revoked.verdict, CredentialVerdict::Revoked);
    assert!(
        revoked.detail.contains("Evidence withdrawn by HR."),
        "{}",
        revoked.detail
    );
    let amelie = sign_in(&api, "amelie");
    assert_eq!(
        api.certificate_pdf(&amelie, &req, now())
            .expect_err("revoked")
            .code,
        ErrorCode::Conflict
    );
}

#[test]
fn revoking_a_recertification_ends_the_older_period_too() {
    use mastery_types::{CertificateRequest, CredentialVerdict, VerifyCredentialRequest};
    let api = demo_at(None);
    let amelie = sign_in(&api, "amelie");
    let sophie = sign_in(&api, "sophie");
    let admin = sign_in(&api, "admin");
    api.request_certification(&amelie, &l1(), now())
        .expect("requested");
    let first = pending_id(&api, &amelie, l1());
    decide(&api, &sophie, &first, true, "", now()).expect("approved");
    let old = CertificateRequest {
        request_id: first.clone(),
    };
    let (_, old_credential) = api
        .certificate_credential(&amelie, &old, now())
        .expect("credential");

    // Recertified a month before the first period ends, then the new period
    // is revoked while the old one still has days to run.
    let until = now().checked_add_months(Months::new(36)).expect("date");
    let renew = until - Duration::days(30);
    api.request_certification(&amelie, &l1(), renew)
        .expect("recertification");
    let second = pending_id(&api, &amelie, l1());
    decide(&api, &sophie, &second, true, "", renew).expect("approved");
    api.revoke_certification(
        &admin,
        &RevokeRequest {
            request_id: second,
            reason: "Observed assessment found to be falsified.".into(),
        },
        renew + Duration::days(1),
    )
    .expect("revoked");
    let later = renew + Duration::days(2);
    assert_eq!(
        status(&api, &amelie, l1(), later).status,
        CertStatus::Revoked
    );

    // The older period's credential is revoked with it, and not printed.
    let check = api
        .verify_credential(
            &admin,
            &VerifyCredentialRequest {
                text: old_credential,
            },
            later,
        )
        .expect("checked");
    assert_eq!(
        check.verdict,
        CredentialVerdict::Revoked,
        "{}",
        check.detail
    );
    assert!(check.detail.contains("falsified"), "{}", check.detail);
    assert_eq!(
        api.certificate_pdf(&amelie, &old, later)
            .expect_err("superseded and revoked")
            .code,
        ErrorCode::Conflict
    );
    // The administrator's list shows the person once, as revoked.
    let listed: Vec<CertStatus> = api
        .certification_admin(&admin, later)
        .expect("admin")
        .certified
        .iter()
        .filter(|c| c.name == "Amélie Roy" && c.key == l1())
        .map(|c| c.status)
        .collect();
    assert_eq!(listed, [CertStatus::Revoked]);
}

#[test]
fn approval_is_decided_on_the_evidence_as_it_stands() {
    let api = demo_at(None);
    let amelie = sign_in(&api, "amelie");
    let sophie = sign_in(&api, "sophie");
    // A Level 2 request whose evidence does not hold (written straight to
    // the store, as a request made before a Level 1 revocation would be).
    let version = mastery_packs::shipped().expect("pack").version;
    let request = uuid::Uuid::now_v7().to_string();
    api.store()
        .write(|tx| {
            mastery_store::certification::insert_request(
                tx,
                &mastery_store::certification::NewRequest {
                    id: &request,
                    person: id(&amelie),
                    track: Track::Clients,
                    level: MasteryLevel::new(2).expect("level"),
                    course: &CourseId("clients-l2".into()),
                    pack_id: PROGRAM_PACK_ID,
                    pack_version: &version,
                    evidence_json: "{}",
                    at: now(),
                },
            )
        })
        .expect("request");
    let audit_before = api
        .verify_audit(&Caller::LocalOperator)
        .expect("audit")
        .rows;
    let err = decide(&api, &sophie, &request, true, "", now()).expect_err("not eligible");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(
        err.message.contains("no longer eligible") && err.message.contains("Level 1 certified"),
        "{}",
        err.message
    );
    assert_eq!(
        api.verify_audit(&Caller::LocalOperator)
            .expect("audit")
            .rows,
        audit_before,
        "nothing written"
    );
    // Returning it with a reason is still possible, and only once.
    decide(&api, &sophie, &request, false, "Level 1 first.", now()).expect("returned");
    assert_eq!(
        decide(&api, &sophie, &request, false, "again", now())
            .expect_err("decided")
            .code,
        ErrorCode::Conflict
    );
}
