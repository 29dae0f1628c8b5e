//! Starts the real desktop app for a test: a private Xvfb display, a
//! tauri-driver (which runs WebKitWebDriver) on free loopback ports, and a
//! WebDriver session that launches `target/debug/mastery-desktop` on a fresh
//! database with the demo organization. Everything started is stopped when
//! the [`App`] is dropped.

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(30);
/// Every demo account's password.
pub const DEMO_PASSWORD: &str = "mastery-demo-2026";

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// Where screenshots go for people to look at: `target/e2e/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir().join("e2e");
    std::fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}

/// Started processes, each the leader of its own process group, so that
/// ending one also ends what it started (tauri-driver starts
/// WebKitWebDriver, which starts the app).
struct Processes(Vec<Child>);

impl Drop for Processes {
    fn drop(&mut self) {
        for child in self.0.iter_mut().rev() {
            let Ok(pgid) = libc::pid_t::try_from(child.id()) else {
                continue;
            };
            // SIGTERM first so Xvfb removes its lock file and socket; then
            // SIGKILL whatever is left of the group. killpg, not the `kill`
            // command, whose parsing of negative ids varies.
            // SAFETY: killpg only sends a signal to a process group we created.
            unsafe { libc::killpg(pgid, libc::SIGTERM) };
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(50));
            }
            // SAFETY: as above.
            unsafe { libc::killpg(pgid, libc::SIGKILL) };
            let _ = child.wait();
        }
    }
}

/// One real window at a time: two apps on two cores would race each other's
/// timeouts, and picking a display or a port is only safe one at a time.
static ONE_APP_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What database the app starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// A new database with the demo organization.
    Demo,
    /// A new, empty database: the first-administrator screen.
    Empty,
    /// A database file with these bytes already in place.
    ExistingFile(Vec<u8>),
}

pub struct App {
    pub client: Client,
    binary: PathBuf,
    pub data_dir: PathBuf,
    // Dropped in this order: the processes (tauri-driver's group, then
    // Xvfb), then the lock that lets the next test start its app.
    _processes: Processes,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn free_display() -> u32 {
    let base = 90 + (std::process::id() % 50);
    (base..base + 100)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display number")
}

fn require_tool(name: &str) {
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|p| p.join(name).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "{name} is not on PATH; `cargo xtask test` installs it"
    );
}

impl App {
    /// Starts the app with a new, empty data folder and the demo organization.
    pub async fn start(name: &str) -> App {
        App::start_with(name, Start::Demo).await
    }

    /// Starts the app on a database prepared as `start` says.
    pub async fn start_with(name: &str, start: Start) -> App {
        let turn = ONE_APP_AT_A_TIME.lock().await;
        // MASTERY_E2E_APP runs the same tests against another build (e.g.
        // the release binary, to measure it).
        let binary = std::env::var_os("MASTERY_E2E_APP")
            .map(PathBuf::from)
            .unwrap_or_else(|| target_dir().join("debug/mastery-desktop"));
        assert!(
            binary.is_file(),
            "{} is missing: run `cargo xtask test`, which builds the UI and the app before the tests",
            binary.display()
        );
        for tool in ["Xvfb", "tauri-driver", "WebKitWebDriver"] {
            require_tool(tool);
        }
        let data_dir =
            std::env::temp_dir().join(format!("mastery-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data_dir);
        std::fs::create_dir_all(&data_dir).expect("create the test data folder");
        let db = data_dir.join("mastery.sqlite3");
        if let Start::ExistingFile(bytes) = &start {
            std::fs::write(&db, bytes).expect("write the prepared database file");
        }

        let mut processes = Processes(vec![]);
        let display = free_display();
        use std::os::unix::process::CommandExt;
        let xvfb = Command::new("Xvfb")
            .arg(format!(":{display}"))
            .args(["-screen", "0", "1280x860x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start Xvfb");
        processes.0.push(xvfb);
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{display}"));
        let started = Instant::now();
        while !socket.exists() {
            assert!(started.elapsed() < TIMEOUT, "Xvfb :{display} did not start");
            std::thread::sleep(Duration::from_millis(50));
        }

        let port = free_port();
        let native_port = free_port();
        let log = std::fs::File::create(data_dir.join("tauri-driver.log")).expect("driver log");
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", format!(":{display}"))
            .env("MASTERY_DB", &db)
            .env("MASTERY_DEMO", if start == Start::Demo { "1" } else { "0" })
            // Pack exports land here rather than in the user's Downloads.
            .env("MASTERY_EXPORT_DIR", &data_dir)
            // Keep WebKit's local storage and caches inside the test folder.
            .env("XDG_DATA_HOME", data_dir.join("data"))
            .env("XDG_CACHE_HOME", data_dir.join("cache"))
            .env("XDG_CONFIG_HOME", data_dir.join("config"))
            .env("LANG", "en_CA.UTF-8")
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .process_group(0)
            .spawn()
            .expect("start tauri-driver");
        processes.0.push(driver);

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), serde_json::json!("wry"));
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": binary.to_string_lossy() }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) => {
                    assert!(
                        started.elapsed() < TIMEOUT,
                        "no WebDriver session on {url}: {e}; see {}",
                        data_dir.join("tauri-driver.log").display()
                    );
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
            }
        };
        App {
            client,
            binary,
            data_dir,
            _processes: processes,
            _turn: turn,
        }
    }

    /// Saves a screenshot and the page's HTML under `target/e2e/`, then
    /// fails the test: a failure shows what the window looked like.
    pub async fn fail(&self, why: String) -> ! {
        let dir = screenshot_dir();
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join("failure.png"), png);
        }
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(dir.join("failure.html"), html);
        }
        panic!("{why} (see target/e2e/failure.png and failure.html)");
    }

    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => el,
            Err(e) => {
                self.fail(format!("no element {css} within {TIMEOUT:?}: {e}"))
                    .await
            }
        }
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find {css}: {e}"))
    }

    /// Waits until `css` exists and its text equals `want`.
    pub async fn wait_text(&self, css: &str, want: &str) {
        let started = Instant::now();
        loop {
            let got = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if got == want {
                return;
            }
            if started.elapsed() > TIMEOUT {
                self.fail(format!("{css}: expected text {want:?}, still {got:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `css` exists and its text contains `want`.
    pub async fn wait_contains(&self, css: &str, want: &str) {
        let started = Instant::now();
        loop {
            let got = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if got.contains(want) {
                return;
            }
            if started.elapsed() > TIMEOUT {
                self.fail(format!(
                    "{css}: expected text containing {want:?}, got {got:?}"
                ))
                .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sends keys to an element as a person typing would (WebDriver key
    /// codes for Control, Home, End… may be mixed in).
    pub async fn send_keys(&self, css: &str, keys: &str) {
        self.find(css)
            .await
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("keys into {css}: {e}"));
    }

    /// Waits until exactly `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: usize) -> Vec<Element> {
        let started = Instant::now();
        loop {
            let found = self.all(css).await;
            if found.len() == n {
                return found;
            }
            if started.elapsed() > TIMEOUT {
                self.fail(format!(
                    "{css}: expected {n} elements, still {}",
                    found.len()
                ))
                .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Signs out whoever is signed in, then signs a demo account in.
    pub async fn sign_in_as(&self, who: &str) {
        if !self.all("#sign-out").await.is_empty() {
            self.click("#sign-out").await;
        }
        self.type_into("#username", who).await;
        self.type_into("#password", DEMO_PASSWORD).await;
        self.click("#sign-in-submit").await;
        self.find("#sign-out").await;
    }

    /// Replaces the text of an input the way a person does (select all,
    /// delete, type), so the page sees real input events, then waits until
    /// the input holds exactly `text`.
    pub async fn type_into(&self, css: &str, text: &str) {
        // WebDriver key codes: Control, 'a', release modifiers, Backspace.
        const SELECT_ALL_AND_DELETE: &str = "\u{E009}a\u{E000}\u{E003}";
        let el = self.find(css).await;
        el.send_keys(SELECT_ALL_AND_DELETE)
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
        self.wait_value(css, text).await;
    }

    /// Waits until the input `css` holds `want`.
    pub async fn wait_value(&self, css: &str, want: &str) {
        let started = Instant::now();
        loop {
            let got = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.prop("value").await.ok().flatten().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if got == want {
                return;
            }
            if started.elapsed() > TIMEOUT {
                self.fail(format!("{css}: expected value {want:?}, still {got:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Calls a backend command directly over IPC, as a script in the page
    /// could, and returns the error it was refused with (fails if it was not).
    pub async fn invoke_error(&self, command: &str) -> serde_json::Value {
        let answer = self
            .client
            .execute_async(
                "const [cmd, done] = arguments;
                 window.__TAURI__.core.invoke(cmd, {})
                   .then(v => done({ ok: v }))
                   .catch(e => done({ err: e }));",
                vec![serde_json::json!(command)],
            )
            .await
            .unwrap_or_else(|e| panic!("invoke {command}: {e}"));
        match answer.get("err") {
            Some(err) => err.clone(),
            None => panic!("{command} was allowed: {answer}"),
        }
    }

    /// Runs a script in the page and returns its value.
    pub async fn script(&self, js: &str) -> serde_json::Value {
        self.client
            .execute(js, vec![])
            .await
            .unwrap_or_else(|e| panic!("script {js}: {e}"))
    }

    /// Waits (up to the usual timeout) until a script returns `true`.
    pub async fn wait_script(&self, js: &str, what: &str) {
        let deadline = std::time::Instant::now() + TIMEOUT;
        while std::time::Instant::now() < deadline {
            if self.script(js).await == serde_json::Value::Bool(true) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        self.fail(format!("timed out waiting until {what}")).await
    }

    pub async fn scroll_to_top(&self) {
        let _ = self.client.execute("window.scrollTo(0, 0);", vec![]).await;
    }

    /// Saves what the window shows now, after letting WebKit paint the
    /// latest changes (two animation frames).
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await;
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("save the screenshot");
        path
    }

    /// Resident memory (VmRSS) of the app process and of its WebKit helper
    /// processes, read from /proc; a figure to report, never asserted on.
    pub fn memory_report(&self) -> String {
        let procs: Vec<(u32, u32, String, u64)> = std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let pid: u32 = e.file_name().to_str()?.parse().ok()?;
                let status = std::fs::read_to_string(e.path().join("status")).ok()?;
                let field = |name: &str| {
                    status
                        .lines()
                        .find_map(|l| l.strip_prefix(name))
                        .map(|v| v.trim().to_owned())
                };
                let ppid = field("PPid:")?.parse().ok()?;
                let rss_kib = field("VmRSS:")
                    .and_then(|v| v.trim_end_matches(" kB").trim().parse().ok())
                    .unwrap_or(0);
                Some((pid, ppid, field("Name:")?, rss_kib))
            })
            .collect();
        let app = procs.iter().find(|(pid, ..)| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == self.binary)
        });
        let Some(&(app_pid, _, _, app_rss)) = app else {
            return "memory: the app process was not found".into();
        };
        let mut family = vec![app_pid];
        let mut total = app_rss;
        let mut parts = vec![format!("mastery-desktop {} MiB", app_rss / 1024)];
        let mut i = 0;
        while i < family.len() {
            for (pid, ppid, name, rss) in &procs {
                if *ppid == family[i] && !family.contains(pid) {
                    family.push(*pid);
                    total += rss;
                    parts.push(format!("{name} {} MiB", rss / 1024));
                }
            }
            i += 1;
        }
        // PSS shares each shared page among the processes that map it: a
        // fairer figure than RSS for GTK/WebKit's large shared libraries.
        let pss_kib: u64 = family
            .iter()
            .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
            .filter_map(|t| {
                t.lines()
                    .find_map(|l| l.strip_prefix("Pss:"))
                    .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            })
            .sum();
        format!(
            "memory: RSS {} MiB in all ({}); PSS {} MiB in all",
            total / 1024,
            parts.join(", "),
            pss_kib / 1024
        )
    }

    /// The folder the app writes into (database, exports).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    pub async fn stop(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
