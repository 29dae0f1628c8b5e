//! HR against the real SCIM peer (PyPI `scim2-server`, started here on
//! 127.0.0.1) through a fault-injecting proxy: the roster pulled and
//! applied, status changes delivered through 500s, 503s, stalls and cut
//! answers, and a delivering process killed with SIGKILL and restarted.
//! What HR holds is checked on the server itself, and the proxy's log of
//! what the server answered shows each message applied once, in order.

mod peer;
mod proxy;

use chrono::{DateTime, Duration, Utc};
use mastery_api::{Api, Caller, DeliveryOptions, PROGRAM_PACK_ID};
use mastery_types::{
    ActivateRequest, CertificationKey, CourseId, DecideRequest, HrMode, HrSettingsRequest,
    MasteryLevel, NewUser, PersonId, RevokeRequest, Role, SignInRequest, Track,
};
use proxy::{Fault, Mode, Proxy};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const TRAINING: &str = "urn:mastery:params:scim:schemas:extension:training:2.0:User";
const STAFF: usize = 10;
const PASSWORD: &str = "a passphrase long enough";

fn http() -> reqwest::Client {
    mastery_hr::install_crypto_provider();
    reqwest::Client::new()
}

/// Seeds HR: a manager and `STAFF` people reporting to them, in one
/// office, and the Group that marks entry-level program managers.
async fn seed_hr(scim: &peer::Scim) {
    let boss = scim
        .create(
            "/Users",
            json!({
                "userName": "M0001", "displayName": "Marguerite Bouchard", "active": true,
                "preferredLanguage": "fr-CA", "timezone": "America/Toronto",
                ENTERPRISE: {"employeeNumber": "M0001", "department": "Harbourfront"}
            }),
        )
        .await;
    for i in 1..=STAFF {
        scim.create(
            "/Users",
            json!({
                "userName": format!("S{i:04}"), "displayName": format!("Staff Member {i}"),
                "active": true, "preferredLanguage": "en-CA", "timezone": "America/Toronto",
                "userType": "clients",
                ENTERPRISE: {"employeeNumber": format!("S{i:04}"), "department": "Harbourfront",
                             "manager": {"value": boss}}
            }),
        )
        .await;
    }
    scim.create(
        "/Groups",
        json!({"displayName": mastery_hr_group(), "members": [{"value": boss}]}),
    )
    .await;
}

fn mastery_hr_group() -> &'static str {
    "Mastery entry-level program managers"
}

/// Mastery connected to HR through `url`, the roster pulled and applied,
/// everyone activated, the staff certified at Level 1 by their manager.
async fn certified_org(api: &Api, url: &str) -> (Caller, Vec<(PersonId, String)>) {
    let op = Caller::LocalOperator;
    let now = Utc::now();
    api.load_shipped_pack(now).expect("pack");
    api.set_hr_settings(
        &op,
        &HrSettingsRequest {
            mode: HrMode::Scim,
            base_url: url.into(),
            token: Some(peer::TOKEN.into()),
            interval_minutes: 0,
        },
        now,
    )
    .expect("connected");
    let test = api.test_hr_connection(&op).await.expect("test");
    assert_eq!(
        (test.people, test.with_manager, test.training_extension),
        (STAFF as u64 + 1, STAFF as u64, true)
    );
    let p = api
        .preview_roster_scim(&op, &|_, _| {})
        .await
        .expect("pull");
    assert_eq!(p.added.len(), STAFF + 1, "{:?}", p.refused);
    assert_eq!(p.new_offices, vec!["Harbourfront".to_owned()]);
    assert!(p.unresolved.is_empty());
    api.apply_roster(&op, &p.digest, now).expect("applied");
    let roster = api.store().read(mastery_store::hr::roster).expect("roster");
    let boss = roster.iter().find(|p| p.number == "M0001").expect("boss");
    assert!(boss.program_manager, "from the Group");
    assert_eq!(boss.language, "fr");

    let codes = api.new_activation_codes(&op, now).expect("codes");
    let mut signed: HashMap<String, Caller> = HashMap::new();
    for c in &codes {
        let (_, info) = api
            .activate_account(
                &ActivateRequest {
                    employee_number: c.employee_number.clone(),
                    code: c.code.clone(),
                    password: PASSWORD.into(),
                },
                now,
            )
            .expect("activated");
        signed.insert(
            c.employee_number.clone(),
            Caller::Person {
                id: info.person_id,
                roles: info.roles.clone(),
            },
        );
    }
    let version = mastery_packs::shipped().expect("pack").version;
    let l1 = CertificationKey {
        track: Track::Clients,
        level: MasteryLevel::new(1).expect("1"),
    };
    let boss = signed.get("M0001").expect("boss").clone();
    let mut staff = Vec::new();
    for i in 1..=STAFF {
        let number = format!("S{i:04}");
        let who = signed.get(&number).expect("staff").clone();
        let Caller::Person { id, .. } = who else {
            panic!("a person")
        };
        api.store()
            .write(|tx| {
                mastery_store::completions::insert(
                    tx,
                    &mastery_store::completions::CompletionFact {
                        id: uuid::Uuid::now_v7(),
                        person: id,
                        course: &CourseId("clients-l1".into()),
                        pack_id: PROGRAM_PACK_ID,
                        pack_version: &version,
                        source: "prior learning",
                        recorded_by: None,
                        recorded_at: now,
                    },
                )
            })
            .expect("completion");
        let c = api
            .request_certification(&who, &l1, now)
            .expect("requested");
        let request = c.pending.expect("pending").0;
        api.decide_certification(
            &boss,
            &DecideRequest {
                request_id: request.clone(),
                approve: true,
                reason: String::new(),
            },
            now,
        )
        .expect("approved");
        staff.push((id, request));
    }
    (boss, staff)
}

fn admin(api: &Api) -> Caller {
    api.add_user(
        &Caller::LocalOperator,
        &NewUser {
            employee_number: "A0001".into(),
            username: "hr-admin".into(),
            display_name: "Ada Admin".into(),
            password: PASSWORD.into(),
            roles: vec![Role::Administrator],
            language: "en".into(),
            home_track: None,
            office: None,
            manager: None,
        },
        Utc::now(),
    )
    .expect("admin");
    let (token, _) = api
        .sign_in(
            &SignInRequest {
                username: "hr-admin".into(),
                password: PASSWORD.into(),
            },
            Utc::now(),
        )
        .expect("signed in");
    api.caller(&token, Utc::now()).expect("caller")
}

/// Each person's last message in Mastery's outbox: (sequence, id).
fn last_messages(api: &Api) -> BTreeMap<String, (u64, String)> {
    api.store()
        .read(|c| {
            let mut s = c.prepare(
                "SELECT p.employee_number, o.sequence, o.id FROM hr_outbox o
                 JOIN persons p ON p.id = o.person_id
                 WHERE o.sequence = (SELECT MAX(sequence) FROM hr_outbox x WHERE x.person_id = o.person_id)",
            )?;
            let rows = s
                .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?
                .collect::<Result<BTreeMap<_, _>, _>>()?;
            Ok(rows)
        })
        .expect("outbox")
}

fn count(api: &Api, sql: &str) -> i64 {
    api.store()
        .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .expect("count")
}

/// What the server holds, read from it directly (not through the proxy).
async fn hr_state(scim: &peer::Scim) -> HashMap<String, Value> {
    let v: Value = http()
        .get(format!("{}/Users?count=1000", scim.url()))
        .bearer_auth(peer::TOKEN)
        .send()
        .await
        .expect("GET /Users")
        .json()
        .await
        .expect("json");
    v["Resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|u| {
            (
                u["userName"].as_str().unwrap_or_default().to_owned(),
                u.clone(),
            )
        })
        .collect()
}

/// From the wire: the PATCHes the server applied, per user id, in order.
fn applied(p: &Proxy) -> HashMap<String, Vec<u64>> {
    let mut out: HashMap<String, Vec<u64>> = HashMap::new();
    for s in p.seen() {
        if s.method == "PATCH" && s.upstream.is_some_and(|c| (200..300).contains(&c)) {
            let body: Value = serde_json::from_slice(&s.body).expect("patch body");
            let seq = body["Operations"][0]["value"]["sequence"]
                .as_u64()
                .expect("sequence");
            let user = s.path.rsplit('/').next().unwrap_or_default().to_owned();
            out.entry(user).or_default().push(seq);
        }
    }
    out
}

/// HR equals Mastery for everyone, no message waiting or parked, each
/// message applied at most once and in order. Returns (deliveries, faults).
async fn check_converged(
    api: &Api,
    scim: &peer::Scim,
    proxy: &Proxy,
    at: DateTime<Utc>,
) -> (usize, HashMap<Fault, usize>) {
    assert_eq!(
        count(
            api,
            "SELECT COUNT(*) FROM hr_deliveries WHERE state IN ('pending', 'parked')"
        ),
        0
    );
    let hr = hr_state(scim).await;
    let last = last_messages(api);
    assert!(!last.is_empty());
    for (number, (sequence, id)) in &last {
        let ext = &hr.get(number).unwrap_or_else(|| panic!("{number} at HR"))[TRAINING];
        assert_eq!(
            ext["sequence"].as_u64(),
            Some(*sequence),
            "{number}: lost or stale"
        );
        assert_eq!(ext["messageId"].as_str(), Some(id.as_str()), "{number}");
    }
    let report = api
        .reconcile_hr(&Caller::LocalOperator, at, &|_, _| {})
        .await
        .expect("reconcile");
    assert!(report.differences.is_empty(), "{:?}", report.differences);
    let applied = applied(proxy);
    let mut deliveries = 0;
    for (user, seqs) in &applied {
        assert!(
            seqs.windows(2).all(|w| w[0] < w[1]),
            "{user}: applied twice or out of order: {seqs:?}"
        );
        deliveries += seqs.len();
    }
    let mut faults: HashMap<Fault, usize> = HashMap::new();
    for s in proxy.seen() {
        if let Some(f) = s.fault {
            *faults.entry(f).or_default() += 1;
        }
    }
    (deliveries, faults)
}

/// Rounds of delivery with a clock that jumps two hours each round (so
/// every backoff has passed), until nothing is waiting.
async fn deliver_all(api: &Api, offset: &Arc<AtomicI64>) -> u32 {
    let mut rounds = 0;
    loop {
        let o = offset.clone();
        let clock =
            move || -> DateTime<Utc> { Utc::now() + Duration::seconds(o.load(Ordering::SeqCst)) };
        let r = api
            .sync_hr(
                &Caller::LocalOperator,
                DeliveryOptions {
                    concurrency: 4,
                    batch: 50,
                    timeout: std::time::Duration::from_millis(800),
                },
                &clock,
                &|_, _| {},
            )
            .await
            .expect("round");
        rounds += 1;
        assert_eq!(r.conflicts, 0, "no HR edits here");
        let waiting = count(
            api,
            "SELECT COUNT(*) FROM hr_deliveries WHERE state = 'pending'",
        );
        if waiting == 0 {
            return rounds;
        }
        assert!(rounds < 40, "still {waiting} waiting after {rounds} rounds");
        offset.fetch_add(7200, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_change_reaches_hr_once_and_in_order_through_faults() {
    let scim = peer::Scim::start();
    seed_hr(&scim).await;
    let proxy = Proxy::start(scim.port, std::time::Duration::from_millis(1500)).await;
    let api = Api::open_in_memory().expect("api");
    let (_, staff) = certified_org(&api, &proxy.url()).await;
    let offset = Arc::new(AtomicI64::new(0));

    // 1. Approvals, through 30 % faults.
    proxy.set(Mode::Chaos(30));
    let rounds1 = deliver_all(&api, &offset).await;
    // 2. An outage: nothing gets through, nothing is lost, retries wait.
    let admin = admin(&api);
    for (_, request) in staff.iter().take(4) {
        api.revoke_certification(
            &admin,
            &RevokeRequest {
                request_id: request.clone(),
                reason: "issued in error".into(),
            },
            Utc::now(),
        )
        .expect("revoked");
    }
    proxy.set(Mode::Down);
    let r = api
        .sync_hr(
            &Caller::LocalOperator,
            DeliveryOptions::default(),
            &Utc::now,
            &|_, _| {},
        )
        .await
        .expect("round");
    assert_eq!((r.delivered, r.failed), (0, 4));
    let status = api.hr_status(&admin, Utc::now()).expect("status");
    assert_eq!(status.waiting, 4);
    assert!(status
        .failing
        .iter()
        .all(|f| f.error.contains("503") && !f.parked));
    // 3. Faults again, then expiry three years on.
    proxy.set(Mode::Chaos(30));
    let rounds2 = deliver_all(&api, &offset).await;
    offset.fetch_add(3 * 366 * 86400, Ordering::SeqCst);
    let rounds3 = deliver_all(&api, &offset).await;
    proxy.set(Mode::Pass);
    let at = Utc::now() + Duration::seconds(offset.load(Ordering::SeqCst));
    let (deliveries, faults) = check_converged(&api, &scim, &proxy, at).await;
    let messages = count(&api, "SELECT COUNT(*) FROM hr_outbox");
    let requests = proxy.seen().len();
    eprintln!(
        "hr faults: {messages} messages, {requests} requests, {} injected faults ({faults:?}), \
         {deliveries} deliveries applied, 0 duplicates, 0 lost, rounds {rounds1}+{rounds2}+{rounds3}",
        faults.values().sum::<usize>()
    );
    for kind in [Fault::Status500, Fault::Status503, Fault::Stall, Fault::Cut] {
        assert!(
            faults.get(&kind).is_some_and(|n| *n > 0),
            "{kind:?} injected"
        );
    }
    // Approvals (10) + revocations (4) + expiries (6): every standing HR
    // holds now is Mastery's last message, and HR shows each final status.
    let hr = hr_state(&scim).await;
    let statuses: Vec<&str> = (1..=STAFF)
        .map(|i| {
            hr[&format!("S{i:04}")][TRAINING]["certifications"][0]["status"]
                .as_str()
                .unwrap_or("none")
        })
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "revoked").count(), 4);
    assert_eq!(
        statuses.iter().filter(|s| **s == "expired").count(),
        STAFF - 4
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_killed_mid_way_resumes_without_loss_or_duplicates() {
    let scim = peer::Scim::start();
    seed_hr(&scim).await;
    let proxy = Proxy::start(scim.port, std::time::Duration::from_millis(1500)).await;
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("mastery.sqlite3");
    {
        let api = Api::open(&db).expect("api");
        certified_org(&api, &proxy.url()).await;
    }
    let cli = cli_binary();
    // Slow answers, so the kill lands while messages are in flight.
    proxy.set(Mode::Slow(std::time::Duration::from_millis(250)));
    let mut child = std::process::Command::new(&cli)
        .args(["hr", "sync", "--concurrency", "2"])
        .env("MASTERY_DB", &db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("mastery hr sync");
    // Kill once the first PATCH has been applied.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while applied(&proxy).is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let api = Api::open(&db).expect("reopened");
    let before = count(
        &api,
        "SELECT COUNT(*) FROM hr_deliveries WHERE state = 'delivered'",
    );
    let applied_before: usize = applied(&proxy).values().map(Vec::len).sum();
    assert!(applied_before > 0, "killed mid-delivery");
    drop(api);
    proxy.set(Mode::Pass);
    let out = std::process::Command::new(&cli)
        .args(["hr", "sync"])
        .env("MASTERY_DB", &db)
        .output()
        .expect("mastery hr sync again");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let api = Api::open(&db).expect("reopened");
    let (deliveries, _) = check_converged(&api, &scim, &proxy, Utc::now()).await;
    eprintln!(
        "hr kill: {applied_before} applied before SIGKILL, {before} recorded as delivered then; \
         after restart: {text}; {deliveries} deliveries applied in all, 0 duplicates, 0 lost"
    );
    assert_eq!(
        deliveries, STAFF,
        "each of the {STAFF} messages applied exactly once"
    );
}

/// The `mastery` command line (`cargo test --workspace` and `cargo xtask
/// test` build it).
fn cli_binary() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("root")
        .to_path_buf();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let bin = target.join("debug/mastery");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p mastery-cli` first",
        bin.display()
    );
    bin
}
