//! Certification: eligibility, requests with their evidence, managers'
//! decisions, periods of validity, revocation, delegation, the mandatory
//! levels report and the audit chain.

use crate::{CourseId, Driver, LocalizedText, MasteryLevel, PersonId, Requirement, Track};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One certification: a Mastery Level of a track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CertificationKey {
    pub track: Track,
    pub level: MasteryLevel,
}

/// Something that stands between a person and a certification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Missing {
    /// A requirement of the level's course is not met (`key` as in
    /// [`Requirement`]).
    Requirement {
        course: CourseId,
        key: crate::RequirementKind,
    },
    /// The level below in the same track is not currently certified.
    PriorLevel { level: MasteryLevel },
    /// The level's course is still locked behind its prerequisites.
    CourseLocked { course: CourseId },
    /// The course is not complete, though no requirement of its rule is
    /// named (a course whose rule asks nothing).
    CourseIncomplete { course: CourseId },
}

/// Where a person stands on one certification, derived from the facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertStatus {
    NotStarted,
    InProgress,
    Eligible,
    Requested,
    /// The last request was returned with a reason.
    Returned,
    Certified,
    /// Certified, and the expiry is less than 90 days away.
    Expiring,
    Expired,
    Revoked,
}

impl CertStatus {
    pub const ALL: [CertStatus; 9] = [
        CertStatus::NotStarted,
        CertStatus::InProgress,
        CertStatus::Eligible,
        CertStatus::Requested,
        CertStatus::Returned,
        CertStatus::Certified,
        CertStatus::Expiring,
        CertStatus::Expired,
        CertStatus::Revoked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CertStatus::NotStarted => "not_started",
            CertStatus::InProgress => "in_progress",
            CertStatus::Eligible => "eligible",
            CertStatus::Requested => "requested",
            CertStatus::Returned => "returned",
            CertStatus::Certified => "certified",
            CertStatus::Expiring => "expiring",
            CertStatus::Expired => "expired",
            CertStatus::Revoked => "revoked",
        }
    }
}

/// A revocation: who, why, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevocationInfo {
    pub by: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// One period of certification: an approved request. Never overwritten;
/// recertification adds a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertPeriod {
    pub request_id: String,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    pub approved_by: String,
    pub pack_version: String,
    /// Short code printed on the certificate, to look the period up.
    pub verification_code: String,
    pub revoked: Option<RevocationInfo>,
}

/// A request that was returned: who, why, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnInfo {
    pub request_id: String,
    pub by: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// One certification as its holder sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationView {
    pub key: CertificationKey,
    pub course: CourseId,
    pub title: LocalizedText,
    pub status: CertStatus,
    /// Empty when eligible.
    pub missing: Vec<Missing>,
    pub can_request: bool,
    /// A request waiting for a decision: its id and when it was made.
    pub pending: Option<(String, DateTime<Utc>)>,
    pub last_return: Option<ReturnInfo>,
    /// The period in force (certified or expiring).
    pub current: Option<CertPeriod>,
    /// Every period, oldest first.
    pub history: Vec<CertPeriod>,
}

/// The learner's certifications: their own track first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertifications {
    pub home_track: Option<Track>,
    pub certifications: Vec<CertificationView>,
}

/// A coaching session as evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingEvidence {
    pub held_on: chrono::NaiveDate,
    pub coach: String,
    pub ratings: Vec<(Driver, u8)>,
    pub acknowledged: bool,
}

/// An assignment (or team synthesis) review as evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEvidence {
    pub assignment: String,
    pub status: crate::AssignmentStatus,
    pub reviewer: Option<String>,
    pub scores: Vec<(String, u8)>,
}

/// An observed or secret-shopper assessment as evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationEvidence {
    pub observed_on: chrono::NaiveDate,
    pub kind: crate::AssessmentKind,
    pub assessor: String,
    pub passed: bool,
}

/// What a request was decided on: a snapshot taken when it was made, so
/// the decision can be understood later even if the facts move on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub pack_version: String,
    pub course: CourseId,
    pub requirements: Vec<Requirement>,
    /// Recorded as completed outside the app (prior learning records).
    pub recorded_completion: bool,
    pub quiz_best_percent: Option<u8>,
    pub quiz_pass_mark: Option<u8>,
    pub quiz_attempts: u8,
    pub coaching: Vec<CoachingEvidence>,
    pub reviews: Vec<ReviewEvidence>,
    pub observations: Vec<ObservationEvidence>,
    /// Lower levels of the track in force, with their expiry.
    pub prior_levels: Vec<(MasteryLevel, DateTime<Utc>)>,
}

/// A request waiting for the caller's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRequest {
    pub request_id: String,
    pub person_id: PersonId,
    pub name: String,
    pub employee_number: String,
    pub key: CertificationKey,
    pub title: LocalizedText,
    pub requested_at: DateTime<Utc>,
    pub evidence: Evidence,
    /// Empty when the caller is the person's manager; otherwise the
    /// manager whose delegate the caller is.
    pub delegated_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecideRequest {
    pub request_id: String,
    pub approve: bool,
    /// Required to return; optional note when approving.
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeRequest {
    pub request_id: String,
    pub reason: String,
}

/// A manager names someone to decide on their staff's requests for a
/// period (dates inclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationRequest {
    pub delegate: PersonId,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationView {
    pub id: String,
    pub manager: String,
    pub delegate: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Someone who may be named a delegate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegateCandidate {
    pub person_id: PersonId,
    pub name: String,
}

/// A manager's approvals screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalHome {
    pub pending: Vec<PendingRequest>,
    /// Delegations given by the caller and to the caller.
    pub delegations: Vec<DelegationView>,
    pub candidates: Vec<DelegateCandidate>,
    /// In scope: certifications of the caller's staff that expire within
    /// 90 days or have expired.
    pub expiring: Vec<ExpiringCertification>,
    /// In scope: entry-level program managers missing Level 1 or 2.
    pub mandatory_gaps: Vec<MandatoryGap>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiringCertification {
    pub name: String,
    pub key: CertificationKey,
    pub title: LocalizedText,
    pub valid_until: DateTime<Utc>,
    pub expired: bool,
}

/// An entry-level program manager without a certification the program
/// makes mandatory for them (Levels 1 and 2 of their track).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MandatoryGap {
    pub person_id: PersonId,
    pub name: String,
    pub employee_number: String,
    pub track: Track,
    pub missing_levels: Vec<MasteryLevel>,
}

/// A certification as an administrator sees it (to revoke).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifiedPerson {
    pub name: String,
    pub employee_number: String,
    pub key: CertificationKey,
    pub title: LocalizedText,
    pub period: CertPeriod,
    pub status: CertStatus,
}

/// The result of checking the audit chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditReport {
    pub rows: u64,
    /// The first row whose link is broken: its position and what is wrong.
    pub first_broken: Option<BrokenLink>,
    /// The hash of the last row: note it elsewhere to detect a removed tail.
    pub head: Option<String>,
    /// Rows in the database the chain does not vouch for (written behind
    /// the app's back): ignored by every rule, listed here.
    #[serde(default)]
    pub unbacked: Vec<UnbackedFact>,
}

/// A row the audit chain does not record, found by the audit check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnbackedFact {
    /// A role row without its grant in the chain: the role is not held.
    RoleGrant { person: String, role: crate::Role },
    /// A certification decision without its audit row: it does not count.
    Decision {
        person: String,
        request_id: String,
        approved: bool,
    },
    /// The chain records a revocation whose row is missing.
    MissingRevocation { person: String, request_id: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokenLink {
    pub seq: i64,
    pub id: String,
    pub problem: String,
}

/// One audit row, for the administrator's viewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// Who acted; empty for the local operator (command line, first run).
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub details: String,
}

/// The administrator's certification screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationAdmin {
    pub certified: Vec<CertifiedPerson>,
    pub mandatory_gaps: Vec<MandatoryGap>,
    pub recent_audit: Vec<AuditEntry>,
    pub validity_months: u32,
}

/// A period of certification to print or export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRequest {
    pub request_id: String,
}

/// A certificate file written for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFile {
    pub path: String,
    pub bytes: u64,
}

/// A credential to check, as pasted or read from a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyCredentialRequest {
    pub text: String,
}

/// What checking a credential found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialVerdict {
    /// Signed by its issuer, unchanged, within its dates, not revoked.
    Valid,
    /// The signature does not match: changed after signing, or forged.
    Tampered,
    Expired,
    NotYetValid,
    /// Issued by this organization for a certification since revoked.
    Revoked,
    /// Not a credential this app can read (not JSON, not an Open Badge…).
    Unreadable,
}

impl CredentialVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialVerdict::Valid => "valid",
            CredentialVerdict::Tampered => "tampered",
            CredentialVerdict::Expired => "expired",
            CredentialVerdict::NotYetValid => "not_yet_valid",
            CredentialVerdict::Revoked => "revoked",
            CredentialVerdict::Unreadable => "unreadable",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialCheck {
    pub verdict: CredentialVerdict,
    /// The issuer's DID, when the proof names one.
    pub issuer: Option<String>,
    pub issuer_name: Option<String>,
    /// Signed with this organization's key.
    pub issued_here: bool,
    pub holder: Option<String>,
    pub achievement: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    /// What was found, in English, for logs and the command line (the window
    /// shows the verdict, translated).
    pub detail: String,
}

/// How many certifications across the organization stand in each status
/// (every person × every track and level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationEligibility {
    pub people: u64,
    pub by_status: Vec<(CertStatus, u64)>,
}
