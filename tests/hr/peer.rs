//! The real SCIM 2.0 peer: PyPI `scim2-server`, pinned, installed into
//! `target/peers/scim` on first use, started on a free loopback port with
//! the enterprise and training-status extensions declared.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const VERSION: &str = "0.8.3";
pub const TOKEN: &str = "test-token-d41d8cd98f00b204";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn venv() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
        .join("peers/scim")
}

/// The server's executable, installed (once per machine) if absent.
pub fn server_bin() -> PathBuf {
    static INSTALL: Mutex<()> = Mutex::new(());
    let _one = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let venv = venv();
    let bin = venv.join("bin/scim2-server");
    let pinned = venv.join(format!(".installed-{VERSION}"));
    if bin.exists() && pinned.exists() {
        return bin;
    }
    let ok = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "python3 -m venv {} failed (apt: python3-venv)",
        venv.display()
    );
    let ok = Command::new(venv.join("bin/pip"))
        .args(["install", "-q", &format!("scim2-server=={VERSION}")])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "pip install scim2-server=={VERSION} failed");
    std::fs::write(&pinned, VERSION).expect("mark installed");
    bin
}

/// A free loopback port, never the same one twice in this process (two
/// tests starting servers at once must not be handed one port).
pub fn free_port() -> u16 {
    static GIVEN: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// A running server, stopped when dropped.
pub struct Scim {
    child: Child,
    pub port: u16,
}

impl Scim {
    /// Starts a server and waits until it says it serves (it prints
    /// "Serving SCIM on …" once bound): a port already taken makes the
    /// server exit, and another port is tried.
    pub fn start() -> Scim {
        let bin = server_bin();
        let files = workspace().join("tests/peers/scim");
        for _ in 0..5 {
            let port = free_port();
            let mut child = Command::new(&bin)
                .args(["--hostname", "127.0.0.1", "--port", &port.to_string()])
                .arg("--schema")
                .arg(files.join("schemas.json"))
                .arg("--resource-type")
                .arg(files.join("resource-types.json"))
                .args(["--bearer-token", TOKEN])
                // Its "Serving SCIM" line arrives when printed, not when a
                // pipe buffer fills.
                .env("PYTHONUNBUFFERED", "1")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("scim2-server starts");
            let (tx, rx) = std::sync::mpsc::channel::<String>();
            for out in [
                child
                    .stdout
                    .take()
                    .map(|o| Box::new(o) as Box<dyn std::io::Read + Send>),
                child
                    .stderr
                    .take()
                    .map(|e| Box::new(e) as Box<dyn std::io::Read + Send>),
            ]
            .into_iter()
            .flatten()
            {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    use std::io::BufRead;
                    for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                        let _ = tx.send(line);
                    }
                });
            }
            drop(tx);
            let deadline = Instant::now() + Duration::from_secs(60);
            let serving = loop {
                match rx.recv_timeout(Duration::from_millis(200)) {
                    Ok(line) if line.contains("Serving SCIM") => break true,
                    Ok(_) => {}
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break false,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        if Instant::now() > deadline || child.try_wait().ok().flatten().is_some() {
                            break false;
                        }
                    }
                }
            };
            // Ours, and listening.
            if serving && child.try_wait().ok().flatten().is_none() && wait_listening(port) {
                return Scim { child, port };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("scim2-server did not start on a free port (5 tries)");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v2", self.port)
    }
}

impl Scim {
    /// Creates a resource (`/Users`, `/Groups`) directly at the server
    /// and returns its id.
    pub async fn create(&self, endpoint: &str, body: serde_json::Value) -> String {
        mastery_hr::install_crypto_provider();
        let r = reqwest::Client::new()
            .post(format!("{}{endpoint}", self.url()))
            .bearer_auth(TOKEN)
            .header("Content-Type", "application/scim+json")
            .body(body.to_string())
            .send()
            .await
            .expect("POST to the SCIM peer");
        assert_eq!(r.status().as_u16(), 201, "POST {endpoint}");
        let v: serde_json::Value = r.json().await.expect("json");
        v["id"].as_str().expect("an id").to_owned()
    }
}

fn wait_listening(port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

impl Drop for Scim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
