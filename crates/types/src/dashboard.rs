//! The organization's figures for managers (their staff) and
//! administrators (everyone): completions per course over the last months,
//! coaching per driver, certifications per office. No survey data: the
//! survey results page shows it, under its threshold of five.

use crate::{CourseId, Driver, LocalizedText, Track};
use serde::{Deserialize, Serialize};

/// Whose figures these are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DashboardScope {
    /// Everyone in the organization (administrators).
    Organization,
    /// The people the caller manages, directly or through their managers.
    Staff,
}

/// Completions of one course, month by month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseCompletions {
    pub course: CourseId,
    pub title: LocalizedText,
    pub track: Track,
    pub level: u8,
    /// One count per month of [`OrgDashboard::months`], in order.
    pub per_month: Vec<u32>,
    /// Completed at any time (in the months shown or before), by the people
    /// in scope; records of prior learning included.
    pub total: u32,
}

/// Coaching sessions that observed one driver, in the months shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriverCoaching {
    pub driver: Driver,
    pub sessions: u32,
    /// Of those, acknowledged by the learner.
    pub acknowledged: u32,
    /// The mean rating given for the driver (1–4, the coaching scale).
    pub mean_rating: Option<f64>,
}

/// People of one office holding a certification in force today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeCertifications {
    /// The office's name; `None` for people without one.
    pub office: Option<String>,
    pub people: u32,
    /// Certifications in force, by level (index 0 = Level 1).
    pub certified: [u32; 3],
    /// People holding at least one certification in force.
    pub certified_people: u32,
    /// Of those, expiring within 90 days.
    pub expiring: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgDashboard {
    pub scope: DashboardScope,
    /// People in scope (active).
    pub people: u32,
    /// The months shown, oldest first, as `YYYY-MM` in the caller's office
    /// time zone (the last is the current month).
    pub months: Vec<String>,
    /// Every course of the program, in pack order.
    pub completions: Vec<CourseCompletions>,
    /// Every driver, in the program's order.
    pub coaching: Vec<DriverCoaching>,
    /// By office name.
    pub certifications: Vec<OfficeCertifications>,
}
