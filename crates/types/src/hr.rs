//! The link with HR, as it crosses IPC: the connection, roster previews and
//! imports, the status messages sent to HR, activation codes.

use crate::{MasteryLevel, PersonId, Track};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How Mastery talks to HR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HrMode {
    /// No SCIM server: the roster comes as CSV files, status goes out as a
    /// CSV export.
    File,
    /// A SCIM 2.0 service: roster pulled from `/Users`, status sent by PATCH.
    Scim,
}

impl HrMode {
    pub fn as_str(self) -> &'static str {
        match self {
            HrMode::File => "file",
            HrMode::Scim => "scim",
        }
    }
    pub fn parse(s: &str) -> Option<HrMode> {
        match s {
            "file" => Some(HrMode::File),
            "scim" => Some(HrMode::Scim),
            _ => None,
        }
    }
}

/// The connection as an administrator sees it. The token is never shown
/// back: only whether one is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrSettings {
    pub mode: HrMode,
    pub base_url: String,
    pub token_set: bool,
    /// Minutes between automatic roster pulls and deliveries (0: by hand).
    pub interval_minutes: u32,
}

/// A change to the connection. `token: None` keeps the stored token;
/// `Some("")` removes it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrSettingsRequest {
    pub mode: HrMode,
    pub base_url: String,
    pub token: Option<String>,
    pub interval_minutes: u32,
}

impl std::fmt::Debug for HrSettingsRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HrSettingsRequest")
            .field("mode", &self.mode)
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "…"))
            .field("interval_minutes", &self.interval_minutes)
            .finish()
    }
}

/// What "test connection" found at the SCIM server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionTest {
    pub people: u64,
    pub with_manager: u64,
    /// The server declares the training-status extension schema.
    pub training_extension: bool,
}

/// Where a roster row came from: a CSV line, or a SCIM resource id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "at", rename_all = "snake_case")]
pub enum RowRef {
    Line(u32),
    Resource(String),
}

impl std::fmt::Display for RowRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowRef::Line(n) => write!(f, "line {n}"),
            RowRef::Resource(id) => write!(f, "resource {id}"),
        }
    }
}

/// Why a roster row is not imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowRefusal {
    MissingEmployeeNumber,
    MissingName,
    /// The same employee number appears earlier in the roster.
    DuplicateEmployeeNumber {
        first: RowRef,
    },
    /// Following managers from this person comes back to them.
    ManagerLoop {
        chain: Vec<String>,
    },
    /// An office Mastery does not know, without a time zone to create it.
    UnknownOffice {
        office: String,
    },
    UnknownTimeZone {
        time_zone: String,
    },
    BadLanguage {
        value: String,
    },
    BadTrack {
        value: String,
    },
    /// A yes/no column holding something else.
    BadFlag {
        column: String,
        value: String,
    },
    /// A CSV line with more or fewer fields than the header.
    FieldCount {
        expected: u32,
        found: u32,
    },
    /// A CSV line that is not valid text (e.g. an unclosed quote).
    Unreadable {
        detail: String,
    },
    /// The administrator importing cannot deactivate themself.
    NotYourself,
}

impl std::fmt::Display for RowRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowRefusal::MissingEmployeeNumber => write!(f, "no employee number"),
            RowRefusal::MissingName => write!(f, "no name"),
            RowRefusal::DuplicateEmployeeNumber { first } => {
                write!(f, "employee number already used at {first}")
            }
            RowRefusal::ManagerLoop { chain } => write!(f, "manager loop {}", chain.join(" → ")),
            RowRefusal::UnknownOffice { office } => write!(f, "unknown office \"{office}\""),
            RowRefusal::UnknownTimeZone { time_zone } => {
                write!(f, "unknown time zone \"{time_zone}\"")
            }
            RowRefusal::BadLanguage { value } => write!(f, "unknown language \"{value}\""),
            RowRefusal::BadTrack { value } => write!(f, "unknown track \"{value}\""),
            RowRefusal::BadFlag { column, value } => {
                write!(f, "{column}: \"{value}\" is not yes or no")
            }
            RowRefusal::FieldCount { expected, found } => {
                write!(f, "{found} fields where the header has {expected}")
            }
            RowRefusal::Unreadable { detail } => write!(f, "unreadable: {detail}"),
            RowRefusal::NotYourself => write!(f, "you cannot deactivate yourself"),
        }
    }
}

/// A person as a roster gives them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPerson {
    pub employee_number: String,
    pub name: String,
    /// The office's name.
    pub office: Option<String>,
    pub manager: Option<String>,
}

/// A field a roster import changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RosterField {
    Name,
    Office,
    Manager,
    Track,
    ProgramManager,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: RosterField,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedPerson {
    pub employee_number: String,
    pub name: String,
    pub changes: Vec<FieldChange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedRow {
    pub at: RowRef,
    pub employee_number: Option<String>,
    pub reason: RowRefusal,
}

/// Someone imported without their manager, who is not (yet) known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnresolvedManager {
    pub employee_number: String,
    pub name: String,
    pub manager: String,
}

/// What applying a roster would do. `digest` names this exact preview:
/// applying it is refused if the roster or the people changed since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPreview {
    pub digest: String,
    pub source: RosterSource,
    pub rows: u32,
    pub added: Vec<RosterPerson>,
    pub changed: Vec<ChangedPerson>,
    pub deactivated: Vec<RosterPerson>,
    pub reactivated: Vec<RosterPerson>,
    pub refused: Vec<RefusedRow>,
    pub unresolved: Vec<UnresolvedManager>,
    /// Offices the roster names with a time zone, created on apply.
    pub new_offices: Vec<String>,
    pub unchanged: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RosterSource {
    Csv,
    Scim,
}

impl RosterSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RosterSource::Csv => "csv",
            RosterSource::Scim => "scim",
        }
    }
}

/// An applied import's counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub source: RosterSource,
    pub at: DateTime<Utc>,
    pub added: u32,
    pub changed: u32,
    pub deactivated: u32,
    pub reactivated: u32,
    pub refused: u32,
    pub unresolved: u32,
}

/// One certification as HR receives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrCertification {
    pub track: Track,
    pub level: MasteryLevel,
    pub status: HrCertStatus,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    pub verification_code: String,
    pub credential_id: String,
}

/// The standings HR is told about (a person never certified at a level
/// has no entry for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HrCertStatus {
    Certified,
    Expired,
    Revoked,
}

impl HrCertStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HrCertStatus::Certified => "certified",
            HrCertStatus::Expired => "expired",
            HrCertStatus::Revoked => "revoked",
        }
    }
    pub fn parse(s: &str) -> Option<HrCertStatus> {
        match s {
            "certified" => Some(HrCertStatus::Certified),
            "expired" => Some(HrCertStatus::Expired),
            "revoked" => Some(HrCertStatus::Revoked),
            _ => None,
        }
    }
}

/// A message that did not reach HR (yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailingDelivery {
    pub message_id: String,
    pub person_id: PersonId,
    pub employee_number: String,
    pub name: String,
    pub sequence: u64,
    pub attempts: u32,
    /// What went wrong, typed (the HR server's own reason is the
    /// `detail` of `HrRefused`); `None` for rows written before.
    pub problem: Option<crate::Problem>,
    /// The same in English, for logs and the command line.
    pub error: String,
    /// Given up on until an administrator retries.
    pub parked: bool,
    /// HR's record was edited on the HR side since Mastery last wrote it.
    pub conflict: bool,
    pub next_attempt_at: DateTime<Utc>,
}

/// The state of the link with HR.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrStatus {
    pub settings: HrSettings,
    pub last_import: Option<ImportSummary>,
    pub waiting: u64,
    pub delivered: u64,
    pub last_delivered_at: Option<DateTime<Utc>>,
    pub failing: Vec<FailingDelivery>,
    /// New people with neither an account nor a valid activation code.
    pub without_code: u64,
}

/// What one round of delivery did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncReport {
    /// Status changes found (expiry) and queued in this round.
    pub queued: u32,
    pub attempted: u32,
    pub delivered: u32,
    /// Already applied at HR (a retry after a lost answer): not sent again.
    pub already_applied: u32,
    pub failed: u32,
    pub parked: u32,
    pub conflicts: u32,
}

/// A fresh activation code, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationCode {
    pub employee_number: String,
    pub name: String,
    pub office: Option<String>,
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

/// A new person's first sign-in: employee number, code, chosen password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivateRequest {
    pub employee_number: String,
    pub code: String,
    pub password: String,
}

/// One person whose training status differs between HR and Mastery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusDifference {
    pub employee_number: String,
    pub name: String,
    pub mastery: Vec<HrCertification>,
    /// `None`: HR has no record of this person.
    pub hr: Option<Vec<HrCertification>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileReport {
    pub compared: u64,
    pub differences: Vec<StatusDifference>,
}

/// A roster file from the window, base64-encoded.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterUploadRequest {
    pub csv_base64: String,
}

/// Applies the roster previewed under this digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyRosterRequest {
    pub digest: String,
}
