//! `cargo xtask run | test | ui`: the two README commands and their parts.
//!
//! Both install what is missing on a fresh Debian/Ubuntu machine (apt
//! packages for Tauri, the wasm32 target, wasm-bindgen-cli, and for tests
//! tauri-driver), but only what `--version`/`dpkg` say is absent, so a second
//! run installs nothing. Nothing is downloaded from outside the package
//! registries.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Must equal the `wasm-bindgen` version pinned in ui/Cargo.toml.
const WASM_BINDGEN: &str = "0.2.130";

const APT_BUILD: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "libjavascriptcoregtk-4.1-dev",
    "libsoup-3.0-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "build-essential",
    "pkg-config",
    "libssl-dev",
];
const APT_TEST: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "fonts-dejavu-core",
    // Reads the certificate PDF back in a test, as an independent reader.
    "ghostscript",
    // The HR tests install the SCIM peer (PyPI scim2-server) into a venv.
    "python3-venv",
    "python3-pip",
];
/// The credential interop test runs the npm `@digitalcredentials` verifier;
/// it installs those packages itself, but needs node and npm.
const APT_NODE: &[&str] = &["nodejs", "npm"];

fn main() {
    if let Err(e) = real_main() {
        eprintln!("xtask: {e:#}");
        std::process::exit(1);
    }
}

fn real_main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root()?;
    std::env::set_current_dir(&root)?;
    match args.first().map(String::as_str) {
        Some("run") => {
            install(false)?;
            build_ui()?;
            let mut cmd = cargo();
            cmd.args(["run", "-p", "mastery-desktop", "--"]);
            // The embedded default: the demo organization on first start.
            let rest = &args[1..];
            if !rest.iter().any(|a| a == "--no-demo") {
                cmd.arg("--demo");
            }
            cmd.args(rest.iter().filter(|a| *a != "--no-demo"));
            run(&mut cmd)
        }
        Some("test") => {
            install(true)?;
            step("formatting", cargo().args(["fmt", "--all", "--check"]))?;
            build_ui()?;
            step(
                "clippy (native)",
                cargo().args([
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ]),
            )?;
            step(
                "clippy (ui, wasm32)",
                cargo().args([
                    "clippy",
                    "-p",
                    "mastery-ui",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--release",
                    "--",
                    "-D",
                    "warnings",
                ]),
            )?;
            step(
                "desktop build",
                // The command line too: the HR tests run it as a process.
                cargo().args(["build", "-p", "mastery-desktop", "-p", "mastery-cli"]),
            )?;
            eprintln!("xtask: ── tests");
            run_tests(cargo().args(["test", "--workspace"]))
        }
        Some("ui") => {
            install(false)?;
            build_ui()
        }
        Some("install") => install(true),
        _ => {
            eprintln!("usage: cargo xtask run [--no-demo] [--db PATH] | test | ui | install");
            std::process::exit(2);
        }
    }
}

fn root() -> Result<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .context("xtask lives in the workspace")
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("starting {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

fn step(name: &str, cmd: &mut Command) -> Result<()> {
    eprintln!("xtask: ── {name}");
    run(cmd).with_context(|| format!("step '{name}' failed"))
}

/// Runs `cargo test`, echoing its output, and closes with one line adding
/// up every test binary's "test result" line.
fn run_tests(cmd: &mut Command) -> Result<()> {
    use std::io::{BufRead, BufReader};
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {cmd:?}"))?;
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line?;
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                let count = |word: &str| {
                    rest.split(';')
                        .find_map(|part| part.trim().strip_suffix(word))
                        .and_then(|n| {
                            n.trim()
                                .rsplit(' ')
                                .next()
                                .and_then(|n| n.parse::<u64>().ok())
                        })
                        .unwrap_or(0)
                };
                passed += count(" passed");
                failed += count(" failed");
            }
        }
    }
    let status = child.wait()?;
    println!("tests: {passed} passed, {failed} failed");
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

fn output(cmd: &mut Command) -> Option<String> {
    cmd.output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// Installs what is missing: apt packages (Linux), the wasm32 target,
/// wasm-bindgen-cli, and for tests tauri-driver.
fn install(for_tests: bool) -> Result<()> {
    if cfg!(target_os = "linux") && Path::new("/usr/bin/dpkg").exists() {
        let mut wanted: Vec<&str> = APT_BUILD.to_vec();
        if for_tests {
            wanted.extend(APT_TEST);
            // Only when node is not already there some other way (a distro
            // npm next to a NodeSource node would conflict).
            let has = |cmd: &str| output(Command::new(cmd).arg("--version")).is_some();
            if !has("node") || !has("npm") {
                wanted.extend(APT_NODE);
            }
        }
        let missing: Vec<&str> = wanted
            .into_iter()
            .filter(|p| {
                output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p]))
                    .is_none_or(|s| !s.contains("install ok installed"))
            })
            .collect();
        if !missing.is_empty() {
            eprintln!("xtask: installing apt packages: {}", missing.join(" "));
            let sudo = output(Command::new("id").arg("-u")).is_none_or(|u| u.trim() != "0");
            let apt = |args: &[&str]| {
                let mut c = if sudo {
                    let mut c = Command::new("sudo");
                    c.arg("apt-get");
                    c
                } else {
                    Command::new("apt-get")
                };
                c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
                c
            };
            run(&mut apt(&["update"]))?;
            let mut install = apt(&["install", "-y"]);
            install.args(&missing);
            run(&mut install)?;
        }
    }
    let targets =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if for_tests {
        let comps = output(Command::new("rustup").args(["component", "list", "--installed"]))
            .unwrap_or_default();
        for c in ["rustfmt", "clippy"] {
            if !comps.lines().any(|l| l.starts_with(c)) {
                run(Command::new("rustup").args(["component", "add", c]))?;
            }
        }
    }
    let wb = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if !wb.contains(WASM_BINDGEN) {
        // Not --locked: one of its locked dependencies is missing from the registry mirror.
        run(cargo().args(["install", "wasm-bindgen-cli", "--version", WASM_BINDGEN]))?;
    }
    if for_tests && output(Command::new("tauri-driver").arg("--help")).is_none() {
        run(cargo().args(["install", "tauri-driver", "--version", "^2", "--locked"]))?;
    }
    Ok(())
}

/// Builds the Yew UI into ui/dist (wasm + JS glue + static files), which the
/// desktop build embeds.
fn build_ui() -> Result<()> {
    step(
        "ui (wasm32)",
        cargo().args([
            "build",
            "-p",
            "mastery-ui",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ]),
    )?;
    let dist = Path::new("ui/dist");
    std::fs::create_dir_all(dist)?;
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let wasm = Path::new(&target).join("wasm32-unknown-unknown/release/mastery-ui.wasm");
    step(
        "wasm-bindgen",
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(dist)
            .args(["--out-name", "app"])
            .arg(&wasm),
    )?;
    for f in ["index.html", "boot.js", "styles.css"] {
        std::fs::copy(Path::new("ui/static").join(f), dist.join(f))
            .with_context(|| format!("copying {f}"))?;
    }
    std::fs::copy("assets/icons/128x128.png", dist.join("icon.png")).context("copying the icon")?;
    Ok(())
}
