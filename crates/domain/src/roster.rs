//! What a roster from HR changes here: who is added, what changes for
//! whom, who leaves or comes back, and which rows are refused and why.
//!
//! A roster (CSV or SCIM) is a full list: a person HR brought in before and
//! no longer lists is deactivated, never deleted. People added by hand in
//! Mastery are left alone. A row that cannot be imported is refused with
//! its reason and never stops the others; a manager HR names who is not
//! known (yet) leaves the person "manager unresolved", not refused.

use mastery_types::{FieldChange, RefusedRow, RosterField, RowRef, RowRefusal, Track};
use std::collections::{HashMap, HashSet};

/// A person as Mastery has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub number: String,
    pub name: String,
    /// The office's id.
    pub office: Option<String>,
    /// The manager's employee number (known here or still unresolved).
    pub manager: Option<String>,
    pub active: bool,
    /// Brought in by an HR roster (only those leave with it).
    pub from_hr: bool,
    pub language: String,
    pub track: Option<Track>,
    pub program_manager: bool,
}

/// An office Mastery knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub id: String,
    pub name: String,
}

/// A row of the roster, read from CSV or SCIM. `None` in `office`,
/// `language`, `track` and `program_manager` means "not given": an
/// existing person keeps theirs. An empty manager means none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub at: RowRef,
    pub number: String,
    pub name: String,
    pub office: Option<String>,
    /// The office's time zone, which lets an unknown office be created.
    pub time_zone: Option<String>,
    pub manager: Option<String>,
    pub active: bool,
    pub language: Option<String>,
    pub track: Option<Track>,
    pub program_manager: Option<bool>,
    /// The person's resource id at the SCIM server.
    pub hr_id: Option<String>,
}

/// Which office an accepted row puts the person in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeChoice {
    Keep,
    Known(String),
    /// Created by this import (its name).
    New(String),
}

/// A row that will be applied, with its values resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub number: String,
    pub name: String,
    pub office: OfficeChoice,
    pub manager: Option<String>,
    /// The manager is known here or added by this import.
    pub manager_resolved: bool,
    pub language: String,
    pub track: Option<Track>,
    pub program_manager: bool,
    pub hr_id: Option<String>,
}

/// An existing person changed by the roster (index into `known`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Update {
    pub known: usize,
    pub row: Accepted,
    pub changes: Vec<FieldChange>,
    pub reactivate: bool,
}

/// What applying a roster does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub adds: Vec<Accepted>,
    pub updates: Vec<Update>,
    /// Indices into `known`.
    pub deactivate: Vec<usize>,
    pub refused: Vec<RefusedRow>,
    /// (person, manager) numbers.
    pub unresolved: Vec<(String, String)>,
    /// New offices: (name, time zone).
    pub new_offices: Vec<(String, String)>,
    /// Rows that change nothing (besides their HR id).
    pub unchanged: u32,
    /// Existing people whose HR id is new or changed: (known, id).
    pub hr_ids: Vec<(usize, String)>,
}

/// Plans a roster import. `me` is the importing administrator's employee
/// number (never deactivated by their own import); `valid_zone` says
/// whether a time zone name is known; `default_language` is what a new
/// person without a language gets.
pub fn plan(
    known: &[Known],
    offices: &[Office],
    rows: &[Row],
    me: Option<&str>,
    valid_zone: &dyn Fn(&str) -> bool,
    default_language: &str,
) -> Plan {
    let mut out = Plan::default();
    let by_number: HashMap<&str, usize> = known
        .iter()
        .enumerate()
        .map(|(i, k)| (k.number.as_str(), i))
        .collect();
    let office_by_key: HashMap<String, &Office> = offices
        .iter()
        .flat_map(|o| [(o.id.to_lowercase(), o), (o.name.to_lowercase(), o)])
        .collect();
    let office_name = |id: &Option<String>| -> String {
        id.as_deref()
            .and_then(|id| offices.iter().find(|o| o.id == id))
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };

    // Offices the roster creates: unknown here, named with a valid time
    // zone on some row (the other rows of that office may omit it).
    let mut new_offices: HashMap<String, (String, String)> = HashMap::new();
    for row in rows {
        if let (Some(o), Some(tz)) = (
            row.office
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty()),
            row.time_zone.as_deref().map(str::trim),
        ) {
            if !office_by_key.contains_key(&o.to_lowercase()) && valid_zone(tz) {
                new_offices
                    .entry(o.to_lowercase())
                    .or_insert_with(|| (o.to_owned(), tz.to_owned()));
            }
        }
    }

    // 1. Each row on its own: required fields, duplicates, offices.
    let mut first_at: HashMap<String, RowRef> = HashMap::new();
    let mut candidates: Vec<(&Row, OfficeChoice)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for row in rows {
        let number = row.number.trim();
        let refuse = |reason| RefusedRow {
            at: row.at.clone(),
            employee_number: (!number.is_empty()).then(|| number.to_owned()),
            reason,
        };
        if number.is_empty() {
            out.refused.push(refuse(RowRefusal::MissingEmployeeNumber));
            continue;
        }
        // Seen, even when refused below: a later row with the same
        // number is a duplicate, and the person is not deactivated for
        // being absent.
        seen.insert(number.to_owned());
        if let Some(first) = first_at.get(number) {
            out.refused
                .push(refuse(RowRefusal::DuplicateEmployeeNumber {
                    first: first.clone(),
                }));
            continue;
        }
        first_at.insert(number.to_owned(), row.at.clone());
        if row.name.trim().is_empty() {
            out.refused.push(refuse(RowRefusal::MissingName));
            continue;
        }
        let office = match row
            .office
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            None => OfficeChoice::Keep,
            Some(o) => match office_by_key.get(&o.to_lowercase()) {
                Some(known) => OfficeChoice::Known(known.id.clone()),
                None => match row.time_zone.as_deref().map(str::trim) {
                    Some(tz) if !tz.is_empty() && !valid_zone(tz) => {
                        out.refused.push(refuse(RowRefusal::UnknownTimeZone {
                            time_zone: tz.to_owned(),
                        }));
                        continue;
                    }
                    _ => match new_offices.get(&o.to_lowercase()) {
                        Some((name, _)) => OfficeChoice::New(name.clone()),
                        None => {
                            out.refused.push(refuse(RowRefusal::UnknownOffice {
                                office: o.to_owned(),
                            }));
                            continue;
                        }
                    },
                },
            },
        };
        if !row.active {
            if me == Some(number) {
                out.refused.push(refuse(RowRefusal::NotYourself));
                continue;
            }
            // Someone who left: deactivated if here, otherwise not added.
            if let Some(&i) = by_number.get(number) {
                if known[i].active {
                    out.deactivate.push(i);
                } else {
                    out.unchanged += 1;
                }
            }
            continue;
        }
        candidates.push((row, office));
    }

    // 2. Managers: loops among the accepted rows are refused, repeatedly,
    // since refusing one row restores that person's old manager.
    let mut refused_loop: HashSet<String> = HashSet::new();
    loop {
        let mut manager_of: HashMap<&str, &str> = known
            .iter()
            .filter_map(|k| Some((k.number.as_str(), k.manager.as_deref()?)))
            .collect();
        for (row, _) in &candidates {
            let n = row.number.trim();
            if refused_loop.contains(n) {
                continue;
            }
            match row
                .manager
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
            {
                Some(m) => manager_of.insert(n, m),
                None => manager_of.remove(n),
            };
        }
        let mut found = false;
        for (row, _) in &candidates {
            let n = row.number.trim();
            if refused_loop.contains(n) {
                continue;
            }
            if let Some(chain) = loop_through(&manager_of, n) {
                for member in &chain {
                    if candidates.iter().any(|(r, _)| r.number.trim() == member) {
                        refused_loop.insert(member.clone());
                    }
                }
                found = true;
            }
        }
        if !found {
            break;
        }
    }
    // The people there will be: known ones and accepted rows.
    let mut will_exist: HashSet<&str> = known.iter().map(|k| k.number.as_str()).collect();
    for (row, _) in &candidates {
        if !refused_loop.contains(row.number.trim()) {
            will_exist.insert(row.number.trim());
        }
    }

    for (row, office) in &candidates {
        let number = row.number.trim();
        if refused_loop.contains(number) {
            // Report the loop as it was asked for.
            let mut map: HashMap<&str, &str> = known
                .iter()
                .filter_map(|k| Some((k.number.as_str(), k.manager.as_deref()?)))
                .collect();
            for (r, _) in &candidates {
                if let Some(m) = r
                    .manager
                    .as_deref()
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                {
                    map.insert(r.number.trim(), m);
                }
            }
            let chain = loop_through(&map, number).unwrap_or_else(|| vec![number.to_owned()]);
            out.refused.push(RefusedRow {
                at: row.at.clone(),
                employee_number: Some(number.to_owned()),
                reason: RowRefusal::ManagerLoop { chain },
            });
            continue;
        }
        let manager = row
            .manager
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_owned);
        let manager_resolved = manager.as_deref().is_none_or(|m| will_exist.contains(m));
        if let (Some(m), false) = (&manager, manager_resolved) {
            out.unresolved.push((number.to_owned(), m.clone()));
        }
        let existing = by_number.get(number).map(|&i| (i, &known[i]));
        let accepted = Accepted {
            number: number.to_owned(),
            name: row.name.trim().to_owned(),
            office: office.clone(),
            manager,
            manager_resolved,
            // HR's language is where a new person starts; someone already
            // here keeps the language they chose in the app.
            language: existing
                .map(|(_, k)| k.language.clone())
                .or_else(|| row.language.clone())
                .unwrap_or_else(|| default_language.to_owned()),
            track: row.track.or_else(|| existing.and_then(|(_, k)| k.track)),
            program_manager: row
                .program_manager
                .or_else(|| existing.map(|(_, k)| k.program_manager))
                .unwrap_or(false),
            hr_id: row.hr_id.clone(),
        };
        let Some((i, k)) = existing else {
            out.adds.push(accepted);
            continue;
        };
        let mut changes = Vec::new();
        let mut change = |field, from: String, to: String| {
            if from != to {
                changes.push(FieldChange { field, from, to });
            }
        };
        change(RosterField::Name, k.name.clone(), accepted.name.clone());
        match &accepted.office {
            OfficeChoice::Keep => {}
            OfficeChoice::Known(id) => change(
                RosterField::Office,
                office_name(&k.office),
                office_name(&Some(id.clone())),
            ),
            OfficeChoice::New(name) => {
                change(RosterField::Office, office_name(&k.office), name.clone())
            }
        }
        change(
            RosterField::Manager,
            k.manager.clone().unwrap_or_default(),
            accepted.manager.clone().unwrap_or_default(),
        );
        change(
            RosterField::Track,
            k.track.map(|t| t.as_str().to_owned()).unwrap_or_default(),
            accepted
                .track
                .map(|t| t.as_str().to_owned())
                .unwrap_or_default(),
        );
        change(
            RosterField::ProgramManager,
            yes_no(k.program_manager),
            yes_no(accepted.program_manager),
        );
        let reactivate = !k.active;
        if changes.is_empty() && !reactivate {
            out.unchanged += 1;
            if let Some(id) = &accepted.hr_id {
                out.hr_ids.push((i, id.clone()));
            }
            continue;
        }
        out.updates.push(Update {
            known: i,
            row: accepted,
            changes,
            reactivate,
        });
    }

    // 3. Who left: HR people no longer listed.
    for (i, k) in known.iter().enumerate() {
        if k.active && k.from_hr && !seen.contains(&k.number) && me != Some(k.number.as_str()) {
            out.deactivate.push(i);
        }
    }
    let mut offices: Vec<(String, String)> = new_offices.into_values().collect();
    offices.sort();
    out.new_offices = offices;
    out
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// The loop of managers `start` is on, if any (from `start` back to it).
fn loop_through(manager_of: &HashMap<&str, &str>, start: &str) -> Option<Vec<String>> {
    let mut chain = vec![start];
    let mut at = start;
    // A chain longer than the map has repeated someone.
    for _ in 0..=manager_of.len() {
        let next = *manager_of.get(at)?;
        if next == start {
            return Some(
                chain
                    .iter()
                    .chain([&start])
                    .map(|s| (*s).to_owned())
                    .collect(),
            );
        }
        if chain.contains(&next) {
            // A loop further up, which `start` leads into but is not on.
            return None;
        }
        chain.push(next);
        at = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(number: &str, manager: Option<&str>) -> Known {
        Known {
            number: number.into(),
            name: format!("Person {number}"),
            office: Some("o1".into()),
            manager: manager.map(Into::into),
            active: true,
            from_hr: true,
            language: "en".into(),
            track: None,
            program_manager: false,
        }
    }

    fn row(line: u32, number: &str, manager: Option<&str>) -> Row {
        Row {
            at: RowRef::Line(line),
            number: number.into(),
            name: format!("Person {number}"),
            office: Some("Riverside".into()),
            time_zone: None,
            manager: manager.map(Into::into),
            active: true,
            language: None,
            track: None,
            program_manager: None,
            hr_id: None,
        }
    }

    fn offices() -> Vec<Office> {
        vec![Office {
            id: "o1".into(),
            name: "Riverside".into(),
        }]
    }

    fn run(known: &[Known], rows: &[Row]) -> Plan {
        plan(
            known,
            &offices(),
            rows,
            Some("ADMIN"),
            &|tz| tz == "America/Toronto",
            "en",
        )
    }

    fn reasons(p: &Plan) -> Vec<(RowRef, RowRefusal)> {
        p.refused
            .iter()
            .map(|r| (r.at.clone(), r.reason.clone()))
            .collect()
    }

    #[test]
    fn new_people_are_added_and_listed_people_unchanged() {
        let p = run(
            &[known("E1", None)],
            &[row(2, "E1", None), row(3, "E2", Some("E1"))],
        );
        assert_eq!(p.adds.len(), 1);
        assert_eq!(p.adds[0].number, "E2");
        assert!(p.adds[0].manager_resolved);
        assert_eq!(p.unchanged, 1);
        assert!(p.deactivate.is_empty() && p.refused.is_empty());
    }

    #[test]
    fn changes_are_listed_field_by_field() {
        let mut r = row(2, "E1", Some("E2"));
        r.name = "Person E1 Renamed".into();
        r.program_manager = Some(true);
        let p = run(
            &[known("E1", None), known("E2", None)],
            &[r, row(3, "E2", None)],
        );
        assert_eq!(p.updates.len(), 1);
        let fields: Vec<RosterField> = p.updates[0].changes.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            vec![
                RosterField::Name,
                RosterField::Manager,
                RosterField::ProgramManager
            ]
        );
        assert_eq!(p.updates[0].changes[1].to, "E2");
    }

    #[test]
    fn people_absent_from_the_roster_or_inactive_leave_but_hand_added_ones_stay() {
        let mut local = known("L1", None);
        local.from_hr = false;
        let mut gone = row(3, "E2", None);
        gone.active = false;
        let p = run(
            &[
                known("E1", None),
                known("E2", None),
                known("E3", None),
                local,
            ],
            &[row(2, "E1", None), gone],
        );
        let mut left = p.deactivate.clone();
        left.sort();
        assert_eq!(left, vec![1, 2], "E2 (inactive) and E3 (absent), not L1");
    }

    #[test]
    fn a_person_who_comes_back_is_reactivated() {
        let mut k = known("E1", None);
        k.active = false;
        let p = run(&[k], &[row(2, "E1", None)]);
        assert_eq!(p.updates.len(), 1);
        assert!(p.updates[0].reactivate);
        assert!(p.updates[0].changes.is_empty());
    }

    #[test]
    fn a_manager_loop_refuses_the_rows_on_it_and_keeps_the_rest() {
        let p = run(
            &[],
            &[
                row(2, "A", Some("B")),
                row(3, "B", Some("A")),
                row(4, "C", Some("A")),
            ],
        );
        let r = reasons(&p);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(matches!(&r[0].1, RowRefusal::ManagerLoop { chain } if chain == &["A", "B", "A"]));
        // C's manager A is refused, so C comes in with the manager unresolved.
        assert_eq!(p.adds.len(), 1);
        assert_eq!(p.unresolved, vec![("C".to_owned(), "A".to_owned())]);
    }

    #[test]
    fn managing_oneself_is_a_loop() {
        let p = run(&[], &[row(2, "A", Some("A"))]);
        assert!(
            matches!(&reasons(&p)[0].1, RowRefusal::ManagerLoop { chain } if chain == &["A", "A"])
        );
    }

    #[test]
    fn a_loop_through_an_existing_person_is_found() {
        // Known: B reports to A. The roster makes A report to B.
        let p = run(
            &[known("A", None), known("B", Some("A"))],
            &[row(2, "A", Some("B"))],
        );
        assert!(matches!(&reasons(&p)[0].1, RowRefusal::ManagerLoop { .. }));
        assert!(p.updates.is_empty());
    }

    #[test]
    fn an_unknown_manager_leaves_the_person_unresolved_not_refused() {
        let p = run(&[], &[row(2, "E1", Some("E404"))]);
        assert!(p.refused.is_empty());
        assert_eq!(p.adds.len(), 1);
        assert!(!p.adds[0].manager_resolved);
        assert_eq!(p.unresolved, vec![("E1".to_owned(), "E404".to_owned())]);
    }

    #[test]
    fn duplicates_missing_fields_and_unknown_offices_are_refused_with_their_line() {
        let mut no_name = row(3, "E2", None);
        no_name.name = " ".into();
        let mut no_number = row(4, "", None);
        no_number.name = "Someone".into();
        let mut elsewhere = row(5, "E3", None);
        elsewhere.office = Some("Atlantis".into());
        let mut new_office = row(6, "E4", None);
        new_office.office = Some("Harbourfront".into());
        new_office.time_zone = Some("America/Toronto".into());
        let mut bad_zone = row(7, "E5", None);
        bad_zone.office = Some("Moon Base".into());
        bad_zone.time_zone = Some("Moon/Tranquility".into());
        let p = run(
            &[known("E1", None)],
            &[
                row(2, "E1", None),
                no_name,
                no_number,
                elsewhere,
                new_office,
                bad_zone,
                row(8, "E1", None),
            ],
        );
        assert_eq!(
            reasons(&p),
            vec![
                (RowRef::Line(3), RowRefusal::MissingName),
                (RowRef::Line(4), RowRefusal::MissingEmployeeNumber),
                (
                    RowRef::Line(5),
                    RowRefusal::UnknownOffice {
                        office: "Atlantis".into()
                    }
                ),
                (
                    RowRef::Line(7),
                    RowRefusal::UnknownTimeZone {
                        time_zone: "Moon/Tranquility".into()
                    }
                ),
                (
                    RowRef::Line(8),
                    RowRefusal::DuplicateEmployeeNumber {
                        first: RowRef::Line(2)
                    }
                ),
            ]
        );
        assert_eq!(
            p.new_offices,
            vec![("Harbourfront".to_owned(), "America/Toronto".to_owned())]
        );
        assert!(
            p.deactivate.is_empty(),
            "a refused row does not make its person leave"
        );
    }

    #[test]
    fn an_office_one_row_creates_takes_the_rows_that_name_it_without_a_zone() {
        let mut second = row(2, "E1", None);
        second.office = Some("harbourfront".into());
        let mut first = row(3, "E2", None);
        first.office = Some("Harbourfront".into());
        first.time_zone = Some("America/Toronto".into());
        let p = run(&[], &[second, first]);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        assert_eq!(
            p.new_offices,
            vec![("Harbourfront".to_owned(), "America/Toronto".to_owned())]
        );
        assert!(p
            .adds
            .iter()
            .all(|a| a.office == OfficeChoice::New("Harbourfront".into())));
    }

    #[test]
    fn the_importer_is_never_deactivated_by_their_own_import() {
        let mut gone = row(2, "ADMIN", None);
        gone.active = false;
        let p = run(&[known("ADMIN", None), known("E1", None)], &[gone]);
        assert_eq!(
            reasons(&p),
            vec![(RowRef::Line(2), RowRefusal::NotYourself)]
        );
        assert_eq!(p.deactivate, vec![1]);
        let p = run(&[known("ADMIN", None)], &[]);
        assert!(p.deactivate.is_empty());
    }

    #[test]
    fn given_values_win_absent_ones_are_kept_and_a_chosen_language_stays() {
        let mut k = known("E1", None);
        k.language = "fr".into();
        k.track = Some(Track::Clients);
        let mut r = row(2, "E1", None);
        r.office = None;
        r.language = Some("en".into());
        let mut new = row(3, "E2", None);
        new.language = Some("fr".into());
        let p = run(&[k], &[r, new]);
        assert_eq!(p.unchanged, 1, "{:?}", p.updates);
        assert_eq!(p.adds[0].language, "fr", "HR's language for a new person");
    }
}
