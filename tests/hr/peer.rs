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

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A running server, stopped when dropped.
pub struct Scim {
    child: Child,
    pub port: u16,
}

impl Scim {
    pub fn start() -> Scim {
        let bin = server_bin();
        let files = workspace().join("tests/peers/scim");
        let port = free_port();
        let child = Command::new(bin)
            .args(["--hostname", "127.0.0.1", "--port", &port.to_string()])
            .arg("--schema")
            .arg(files.join("schemas.json"))
            .arg("--resource-type")
            .arg(files.join("resource-types.json"))
            .args(["--bearer-token", TOKEN])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("scim2-server starts");
        let s = Scim { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return s;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("scim2-server did not listen on {port} within 60 s");
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

impl Drop for Scim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
