//! A SCIM 2.0 client (RFC 7643/7644) for the HR service: the roster read
//! from `/Users` (paged) with the enterprise extension, entry-level program
//! managers from a Group, and Mastery's training-status extension written
//! by `PATCH` with `If-Match`.
//!
//! The training-status extension (declared at the HR server as a User
//! schema extension, see `tests/peers/scim/schemas.json`):
//!
//! ```json
//! "urn:mastery:params:scim:schemas:extension:training:2.0:User": {
//!   "sequence": 3,                      // per person, grows with each change
//!   "messageId": "0193…",               // the outbox message that wrote it
//!   "updatedAt": "2026-12-07T18:00:00Z",
//!   "certifications": [{ "track": "clients", "level": 1,
//!     "status": "certified",            // certified | expired | revoked
//!     "validFrom": "2026-12-07T18:00:00Z", "validUntil": "2029-12-07T18:00:00Z",
//!     "verificationCode": "MST-1A2B-3C4D-5E6F", "credentialId": "urn:uuid:…" }]
//! }
//! ```

use crate::HrError;
use chrono::{DateTime, SecondsFormat, Utc};
use mastery_domain::hr::HrRecord;
use mastery_domain::roster::Row;
use mastery_types::{
    HrCertStatus, HrCertification, MasteryLevel, RefusedRow, RowRef, RowRefusal, Track,
};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

pub const ENTERPRISE_SCHEMA: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
pub const TRAINING_SCHEMA: &str = "urn:mastery:params:scim:schemas:extension:training:2.0:User";
const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/// The Group whose members are entry-level program managers.
pub const PROGRAM_MANAGER_GROUP: &str = "Mastery entry-level program managers";
/// Users per page (servers cap it; the reference server at 1000).
pub const PAGE: u64 = 1000;

/// A connection to one SCIM service.
#[derive(Clone)]
pub struct Scim {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl std::fmt::Debug for Scim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Scim").field("base", &self.base).finish()
    }
}

impl Scim {
    pub fn new(base_url: &str, token: Option<&str>, timeout: Duration) -> Result<Scim, HrError> {
        crate::install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!("mastery/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| HrError::Unreachable(e.to_string()))?;
        Ok(Scim {
            http,
            base: base_url.trim_end_matches('/').to_owned(),
            token: token.filter(|t| !t.is_empty()).map(str::to_owned),
        })
    }

    fn req(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let r = self
            .http
            .request(method, format!("{}{}", self.base, path))
            .header(reqwest::header::ACCEPT, "application/scim+json");
        match &self.token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
    }

    async fn send(
        &self,
        r: reqwest::RequestBuilder,
    ) -> Result<(Option<Value>, Option<String>, u16), HrError> {
        let resp = r
            .send()
            .await
            .map_err(|e| HrError::Unreachable(describe(&e)))?;
        let status = resp.status().as_u16();
        let etag = resp
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = resp
            .bytes()
            .await
            .map_err(|e| HrError::Unreachable(describe(&e)))?;
        let json = if body.is_empty() {
            None
        } else {
            serde_json::from_slice::<Value>(&body).ok()
        };
        if !(200..300).contains(&status) {
            let detail = json
                .as_ref()
                .and_then(|j| j.get("detail"))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| String::from_utf8_lossy(&body).chars().take(300).collect());
            return Err(HrError::Refused { status, detail });
        }
        Ok((json, etag, status))
    }

    async fn get_json(&self, path: &str, query: &[(&str, String)]) -> Result<Value, HrError> {
        let mut url = reqwest::Url::parse(&format!("{}{}", self.base, path))
            .map_err(|e| HrError::Unreachable(format!("{}{path}: {e}", self.base)))?;
        if !query.is_empty() {
            let mut q = url.query_pairs_mut();
            for (k, v) in query {
                q.append_pair(k, v);
            }
        }
        let mut r = self
            .http
            .get(url)
            .header(reqwest::header::ACCEPT, "application/scim+json");
        if let Some(t) = &self.token {
            r = r.bearer_auth(t);
        }
        let (json, _, _) = self.send(r).await?;
        json.ok_or_else(|| HrError::Unreadable(format!("{path}: not JSON")))
    }

    /// Every user, a page at a time; `progress` hears (read, total).
    pub async fn users(&self, progress: &(dyn Fn(u64, u64) + Sync)) -> Result<Vec<Value>, HrError> {
        let mut out: Vec<Value> = Vec::new();
        let mut start = 1u64;
        loop {
            let page = self
                .get_json(
                    "/Users",
                    &[
                        ("startIndex", start.to_string()),
                        ("count", PAGE.to_string()),
                    ],
                )
                .await?;
            let total = page
                .get("totalResults")
                .and_then(Value::as_u64)
                .ok_or_else(|| HrError::Unreadable("a /Users page without totalResults".into()))?;
            let resources = page
                .get("Resources")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let n = resources.len() as u64;
            out.extend(resources);
            progress(out.len() as u64, total);
            if n == 0 || out.len() as u64 >= total {
                return Ok(out);
            }
            start += n;
        }
    }

    /// The ids of the members of the Group named `name`; `None` when the
    /// server has no such group (then the flag is not changed).
    pub async fn group_members(&self, name: &str) -> Result<Option<HashSet<String>>, HrError> {
        let filter = format!("displayName eq \"{}\"", name.replace('"', "\\\""));
        let page = match self.get_json("/Groups", &[("filter", filter)]).await {
            Ok(p) => p,
            // No Groups endpoint at all.
            Err(HrError::Refused { status: 404, .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let Some(group) = page
            .get("Resources")
            .and_then(Value::as_array)
            .and_then(|r| r.first())
        else {
            return Ok(None);
        };
        Ok(Some(
            group
                .get("members")
                .and_then(Value::as_array)
                .map(|m| {
                    m.iter()
                        .filter_map(|x| x.get("value").and_then(Value::as_str))
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
        ))
    }

    /// Does the server declare a schema?
    pub async fn has_schema(&self, urn: &str) -> Result<bool, HrError> {
        let page = self.get_json("/Schemas", &[]).await?;
        let list = page
            .get("Resources")
            .and_then(Value::as_array)
            .cloned()
            .or_else(|| page.as_array().cloned())
            .unwrap_or_default();
        Ok(list
            .iter()
            .any(|s| s.get("id").and_then(Value::as_str) == Some(urn)))
    }

    /// One user and its ETag; `None` if the server has no such user.
    pub async fn user(&self, id: &str) -> Result<Option<(Value, Option<String>)>, HrError> {
        match self
            .send(self.req(reqwest::Method::GET, &format!("/Users/{}", encode(id))))
            .await
        {
            Ok((Some(json), etag, _)) => Ok(Some((json, etag))),
            Ok((None, _, _)) => Err(HrError::Unreadable("an empty user".into())),
            Err(HrError::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The id of the user with this employee number (enterprise
    /// `employeeNumber`, or `userName` when the server has none).
    pub async fn find(&self, employee_number: &str) -> Result<Option<String>, HrError> {
        let quoted = employee_number.replace('\\', "\\\\").replace('"', "\\\"");
        for filter in [
            format!("{ENTERPRISE_SCHEMA}:employeeNumber eq \"{quoted}\""),
            format!("userName eq \"{quoted}\""),
        ] {
            let page = self.get_json("/Users", &[("filter", filter)]).await?;
            if let Some(id) = page
                .get("Resources")
                .and_then(Value::as_array)
                .and_then(|r| r.first())
                .and_then(|u| u.get("id"))
                .and_then(Value::as_str)
            {
                return Ok(Some(id.to_owned()));
            }
        }
        Ok(None)
    }

    /// Writes the training-status extension, only if the user is still at
    /// `etag` (when given): a changed user gives `Refused { status: 412 }`.
    pub async fn patch_training(
        &self,
        id: &str,
        extension: &Value,
        etag: Option<&str>,
    ) -> Result<(), HrError> {
        let body = json!({
            "schemas": [PATCH_OP],
            "Operations": [{ "op": "replace", "path": TRAINING_SCHEMA, "value": extension }],
        });
        let mut r = self
            .req(reqwest::Method::PATCH, &format!("/Users/{}", encode(id)))
            .header(reqwest::header::CONTENT_TYPE, "application/scim+json")
            .body(body.to_string());
        if let Some(etag) = etag {
            r = r.header(reqwest::header::IF_MATCH, etag);
        }
        self.send(r).await.map(|_| ())
    }
}

fn encode(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._~".contains(c) {
                c.to_string()
            } else {
                let mut b = [0u8; 4];
                c.encode_utf8(&mut b)
                    .bytes()
                    .map(|x| format!("%{x:02X}"))
                    .collect()
            }
        })
        .collect()
}

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer in time".into()
    } else if e.is_connect() {
        "connection refused or unreachable".into()
    } else {
        // The error and its causes (the token is in a header, never here).
        let mut s = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(inner) = src {
            s.push_str(": ");
            s.push_str(&inner.to_string());
            src = inner.source();
        }
        s
    }
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut at = v;
    for p in path {
        at = at.get(*p)?;
    }
    at.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// The SCIM id of a user's manager (enterprise `manager.value`).
pub fn manager_of(user: &Value) -> Option<&str> {
    str_at(user, &[ENTERPRISE_SCHEMA, "manager", "value"])
}

/// Roster rows from SCIM users. The employee number is the enterprise
/// `employeeNumber` (or `userName`); the office is the enterprise
/// `department`; the time zone `timezone`; the language
/// `preferredLanguage`; the track `userType` (clients, colleagues,
/// communities, staff); a manager is named by SCIM id and turned into
/// their employee number here.
pub fn roster_rows(
    users: &[Value],
    program_managers: Option<&HashSet<String>>,
) -> (Vec<Row>, Vec<RefusedRow>) {
    let number_of = |u: &Value| -> Option<String> {
        str_at(u, &[ENTERPRISE_SCHEMA, "employeeNumber"])
            .or_else(|| str_at(u, &["userName"]))
            .map(str::to_owned)
    };
    let by_id: HashMap<&str, String> = users
        .iter()
        .filter_map(|u| Some((str_at(u, &["id"])?, number_of(u)?)))
        .collect();
    let mut rows = Vec::with_capacity(users.len());
    let mut refused = Vec::new();
    for u in users {
        let id = str_at(u, &["id"]).unwrap_or_default().to_owned();
        let at = RowRef::Resource(id.clone());
        let number = number_of(u).unwrap_or_default();
        let name = str_at(u, &["displayName"])
            .map(str::to_owned)
            .or_else(|| str_at(u, &["name", "formatted"]).map(str::to_owned))
            .or_else(|| {
                let given = str_at(u, &["name", "givenName"]).unwrap_or_default();
                let family = str_at(u, &["name", "familyName"]).unwrap_or_default();
                let both = format!("{given} {family}");
                let both = both.trim();
                (!both.is_empty()).then(|| both.to_owned())
            })
            .unwrap_or_default();
        let active = match u.get("active") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                refused.push(RefusedRow {
                    at,
                    employee_number: Some(number),
                    reason: RowRefusal::BadFlag {
                        column: "active".into(),
                        value: other.to_string(),
                    },
                });
                continue;
            }
        };
        let manager = manager_of(u).map(|m| by_id.get(m).cloned().unwrap_or_else(|| m.to_owned()));
        rows.push(Row {
            at,
            number,
            name,
            office: str_at(u, &[ENTERPRISE_SCHEMA, "department"]).map(str::to_owned),
            time_zone: str_at(u, &["timezone"]).map(str::to_owned),
            manager,
            active,
            language: str_at(u, &["preferredLanguage"])
                .and_then(crate::csv_roster::language)
                .map(str::to_owned),
            track: str_at(u, &["userType"]).and_then(|t| Track::parse(&t.to_lowercase())),
            program_manager: program_managers.map(|m| m.contains(&id)),
            hr_id: (!id.is_empty()).then_some(id),
        });
    }
    (rows, refused)
}

fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The extension's value for one message.
pub fn training_extension(
    sequence: u64,
    message_id: &str,
    updated_at: DateTime<Utc>,
    certifications: &[HrCertification],
) -> Value {
    json!({
        "sequence": sequence,
        "messageId": message_id,
        "updatedAt": time(updated_at),
        "certifications": certifications.iter().map(|c| json!({
            "track": c.track.as_str(),
            "level": c.level.get(),
            "status": c.status.as_str(),
            "validFrom": time(c.valid_from),
            "validUntil": time(c.valid_until),
            "verificationCode": c.verification_code,
            "credentialId": c.credential_id,
        })).collect::<Vec<_>>(),
    })
}

/// What a user's record holds of the extension, certifications sorted and
/// to the second (as they were written). An entry that cannot be read
/// makes the record differ from anything Mastery wrote.
pub fn training_record(user: &Value) -> HrRecord<Vec<HrCertification>> {
    let ext = user.get(TRAINING_SCHEMA);
    let list = ext
        .and_then(|e| e.get("certifications"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut certifications: Vec<HrCertification> = list.iter().filter_map(certification).collect();
    if certifications.len() != list.len() {
        // Unreadable entries: keep a marker so it never equals ours.
        certifications.push(HrCertification {
            track: Track::Clients,
            level: MasteryLevel::ALL[0],
            status: HrCertStatus::Revoked,
            valid_from: DateTime::<Utc>::MIN_UTC,
            valid_until: DateTime::<Utc>::MIN_UTC,
            verification_code: "unreadable".into(),
            credential_id: "unreadable".into(),
        });
    }
    normalize(&mut certifications);
    HrRecord {
        sequence: ext.and_then(|e| e.get("sequence")).and_then(Value::as_u64),
        message_id: ext
            .and_then(|e| e.get("messageId"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        certifications,
    }
}

fn certification(v: &Value) -> Option<HrCertification> {
    let date = |k: &str| -> Option<DateTime<Utc>> {
        let s = v.get(k)?.as_str()?;
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    };
    let level = v.get("level").and_then(|l| {
        l.as_u64()
            .or_else(|| l.as_str().and_then(|s| s.parse().ok()))
    })?;
    Some(HrCertification {
        track: Track::parse(v.get("track")?.as_str()?)?,
        level: MasteryLevel::new(u8::try_from(level).ok()?)?,
        status: HrCertStatus::parse(v.get("status")?.as_str()?)?,
        valid_from: date("validFrom")?,
        valid_until: date("validUntil")?,
        verification_code: v.get("verificationCode")?.as_str()?.to_owned(),
        credential_id: v.get("credentialId")?.as_str()?.to_owned(),
    })
}

/// Sorted by track and level, times to the second: the form in which two
/// statuses compare.
pub fn normalize(c: &mut [HrCertification]) {
    use chrono::SubsecRound;
    for x in c.iter_mut() {
        x.valid_from = x.valid_from.trunc_subsecs(0);
        x.valid_until = x.valid_until.trunc_subsecs(0);
    }
    c.sort_by_key(|a| (a.track, a.level));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_extension_reads_back_as_written() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 7, 18, 0, 0)
            .single()
            .expect("time");
        let mut certs = vec![
            HrCertification {
                track: Track::Staff,
                level: MasteryLevel::ALL[1],
                status: HrCertStatus::Revoked,
                valid_from: at,
                valid_until: at + chrono::Duration::days(1095),
                verification_code: "MST-AAAA-BBBB-CCCC".into(),
                credential_id: "urn:uuid:1".into(),
            },
            HrCertification {
                track: Track::Clients,
                level: MasteryLevel::ALL[0],
                status: HrCertStatus::Certified,
                valid_from: at + chrono::Duration::milliseconds(1500),
                valid_until: at + chrono::Duration::days(1095),
                verification_code: "MST-DDDD-EEEE-FFFF".into(),
                credential_id: "urn:uuid:2".into(),
            },
        ];
        let ext = training_extension(4, "m4", at, &certs);
        let user = json!({ "id": "u1", TRAINING_SCHEMA: ext });
        let rec = training_record(&user);
        normalize(&mut certs);
        assert_eq!(rec.sequence, Some(4));
        assert_eq!(rec.message_id.as_deref(), Some("m4"));
        assert_eq!(rec.certifications, certs);
        // An entry HR garbled never equals what Mastery wrote.
        let mut garbled = user.clone();
        garbled[TRAINING_SCHEMA]["certifications"][0]["status"] = json!("bogus");
        assert_ne!(training_record(&garbled).certifications, certs);
    }

    #[test]
    fn users_become_roster_rows_with_managers_by_number() {
        let users = vec![
            json!({"id": "a", "userName": "boss", "displayName": "Bo Boss", "active": true,
                   "preferredLanguage": "fr-CA", "timezone": "America/Toronto", "userType": "Staff",
                   ENTERPRISE_SCHEMA: {"employeeNumber": "E1", "department": "Riverside"}}),
            json!({"id": "b", "userName": "cy", "name": {"givenName": "Cy", "familyName": "Young"},
                   ENTERPRISE_SCHEMA: {"employeeNumber": "E2", "manager": {"value": "a"}}}),
            json!({"id": "c", "userName": "E3", "displayName": "Di", "active": false,
                   ENTERPRISE_SCHEMA: {"manager": {"value": "zz"}}}),
            json!({"id": "d", "userName": "E4", "displayName": "Ed", "active": "perhaps"}),
        ];
        let pms: HashSet<String> = ["a".to_owned()].into_iter().collect();
        let (rows, refused) = roster_rows(&users, Some(&pms));
        assert_eq!(rows.len(), 3);
        assert_eq!(refused.len(), 1);
        assert_eq!(rows[0].number, "E1");
        assert_eq!(rows[0].language.as_deref(), Some("fr"));
        assert_eq!(rows[0].track, Some(Track::Staff));
        assert_eq!(rows[0].program_manager, Some(true));
        assert_eq!(rows[0].office.as_deref(), Some("Riverside"));
        assert_eq!(rows[1].name, "Cy Young");
        assert_eq!(rows[1].manager.as_deref(), Some("E1"));
        assert_eq!(rows[1].program_manager, Some(false));
        assert_eq!(rows[2].number, "E3");
        assert!(!rows[2].active);
        assert_eq!(
            rows[2].manager.as_deref(),
            Some("zz"),
            "unknown manager id kept, unresolved"
        );
        assert_eq!(rows[2].hr_id.as_deref(), Some("c"));
    }
}
