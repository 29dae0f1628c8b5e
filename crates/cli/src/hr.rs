//! `mastery hr …`: the link with HR for scheduled jobs and administrators.

use super::HrCommand;
use anyhow::{bail, Context, Result};
use chrono::Utc;
use mastery_api::{Api, Caller, DeliveryOptions};
use mastery_types::{HrMode, HrSettingsRequest, RosterPreview};
use std::io::{BufRead, Write};

pub(crate) fn run(api: &Api, cmd: HrCommand) -> Result<()> {
    let op = Caller::LocalOperator;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    match cmd {
        HrCommand::Connect {
            url,
            token_stdin,
            interval,
            file_mode,
        } => {
            let token = if token_stdin {
                let mut t = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut t)
                    .context("reading the token from standard input")?;
                Some(t.trim().to_owned())
            } else {
                None
            };
            let s = api.set_hr_settings(
                &op,
                &HrSettingsRequest {
                    mode: if file_mode {
                        HrMode::File
                    } else {
                        HrMode::Scim
                    },
                    base_url: url.unwrap_or_default(),
                    token,
                    interval_minutes: interval,
                },
                Utc::now(),
            )?;
            match s.mode {
                HrMode::Scim => println!(
                    "HR: SCIM at {} (token {}), every {} minute(s)",
                    s.base_url,
                    if s.token_set { "set" } else { "not set" },
                    s.interval_minutes
                ),
                HrMode::File => println!("HR: file mode (CSV rosters, CSV status export)"),
            }
        }
        HrCommand::ImportCsv { file, apply } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let started = std::time::Instant::now();
            let p = api.preview_roster_csv(&op, &bytes, Utc::now())?;
            print_preview(&p);
            apply_previewed(api, &p, apply, started)?;
        }
        HrCommand::Pull { apply } => {
            let started = std::time::Instant::now();
            let p = rt.block_on(api.preview_roster_scim(&op, &|done, total| {
                eprint!("\rreading people from HR: {done} of {total}");
                let _ = std::io::stderr().flush();
            }))?;
            eprintln!(" ({:.2} s)", started.elapsed().as_secs_f64());
            print_preview(&p);
            apply_previewed(api, &p, apply, started)?;
        }
        HrCommand::Sync { concurrency } => {
            let started = std::time::Instant::now();
            let r = rt.block_on(api.sync_hr(
                &op,
                DeliveryOptions {
                    concurrency,
                    ..DeliveryOptions::default()
                },
                &Utc::now,
                &|done, total| {
                    eprint!("\rsending status to HR: {done} of {total}");
                    let _ = std::io::stderr().flush();
                },
            ))?;
            eprintln!();
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{} queued, {} sent: {} delivered, {} already applied, {} failed ({} parked), {} edited in HR ({:.2} s, {:.1} messages/s)",
                r.queued,
                r.attempted,
                r.delivered,
                r.already_applied,
                r.failed,
                r.parked,
                r.conflicts,
                secs,
                f64::from(r.attempted) / secs.max(0.001)
            );
            if r.failed > 0 || r.conflicts > 0 {
                bail!("some messages did not reach HR; they are retried later (see `mastery hr status`)");
            }
        }
        HrCommand::Status => {
            let s = api.hr_status(&op, Utc::now())?;
            match s.settings.mode {
                HrMode::Scim => println!(
                    "connection: SCIM at {} (token {})",
                    s.settings.base_url,
                    if s.settings.token_set {
                        "set"
                    } else {
                        "not set"
                    }
                ),
                HrMode::File => println!("connection: file mode"),
            }
            match &s.last_import {
                Some(i) => println!(
                    "last roster import: {} from {}: {} added, {} changed, {} deactivated, {} reactivated, {} refused, {} manager unresolved",
                    i.at.format("%Y-%m-%d %H:%M UTC"),
                    i.source.as_str(),
                    i.added, i.changed, i.deactivated, i.reactivated, i.refused, i.unresolved
                ),
                None => println!("last roster import: none"),
            }
            println!(
                "status messages: {} waiting, {} delivered{}",
                s.waiting,
                s.delivered,
                s.last_delivered_at
                    .map(|t| format!(" (last {})", t.format("%Y-%m-%d %H:%M UTC")))
                    .unwrap_or_default()
            );
            println!("new people without an activation code: {}", s.without_code);
            for f in &s.failing {
                println!(
                    "{}\t{}\t{}\tattempts {}\t{}",
                    f.employee_number,
                    f.name,
                    if f.conflict {
                        "edited in HR"
                    } else if f.parked {
                        "parked"
                    } else {
                        "retrying"
                    },
                    f.attempts,
                    f.error
                );
            }
        }
        HrCommand::Reconcile { fix } => {
            let report = rt.block_on(api.reconcile_hr(&op, Utc::now(), &|done, total| {
                eprint!("\rreading HR: {done} of {total}");
                let _ = std::io::stderr().flush();
            }))?;
            eprintln!();
            for d in &report.differences {
                let text = |c: &[mastery_types::HrCertification]| {
                    if c.is_empty() {
                        return "none".to_owned();
                    }
                    c.iter()
                        .map(|c| {
                            format!(
                                "{} L{} {}",
                                c.track.as_str(),
                                c.level.get(),
                                c.status.as_str()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                println!(
                    "{}\t{}\tMastery: {}\tHR: {}",
                    d.employee_number,
                    d.name,
                    text(&d.mastery),
                    d.hr.as_deref().map_or("no record".to_owned(), text)
                );
            }
            println!(
                "{} compared, {} differ",
                report.compared,
                report.differences.len()
            );
            if fix {
                let n = api.realign_hr(&op, &report, Utc::now())?;
                println!("{n} queued to bring HR back in line; run `mastery hr sync`");
            } else if !report.differences.is_empty() {
                bail!(
                    "HR differs from Mastery for {} people",
                    report.differences.len()
                );
            }
        }
        HrCommand::Codes { new: _, out } => {
            let codes = api.new_activation_codes(&op, Utc::now())?;
            let mut csv = String::from("employee_number,name,office,code,expires\n");
            for c in &codes {
                csv.push_str(&format!(
                    "{},\"{}\",\"{}\",{},{}\n",
                    c.employee_number,
                    c.name.replace('"', "\"\""),
                    c.office.as_deref().unwrap_or("").replace('"', "\"\""),
                    c.code,
                    c.expires_at.format("%Y-%m-%d")
                ));
            }
            write_out(out.as_deref(), &csv)?;
            eprintln!("{} new activation code(s)", codes.len());
        }
        HrCommand::ExportStatus { out } => {
            write_out(out.as_deref(), &api.hr_status_csv(&op, Utc::now())?)?;
        }
    }
    Ok(())
}

/// Applies a previewed roster when asked, and says what happened.
fn apply_previewed(
    api: &Api,
    p: &RosterPreview,
    apply: bool,
    started: std::time::Instant,
) -> Result<()> {
    if !apply {
        println!("preview only: run again with --apply to import");
        return Ok(());
    }
    let s = api.apply_roster(&Caller::LocalOperator, &p.digest, Utc::now())?;
    println!(
        "applied: {} added, {} changed, {} deactivated, {} reactivated, {} refused, {} manager unresolved ({:.2} s in all)",
        s.added,
        s.changed,
        s.deactivated,
        s.reactivated,
        s.refused,
        s.unresolved,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn write_out(out: Option<&std::path::Path>, text: &str) -> Result<()> {
    match out {
        Some(p) => std::fs::write(p, text).with_context(|| format!("writing {}", p.display())),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn print_preview(p: &RosterPreview) {
    println!(
        "{} row(s): {} to add, {} to change, {} to deactivate, {} to reactivate, {} refused, {} manager unresolved, {} unchanged{}",
        p.rows,
        p.added.len(),
        p.changed.len(),
        p.deactivated.len(),
        p.reactivated.len(),
        p.refused.len(),
        p.unresolved.len(),
        p.unchanged,
        if p.new_offices.is_empty() {
            String::new()
        } else {
            format!(", new office(s): {}", p.new_offices.join(", "))
        }
    );
    for r in &p.refused {
        println!(
            "refused {}{}: {}",
            r.at,
            r.employee_number
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default(),
            r.reason
        );
    }
    for c in p.changed.iter().take(50) {
        for f in &c.changes {
            println!(
                "change {} {}: {:?} {:?} → {:?}",
                c.employee_number, c.name, f.field, f.from, f.to
            );
        }
    }
    for d in p.deactivated.iter().take(50) {
        println!("deactivate {} {}", d.employee_number, d.name);
    }
    for u in p.unresolved.iter().take(50) {
        println!(
            "manager unresolved: {} {} (manager {})",
            u.employee_number, u.name, u.manager
        );
    }
}
