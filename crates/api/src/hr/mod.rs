//! The link with HR: the connection (administrators only; the token is
//! write-only), roster imports with a preview, activation codes for new
//! people, and certification status sent to HR through an outbox.
//!
//! Rules live in `mastery_domain::{roster, hr}`; HTTP and CSV in
//! `mastery-hr`. Here: role checks, reading facts, asking the rules,
//! writing facts and audit in one transaction.

mod delivery;
mod outbox;
mod roster;

pub use delivery::DeliveryOptions;
pub(crate) use outbox::enqueue_status;
pub(crate) use roster::PendingRoster;

use crate::errors::invalid;
use crate::{Api, Caller, Result};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_store::{hr as store, settings};
use mastery_types::{
    ActivateRequest, ActivationCode, ApiError, ConnectionTest, FailingDelivery, Field, HrMode,
    HrSettings, HrSettingsRequest, HrStatus, Problem, Role,
};
use sha2::{Digest, Sha256};

/// How long an activation code works.
pub const CODE_DAYS: i64 = 14;
/// The HR server's answer must come within this.
pub const HTTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl Api {
    /// The connection, without its token.
    pub fn hr_settings(&self, caller: &Caller) -> Result<HrSettings> {
        caller.require(Permission::ManageHr)?;
        Ok(self.store.read(read_settings)?)
    }

    /// Changes the connection (audited; the token never is).
    pub fn set_hr_settings(
        &self,
        caller: &Caller,
        req: &HrSettingsRequest,
        now: DateTime<Utc>,
    ) -> Result<HrSettings> {
        let actor = caller.require(Permission::ManageHr)?;
        let base_url = req.base_url.trim().trim_end_matches('/').to_owned();
        if req.mode == HrMode::Scim
            && !(base_url.starts_with("https://") || base_url.starts_with("http://"))
        {
            return Err(invalid(Problem::BadUrl { given: base_url }));
        }
        if req.interval_minutes > 24 * 60 {
            return Err(invalid(Problem::OutOfRange {
                field: Field::Setting,
                min: 0,
                max: 24 * 60,
                given: i64::from(req.interval_minutes),
            }));
        }
        let token_changed = req.token.is_some();
        self.store.write(|tx| {
            settings::set(tx, store::MODE, req.mode.as_str())?;
            settings::set(tx, store::BASE_URL, &base_url)?;
            settings::set(tx, store::INTERVAL, &req.interval_minutes.to_string())?;
            if let Some(token) = &req.token {
                settings::set(tx, store::TOKEN, token.trim())?;
            }
            crate::audit::record(
                tx,
                now,
                actor,
                "hr.connection_changed",
                "hr",
                serde_json::json!({
                    "mode": req.mode.as_str(), "base_url": base_url,
                    "interval_minutes": req.interval_minutes, "token_changed": token_changed,
                }),
            )
        })?;
        Ok(self.store.read(read_settings)?)
    }

    /// Asks the SCIM server what it holds.
    pub async fn test_hr_connection(&self, caller: &Caller) -> Result<ConnectionTest> {
        caller.require(Permission::ManageHr)?;
        let scim = self.scim()?;
        let users = scim.users(&|_, _| {}).await.map_err(hr_error)?;
        let with_manager = users
            .iter()
            .filter(|u| mastery_hr::scim::manager_of(u).is_some())
            .count() as u64;
        let training_extension = scim
            .has_schema(mastery_hr::scim::TRAINING_SCHEMA)
            .await
            .map_err(hr_error)?;
        Ok(ConnectionTest {
            people: users.len() as u64,
            with_manager,
            training_extension,
        })
    }

    /// The state of the link: last import, messages waiting, delivered,
    /// failing.
    pub fn hr_status(&self, caller: &Caller, now: DateTime<Utc>) -> Result<HrStatus> {
        caller.require(Permission::ManageHr)?;
        Ok(self.store.read(|c| {
            let counts = store::counts(c)?;
            Ok(HrStatus {
                settings: read_settings(c)?,
                last_import: store::last_import(c)?,
                waiting: counts.pending,
                delivered: counts.delivered,
                last_delivered_at: counts.last_delivered_at,
                failing: store::failing(c, 200)?
                    .into_iter()
                    .map(|f| {
                        let problem: Option<Problem> = serde_json::from_str(&f.error).ok();
                        FailingDelivery {
                            message_id: f.id,
                            person_id: f.person_id,
                            employee_number: f.employee_number,
                            name: f.name,
                            sequence: f.sequence,
                            attempts: f.attempts,
                            error: problem.as_ref().map_or(f.error, |p| p.to_string()),
                            problem,
                            parked: f.parked,
                            conflict: f.conflict,
                            next_attempt_at: f.next_attempt_at,
                        }
                    })
                    .collect(),
                without_code: store::count_newcomers(c, now)?,
            })
        })?)
    }

    /// Puts parked messages back in line and makes every waiting message
    /// due now (the "retry" and "send now" buttons).
    pub fn retry_hr_deliveries(&self, caller: &Caller, now: DateTime<Utc>) -> Result<u64> {
        let actor = caller.require(Permission::ManageHr)?;
        Ok(self.store.write(|tx| {
            let parked = store::retry_parked(tx, now)?;
            store::due_now(tx, now)?;
            if parked > 0 {
                crate::audit::record(
                    tx,
                    now,
                    actor,
                    "hr.deliveries_retried",
                    "hr",
                    serde_json::json!({ "parked": parked }),
                )?;
            }
            Ok(parked)
        })?)
    }

    /// New one-time codes for every active person without an account or a
    /// valid code: shown once, stored hashed, valid for [`CODE_DAYS`].
    pub fn new_activation_codes(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Vec<ActivationCode>> {
        let actor = caller.require(Permission::ManageHr)?;
        let expires_at = now + Duration::days(CODE_DAYS);
        Ok(self.store.write(|tx| {
            let people = store::newcomers(tx, now)?;
            let mut out = Vec::with_capacity(people.len());
            for p in people {
                let code = new_code().map_err(|e| mastery_store::StoreError::Corrupt(e.message))?;
                store::set_code(tx, p.id, &code_hash(&code), now, expires_at)?;
                out.push(ActivationCode {
                    employee_number: p.number,
                    name: p.name,
                    office: p.office,
                    code,
                    expires_at,
                });
            }
            if !out.is_empty() {
                crate::audit::record(
                    tx,
                    now,
                    actor,
                    "hr.codes_issued",
                    "hr",
                    serde_json::json!({ "people": out.len(), "expires_at": expires_at }),
                )?;
            }
            Ok(out)
        })?)
    }

    /// A new person's first sign-in: the code is checked (and used up),
    /// the account made with the employee number as its username and the
    /// password they chose, with the learner role (and the manager role if
    /// anyone reports to them). Wrong codes count as failed sign-ins.
    pub fn activate_account(
        &self,
        req: &ActivateRequest,
        now: DateTime<Utc>,
    ) -> Result<(crate::SessionToken, mastery_types::SessionInfo)> {
        let number = req.employee_number.trim();
        let username = mastery_domain::accounts::normalize_username(number);
        let key = crate::auth::failure_key(&format!("activation:{username}"));
        let locked = self.store.write(|tx| {
            let failures = mastery_store::people::sign_in_failures(tx, &key)?;
            if mastery_domain::accounts::is_locked(failures.count, failures.last, now) {
                let until = failures
                    .last
                    .and_then(|l| mastery_domain::accounts::locked_until(failures.count, l))
                    .unwrap_or(now);
                return Ok(Some(((until - now).num_seconds() + 59) / 60));
            }
            mastery_store::people::record_failed_sign_in(tx, &key, now)?;
            Ok(None)
        })?;
        if let Some(minutes) = locked {
            return Err(ApiError::problem(Problem::LockedFor { minutes }));
        }
        let hash = code_hash(&normalize_code(&req.code));
        let holder = self
            .store
            .read(|c| store::code_holder(c, number, &hash, now))?
            .ok_or_else(|| ApiError::problem(Problem::ActivationRefused))?;
        let username = crate::auth::check_new_credentials(number, &req.password)?;
        let password_hash = crate::password::hash(&req.password)?;
        self.store.write(|tx| {
            // Checked again under the write lock: a code works once.
            if store::code_holder(tx, number, &hash, now)? != Some(holder) {
                return Err(mastery_store::StoreError::Problem(
                    Problem::ActivationRefused,
                ));
            }
            store::use_code(tx, holder, now)?;
            mastery_store::people::insert_account(tx, holder, &username, &password_hash, now)?;
            let manages: bool = mastery_store::hr::manages_anyone(tx, holder)?;
            let mut roles = vec![Role::Learner];
            if manages {
                roles.push(Role::Manager);
            }
            mastery_store::people::set_roles(tx, holder, &roles, Some(holder), now)?;
            mastery_store::people::clear_failed_sign_ins(tx, &key)?;
            let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            crate::audit::record(
                tx,
                now,
                Some(holder),
                "account.activated",
                username.as_str(),
                serde_json::json!({ "person": holder.0.to_string(), "roles": names }),
            )?;
            crate::audit::record(
                tx,
                now,
                Some(holder),
                "roles.granted",
                username.as_str(),
                serde_json::json!({ "person": holder.0.to_string(), "roles": names }),
            )
        })?;
        self.sign_in(
            &mastery_types::SignInRequest {
                username: username.to_string(),
                password: req.password.clone(),
            },
            now,
        )
    }

    fn scim(&self) -> Result<mastery_hr::scim::Scim> {
        self.scim_with(HTTP_TIMEOUT)
    }

    fn scim_with(&self, timeout: std::time::Duration) -> Result<mastery_hr::scim::Scim> {
        let (s, token) = self
            .store
            .read(|c| Ok((read_settings(c)?, settings::get(c, store::TOKEN)?)))?;
        if s.mode != HrMode::Scim || s.base_url.is_empty() {
            return Err(invalid(Problem::HrNotConfigured));
        }
        mastery_hr::scim::Scim::new(&s.base_url, token.as_deref(), timeout).map_err(hr_error)
    }
}

fn read_settings(c: &mastery_store::Connection) -> mastery_store::Result<HrSettings> {
    Ok(HrSettings {
        mode: settings::get(c, store::MODE)?
            .as_deref()
            .and_then(HrMode::parse)
            .unwrap_or(HrMode::File),
        base_url: settings::get(c, store::BASE_URL)?.unwrap_or_default(),
        token_set: settings::get(c, store::TOKEN)?.is_some_and(|t| !t.is_empty()),
        interval_minutes: settings::get(c, store::INTERVAL)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(15),
    })
}

pub(crate) fn hr_error(e: mastery_hr::HrError) -> ApiError {
    ApiError::problem(e.into_problem())
}

/// Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// shown as XXXXX-XXXXX: 50 random bits.
fn new_code() -> Result<String> {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes)
        .map_err(|e| crate::errors::storage(format!("no randomness: {e}")))?;
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    Ok(format!("{}-{}", &chars[..5], &chars[5..]))
}

fn normalize_code(code: &str) -> String {
    let c: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if c.len() == 10 {
        format!("{}-{}", &c[..5], &c[5..])
    } else {
        c
    }
}

fn code_hash(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}
