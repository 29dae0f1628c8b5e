//! The roster as a CSV file, the way spreadsheets and HR exports write it:
//! UTF-8 with or without a byte-order mark, `,` or `;` (or tab) between
//! fields, quoted fields with commas, quotes and line breaks inside, a
//! header line naming the columns in English or French (any order, any
//! case). Columns:
//!
//! | column (EN / FR) | required | meaning |
//! |---|---|---|
//! | `employee_number` / `matricule` | yes | the key shared with HR |
//! | `name` / `nom` | yes | the name people see |
//! | `office` / `bureau` | no | an office's name (or id) |
//! | `time_zone` / `fuseau_horaire` | no | IANA zone: creates an unknown office |
//! | `manager` / `gestionnaire` | no | the manager's employee number; empty: none |
//! | `active` / `actif` | no | yes/no (default yes); no: the person left |
//! | `language` / `langue` | no | `en` or `fr` (`fr-CA` etc. accepted), for new people |
//! | `track` / `volet` | no | `clients`, `colleagues`, `communities` or `staff` |
//! | `program_manager` / `gestionnaire_programme` | no | yes/no: entry-level program manager |
//!
//! A row that cannot be read is refused with its line; the file as a whole
//! is refused only when it is not UTF-8, has no header or lacks a required
//! column.

use mastery_domain::roster::Row;
use mastery_types::{Problem, RefusedRow, RowRef, RowRefusal, Track};

/// The rows read, and the lines refused while reading.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub rows: Vec<Row>,
    pub refused: Vec<RefusedRow>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Number,
    Name,
    Office,
    TimeZone,
    Manager,
    Active,
    Language,
    Track,
    ProgramManager,
}

fn column(header: &str) -> Option<Col> {
    let h = header.trim().to_lowercase().replace([' ', '-'], "_");
    Some(match h.as_str() {
        "employee_number" | "employee" | "matricule" | "numero_employe" | "numéro_employé" => {
            Col::Number
        }
        "name" | "display_name" | "nom" => Col::Name,
        "office" | "bureau" => Col::Office,
        "time_zone" | "timezone" | "fuseau_horaire" => Col::TimeZone,
        "manager" | "manager_employee_number" | "gestionnaire" => Col::Manager,
        "active" | "actif" => Col::Active,
        "language" | "langue" => Col::Language,
        "track" | "volet" => Col::Track,
        "program_manager" | "entry_level_program_manager" | "gestionnaire_programme" => {
            Col::ProgramManager
        }
        _ => return None,
    })
}

/// Reads a roster file.
pub fn read(bytes: &[u8]) -> Result<Read, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        Problem::NotUtf8 {
            line: u32::try_from(line).unwrap_or(u32::MAX),
        }
    })?;
    let header_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or(Problem::EmptyRoster)?;
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| Problem::EmptyRoster)?
        .iter()
        .map(column)
        .collect::<Vec<_>>();
    let missing: Vec<String> = [(Col::Number, "employee_number"), (Col::Name, "name")]
        .into_iter()
        .filter(|(c, _)| !headers.contains(&Some(*c)))
        .map(|(_, n)| n.to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(Problem::MissingColumns { columns: missing });
    }
    // Lines are counted from the record's byte offset (past the blank
    // lines the reader skipped before it): the csv crate's own line count
    // leaves blank lines out.
    let line_at = |byte: u64| -> u32 {
        let bytes = text.as_bytes();
        let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\n' | b'\r') {
            end += 1;
        }
        let n = bytes[..end].iter().filter(|b| **b == b'\n').count() + 1;
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let mut out = Read::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.refused.push(RefusedRow {
                    at: RowRef::Line(e.position().map_or(0, |p| line_at(p.byte()))),
                    employee_number: None,
                    reason: RowRefusal::Unreadable {
                        detail: e.to_string(),
                    },
                });
                continue;
            }
        };
        let at = RowRef::Line(record.position().map_or(0, |p| line_at(p.byte())));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |c: Col| -> Option<&str> {
            headers
                .iter()
                .position(|h| *h == Some(c))
                .and_then(|i| record.get(i))
                .map(str::trim)
        };
        let number = get(Col::Number).unwrap_or_default().to_owned();
        let refuse = |reason| RefusedRow {
            at: at.clone(),
            employee_number: (!number.is_empty()).then(|| number.clone()),
            reason,
        };
        if record.len() != headers.len() {
            out.refused.push(refuse(RowRefusal::FieldCount {
                expected: u32::try_from(headers.len()).unwrap_or(u32::MAX),
                found: u32::try_from(record.len()).unwrap_or(u32::MAX),
            }));
            continue;
        }
        let given = |c: Col| get(c).filter(|v| !v.is_empty());
        let flag = |c: Col, name: &str| -> Result<Option<bool>, RowRefusal> {
            match given(c) {
                None => Ok(None),
                Some(v) => yes_no(v).map(Some).ok_or_else(|| RowRefusal::BadFlag {
                    column: name.to_owned(),
                    value: v.to_owned(),
                }),
            }
        };
        let active = match flag(Col::Active, "active") {
            Ok(a) => a.unwrap_or(true),
            Err(r) => {
                out.refused.push(refuse(r));
                continue;
            }
        };
        let program_manager = match flag(Col::ProgramManager, "program_manager") {
            Ok(p) => p,
            Err(r) => {
                out.refused.push(refuse(r));
                continue;
            }
        };
        let language = match given(Col::Language) {
            None => None,
            Some(v) => match language(v) {
                Some(l) => Some(l.to_owned()),
                None => {
                    out.refused.push(refuse(RowRefusal::BadLanguage {
                        value: v.to_owned(),
                    }));
                    continue;
                }
            },
        };
        let track = match given(Col::Track) {
            None => None,
            Some(v) => match Track::parse(&v.to_lowercase()) {
                Some(t) => Some(t),
                None => {
                    out.refused.push(refuse(RowRefusal::BadTrack {
                        value: v.to_owned(),
                    }));
                    continue;
                }
            },
        };
        out.rows.push(Row {
            at: at.clone(),
            number: number.clone(),
            name: get(Col::Name).unwrap_or_default().to_owned(),
            office: given(Col::Office).map(str::to_owned),
            time_zone: given(Col::TimeZone).map(str::to_owned),
            manager: given(Col::Manager).map(str::to_owned),
            active,
            language,
            track,
            program_manager,
            hr_id: None,
        });
    }
    Ok(out)
}

/// yes/no in English or French, or as 1/0, true/false.
pub fn yes_no(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "oui" | "o" | "vrai" => Some(true),
        "no" | "n" | "false" | "0" | "non" | "faux" => Some(false),
        _ => None,
    }
}

/// The program's language for a language tag (`fr`, `fr-CA`, `en_CA`…).
pub fn language(tag: &str) -> Option<&'static str> {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    match primary.as_str() {
        "en" | "english" | "anglais" => Some("en"),
        "fr" | "french" | "français" | "francais" => Some("fr"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolons_a_bom_quotes_accents_and_french_headers() {
        let file = "\u{feff}matricule;nom;bureau;gestionnaire;langue;actif\n\
                    E1;\"Gagnon, Amélie\";Riverside;;fr-CA;oui\n\
                    E2;\"Li \"\"Lee\"\" Wei\";Riverside;E1;en;\n\
                    \n\
                    E3;Zoë Ödegaard;Riverside;E1;;non\n";
        let r = read(file.as_bytes()).expect("reads");
        assert!(r.refused.is_empty(), "{:?}", r.refused);
        assert_eq!(r.rows.len(), 3);
        assert_eq!(r.rows[0].name, "Gagnon, Amélie");
        assert_eq!(r.rows[0].language.as_deref(), Some("fr"));
        assert_eq!(r.rows[0].manager, None);
        assert_eq!(r.rows[1].name, "Li \"Lee\" Wei");
        assert_eq!(r.rows[1].manager.as_deref(), Some("E1"));
        assert!(r.rows[1].active);
        assert_eq!(r.rows[2].at, RowRef::Line(5));
        assert!(!r.rows[2].active);
    }

    #[test]
    fn a_quoted_line_break_stays_in_its_field_and_lines_count_true() {
        let file =
            "employee_number,name,office\nE1,\"Amélie\nGagnon\",Riverside\nE2,Bo,Riverside\n";
        let r = read(file.as_bytes()).expect("reads");
        assert_eq!(r.rows[0].name, "Amélie\nGagnon");
        assert_eq!(r.rows[1].at, RowRef::Line(4));
    }

    #[test]
    fn a_latin1_file_is_refused_with_the_line_of_its_first_accent() {
        let mut bytes = b"employee_number,name\nE1,Bo\nE2,Am".to_vec();
        bytes.push(0xE9); // é in Latin-1
        bytes.extend_from_slice(b"lie\n");
        assert_eq!(read(&bytes), Err(Problem::NotUtf8 { line: 3 }));
    }

    #[test]
    fn a_file_without_the_key_columns_is_refused_whole() {
        assert_eq!(
            read(b"name,office\nBo,Riverside\n"),
            Err(Problem::MissingColumns {
                columns: vec!["employee_number".into()]
            })
        );
        assert_eq!(read(b"\n\n"), Err(Problem::EmptyRoster));
    }

    #[test]
    fn bad_values_refuse_their_line_only() {
        let file = "employee_number,name,active,language,track,program_manager\n\
                    E1,Bo,maybe,en,clients,no\n\
                    E2,Cy,yes,de,clients,no\n\
                    E3,Di,yes,en,sales,no\n\
                    E4,Ed,yes,en,staff,perhaps\n\
                    E5,Fa,yes\n\
                    E6,Gi,yes,fr,Staff,OUI\n";
        let r = read(file.as_bytes()).expect("reads");
        let reasons: Vec<(RowRef, RowRefusal)> = r
            .refused
            .iter()
            .map(|x| (x.at.clone(), x.reason.clone()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (
                    RowRef::Line(2),
                    RowRefusal::BadFlag {
                        column: "active".into(),
                        value: "maybe".into()
                    }
                ),
                (
                    RowRef::Line(3),
                    RowRefusal::BadLanguage { value: "de".into() }
                ),
                (
                    RowRef::Line(4),
                    RowRefusal::BadTrack {
                        value: "sales".into()
                    }
                ),
                (
                    RowRef::Line(5),
                    RowRefusal::BadFlag {
                        column: "program_manager".into(),
                        value: "perhaps".into()
                    }
                ),
                (
                    RowRef::Line(6),
                    RowRefusal::FieldCount {
                        expected: 6,
                        found: 3
                    }
                ),
            ]
        );
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].track, Some(Track::Staff));
        assert_eq!(r.rows[0].program_manager, Some(true));
    }
}
