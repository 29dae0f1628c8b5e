//! HR at the organization's size, 11,000 people:
//! - a roster CSV previewed and applied into an empty database (goal ≤ 7 s
//!   for both), then the same roster again (nothing changes) and with one
//!   person in ten changed;
//! - the same roster pulled from the SCIM peer on loopback (PyPI
//!   `scim2-server`, started here from the venv the HR tests install into
//!   `target/peers/scim`; skipped with a note when it is absent), with the
//!   share of the time the server spends;
//! - the first full delivery of everyone's status to that server: time,
//!   messages per second, and the share of it spent in the server (its CPU
//!   time over the wall time).
//!
//! Run: `cargo bench -p mastery-bench --bench hr` (set `HR_BENCH_PEOPLE`
//! for a smaller organization).

use chrono::Utc;
use mastery_api::{Api, Caller, DeliveryOptions};
use mastery_types::{
    HrCertStatus, HrCertification, HrMode, HrSettingsRequest, MasteryLevel, Track,
};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const TOKEN: &str = "bench-token";
const OFFICES: usize = 20;
const TEAM: usize = 15;

fn people() -> usize {
    std::env::var("HR_BENCH_PEOPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(11_000)
}

/// Employee number, name, office, manager's number.
fn roster(n: usize) -> Vec<(String, String, String, String)> {
    (0..n)
        .map(|i| {
            let number = format!("E{:06}", i + 1);
            // Directors manage managers; managers manage a team of 15.
            let manager = if i == 0 {
                String::new()
            } else if i % TEAM == 0 {
                "E000001".to_owned()
            } else {
                format!("E{:06}", i - i % TEAM + 1)
            };
            let office = format!("Service Centre {:02}", (i / TEAM) % OFFICES + 1);
            (
                number,
                format!("Employée Numéro {}", i + 1),
                office,
                manager,
            )
        })
        .collect()
}

fn csv(rows: &[(String, String, String, String)], changed_every: Option<usize>) -> Vec<u8> {
    let mut out = String::from("employee_number;name;office;time_zone;manager;language\n");
    for (i, (n, name, office, manager)) in rows.iter().enumerate() {
        let name = match changed_every {
            Some(k) if i % k == 0 => format!("{name} (renamed)"),
            _ => name.clone(),
        };
        let lang = if i % 3 == 0 { "fr" } else { "en" };
        out.push_str(&format!(
            "{n};\"{name}\";{office};America/Toronto;{manager};{lang}\n"
        ));
    }
    out.into_bytes()
}

fn main() {
    let n = people();
    let rows = roster(n);
    let op = Caller::LocalOperator;
    let dir = tempfile::tempdir().expect("dir");

    // 1. CSV.
    let api = Api::open(&dir.path().join("csv.sqlite3")).expect("api");
    let file = csv(&rows, None);
    let t = Instant::now();
    let p = api
        .preview_roster_csv(&op, &file, Utc::now())
        .expect("preview");
    let preview = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let s = api.apply_roster(&op, &p.digest, Utc::now()).expect("apply");
    let apply = t.elapsed().as_secs_f64();
    println!(
        "csv import, {n} people ({} KB): preview {preview:.2} s + apply {apply:.2} s = {:.2} s (goal ≤ 7 s); {} added, {} offices, {} refused",
        file.len() / 1024,
        preview + apply,
        s.added,
        p.new_offices.len(),
        s.refused
    );
    let t = Instant::now();
    let p = api
        .preview_roster_csv(&op, &file, Utc::now())
        .expect("preview");
    let s = api.apply_roster(&op, &p.digest, Utc::now()).expect("apply");
    println!(
        "csv import again, nothing changed: {:.2} s ({} unchanged, {} changed)",
        t.elapsed().as_secs_f64(),
        p.unchanged,
        s.changed
    );
    let t = Instant::now();
    let changed = csv(&rows, Some(10));
    let p = api
        .preview_roster_csv(&op, &changed, Utc::now())
        .expect("preview");
    let s = api.apply_roster(&op, &p.digest, Utc::now()).expect("apply");
    println!(
        "csv import, one in ten renamed: {:.2} s ({} changed)",
        t.elapsed().as_secs_f64(),
        s.changed
    );
    drop(api);

    // 2. SCIM.
    let Some(bin) = scim_bin() else {
        println!(
            "scim: skipped (run `cargo test -p mastery-tests --test hr` once to install the peer)"
        );
        return;
    };
    let port = free_port();
    let files = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/peers/scim");
    let mut server = std::process::Command::new(bin)
        .args(["--hostname", "127.0.0.1", "--port", &port.to_string()])
        .arg("--schema")
        .arg(files.join("schemas.json"))
        .arg("--resource-type")
        .arg(files.join("resource-types.json"))
        .args(["--bearer-token", TOKEN])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("scim2-server");
    let pid = server.id();
    wait_listening(port);
    let t = Instant::now();
    seed(port, &rows);
    println!(
        "scim seeding {n} users by /Bulk: {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let api = Api::open(&dir.path().join("scim.sqlite3")).expect("api");
    api.set_hr_settings(
        &op,
        &HrSettingsRequest {
            mode: HrMode::Scim,
            base_url: format!("http://127.0.0.1:{port}/v2"),
            token: Some(TOKEN.into()),
            interval_minutes: 0,
        },
        Utc::now(),
    )
    .expect("settings");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let cpu0 = cpu_seconds(pid);
    let t = Instant::now();
    let p = rt
        .block_on(api.preview_roster_scim(&op, &|_, _| {}))
        .expect("pull");
    let read = t.elapsed().as_secs_f64();
    let server_cpu = cpu_seconds(pid) - cpu0;
    let t = Instant::now();
    let s = api.apply_roster(&op, &p.digest, Utc::now()).expect("apply");
    let apply = t.elapsed().as_secs_f64();
    println!(
        "scim pull, {n} people: read {read:.1} s (server CPU {server_cpu:.1} s = {:.0} % of it) + apply {apply:.2} s; {} added",
        100.0 * server_cpu / read,
        s.added
    );

    // 3. First full delivery: everyone's status queued, as the sweep does
    // when an organization with certifications connects.
    let now = Utc::now();
    api.store()
        .write(|tx| {
            for person in mastery_store::hr::people_with_hr_ids(tx)? {
                let status = vec![HrCertification {
                    track: Track::Clients,
                    level: MasteryLevel::ALL[0],
                    status: HrCertStatus::Certified,
                    valid_from: now,
                    valid_until: now + chrono::Duration::days(1095),
                    verification_code: "MST-0000-0000-0000".into(),
                    credential_id: format!("urn:uuid:{}", uuid::Uuid::now_v7()),
                }];
                mastery_store::hr::enqueue(
                    tx,
                    &mastery_store::hr::Message {
                        id: uuid::Uuid::now_v7().to_string(),
                        person_id: person.id,
                        sequence: 1,
                        payload_json: serde_json::to_string(&status).expect("json"),
                    },
                    false,
                    now,
                )?;
            }
            Ok(())
        })
        .expect("queued");
    {
        let concurrency = 4usize;
        let cpu0 = cpu_seconds(pid);
        let t = Instant::now();
        let r = rt
            .block_on(api.sync_hr(
                &op,
                DeliveryOptions {
                    concurrency,
                    ..DeliveryOptions::default()
                },
                &Utc::now,
                &|_, _| {},
            ))
            .expect("sync");
        let secs = t.elapsed().as_secs_f64();
        let server_cpu = cpu_seconds(pid) - cpu0;
        println!(
            "first delivery, {} messages, {concurrency} in flight: {secs:.1} s, {:.0} messages/s ({:.0} requests/s), server CPU {server_cpu:.1} s = {:.0} % of the time; {} delivered, {} failed",
            r.attempted,
            f64::from(r.attempted) / secs,
            f64::from(2 * r.attempted) / secs,
            100.0 * server_cpu / secs,
            r.delivered,
            r.failed
        );
    }
    let _ = server.kill();
    let _ = server.wait();
}

fn scim_bin() -> Option<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let bin = target.join("peers/scim/bin/scim2-server");
    bin.exists().then_some(bin)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

fn wait_listening(port: u16) {
    for _ in 0..600 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("scim2-server did not start");
}

/// The server's CPU time (user + system) so far, from /proc.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or_default();
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Users into the server by /Bulk, 1000 operations a request.
fn seed(port: u16, rows: &[(String, String, String, String)]) {
    let ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    for chunk in rows.chunks(1000) {
        let ops: Vec<String> = chunk
            .iter()
            .map(|(n, name, office, _)| {
                format!(
                    "{{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"{n}\",\"data\":{{\"userName\":\"{n}\",\"displayName\":\"{name}\",\"active\":true,\"timezone\":\"America/Toronto\",\"{ent}\":{{\"employeeNumber\":\"{n}\",\"department\":\"{office}\"}}}}}}"
                )
            })
            .collect();
        let body = format!(
            "{{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[{}]}}",
            ops.join(",")
        );
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(
            s,
            "POST /v2/Bulk HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/scim+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("write");
        let mut resp = String::new();
        s.read_to_string(&mut resp).expect("read");
        assert!(
            resp.starts_with("HTTP/1.0 200") || resp.starts_with("HTTP/1.1 200"),
            "{}",
            &resp[..resp.len().min(300)]
        );
    }
}
