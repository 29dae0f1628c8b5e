//! First-run setup, sign-in, sessions and sign-out.

use crate::errors::invalid;
use crate::{password, Api, Caller, Result};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::accounts::{self, PasswordProblem, UsernameProblem};
use mastery_store::{people, sessions, settings};
use mastery_types::{
    ApiError, EmployeeNumber, ErrorCode, FirstAdminRequest, PersonId, Role, SessionInfo,
    SetLanguageRequest, SetupStatus, SignInRequest, Username,
};
use sha2::{Digest, Sha256};
use std::fmt;
use uuid::Uuid;

/// How long a session lasts without signing in again.
pub const SESSION_LENGTH: Duration = Duration::hours(12);

/// The secret that proves a sign-in. Held by the desktop shell (never sent to
/// the UI); only its SHA-256 is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    fn generate() -> Result<SessionToken> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("no randomness for a session token: {e}"),
            )
        })?;
        Ok(SessionToken(hex::encode(bytes)))
    }

    fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }

    pub fn from_secret(secret: String) -> SessionToken {
        SessionToken(secret)
    }

    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

const BAD_CREDENTIALS: &str = "the username or password is incorrect";

pub(crate) fn check_new_credentials(username: &str, password: &str) -> Result<Username> {
    let username = accounts::normalize_username(username);
    accounts::check_username(&username).map_err(|p| match p {
        UsernameProblem::Empty => invalid("the username is empty"),
        UsernameProblem::TooLong => invalid("the username is longer than 64 characters"),
        UsernameProblem::BadCharacter(c) => invalid(format!(
            "the username may hold letters, digits, '.', '-' and '_', not {c:?}"
        )),
    })?;
    accounts::check_password(password, &username).map_err(|p| match p {
        PasswordProblem::TooShort { min } => {
            invalid(format!("the password must have at least {min} characters"))
        }
        PasswordProblem::TooLong { max } => {
            invalid(format!("the password must have at most {max} characters"))
        }
        PasswordProblem::SameAsUsername => invalid("the password must not be the username"),
    })?;
    Ok(Username(username))
}

pub(crate) fn check_language(lang: &str) -> Result<()> {
    let ok = (2..=8).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(invalid(format!(
            "{lang:?} is not a language tag like en or fr"
        )))
    }
}

impl Api {
    /// What the first screen needs: is this a brand-new database?
    pub fn setup_status(&self) -> Result<SetupStatus> {
        Ok(self.store.read(|c| {
            Ok(SetupStatus {
                needs_first_admin: people::count_accounts(c)? == 0,
                organization: settings::get(c, settings::ORGANIZATION_NAME)?,
            })
        })?)
    }

    /// Creates the first administrator on a database with no account yet,
    /// and signs them in. Refused once any account exists.
    pub fn create_first_admin(
        &self,
        req: &FirstAdminRequest,
        now: DateTime<Utc>,
    ) -> Result<(SessionToken, SessionInfo)> {
        let username = check_new_credentials(&req.username, &req.password)?;
        check_language(req.language.as_str())?;
        let organization = req.organization.trim();
        if organization.is_empty() {
            return Err(invalid("the organization name is empty"));
        }
        let display_name = req.display_name.trim();
        if display_name.is_empty() {
            return Err(invalid("the name is empty"));
        }
        let employee_number = req.employee_number.trim();
        if employee_number.is_empty() {
            return Err(invalid("the employee number is empty"));
        }
        let hash = password::hash(&req.password)?;
        let token = SessionToken::generate()?;
        let id = PersonId(Uuid::now_v7());
        self.store.write(|tx| {
            if people::count_accounts(tx)? > 0 {
                return Err(mastery_store::StoreError::Conflict(
                    "this database already has accounts; ask an administrator to create yours"
                        .into(),
                ));
            }
            settings::set(tx, settings::ORGANIZATION_NAME, organization)?;
            people::insert_person(
                tx,
                &people::Person {
                    id,
                    employee_number: EmployeeNumber(employee_number.to_owned()),
                    display_name: display_name.to_owned(),
                    org_unit_id: None,
                    manager_id: None,
                    home_track: None,
                    language: req.language.0.clone(),
                },
                now,
            )?;
            people::insert_account(tx, id, &username, &hash, now)?;
            people::set_roles(tx, id, &[Role::Administrator], None, now)?;
            sessions::insert(tx, &token.hash(), id, now, now + SESSION_LENGTH)?;
            Ok(())
        })?;
        let info = self.session_info(&Caller::Person {
            id,
            roles: vec![Role::Administrator],
        })?;
        Ok((token, info))
    }

    /// Signs in with a username and password. Wrong username and wrong
    /// password get the same error; too many failures in a row lock the name
    /// for a while (see `mastery_domain::accounts::locked_until`).
    pub fn sign_in(
        &self,
        req: &SignInRequest,
        now: DateTime<Utc>,
    ) -> Result<(SessionToken, SessionInfo)> {
        let username = accounts::normalize_username(&req.username);
        let (failures, last) = self
            .store
            .read(|c| people::sign_in_failures(c, &username))?;
        if accounts::is_locked(failures, last, now) {
            let until = last
                .and_then(|l| accounts::locked_until(failures, l))
                .unwrap_or(now);
            let minutes = ((until - now).num_seconds() + 59) / 60;
            return Err(ApiError::new(
                ErrorCode::AccountLocked,
                format!("too many failed sign-ins; try again in {minutes} minute(s)"),
            ));
        }
        let account = self
            .store
            .read(|c| people::account_by_username(c, &username))?;
        let verified = match &account {
            Some(a) => password::verify(&req.password, &a.password_hash) && !a.disabled,
            None => {
                password::verify_dummy(&req.password);
                false
            }
        };
        let Some(account) = account.filter(|_| verified) else {
            self.store
                .write(|tx| people::record_failed_sign_in(tx, &username, now))?;
            return Err(ApiError::new(
                ErrorCode::InvalidCredentials,
                BAD_CREDENTIALS,
            ));
        };
        let token = SessionToken::generate()?;
        let roles = self.store.write(|tx| {
            people::clear_failed_sign_ins(tx, &username)?;
            sessions::insert(
                tx,
                &token.hash(),
                account.person_id,
                now,
                now + SESSION_LENGTH,
            )?;
            people::roles(tx, account.person_id)
        })?;
        let info = self.session_info(&Caller::Person {
            id: account.person_id,
            roles,
        })?;
        Ok((token, info))
    }

    /// Resolves a session token to its caller, with the roles held now.
    pub fn caller(&self, token: &SessionToken, now: DateTime<Utc>) -> Result<Caller> {
        let found = self.store.read(|c| {
            let Some(id) = sessions::active_person(c, &token.hash(), now)? else {
                return Ok(None);
            };
            Ok(Some((id, people::roles(c, id)?)))
        })?;
        match found {
            Some((id, roles)) => Ok(Caller::Person { id, roles }),
            None => Err(ApiError::new(
                ErrorCode::NotSignedIn,
                "the session has ended; sign in again",
            )),
        }
    }

    /// Ends a session. Ending one that already ended is not an error.
    pub fn sign_out(&self, token: &SessionToken, now: DateTime<Utc>) -> Result<()> {
        Ok(self
            .store
            .write(|tx| sessions::end(tx, &token.hash(), now))?)
    }

    /// Who the caller is, for the UI's header and navigation.
    pub fn session_info(&self, caller: &Caller) -> Result<SessionInfo> {
        let id = caller.person()?;
        let (person, username, roles) = self.store.read(|c| {
            Ok((
                people::person(c, id)?,
                people::username_of(c, id)?,
                people::roles(c, id)?,
            ))
        })?;
        let (Some(person), Some(username)) = (person, username) else {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no account for person {id}"),
            ));
        };
        Ok(SessionInfo {
            person_id: id,
            username,
            display_name: person.display_name,
            roles,
            language: person.language.as_str().into(),
        })
    }

    /// Saves the caller's interface language (their own profile; last write wins).
    pub fn set_language(
        &self,
        caller: &Caller,
        req: &SetLanguageRequest,
        now: DateTime<Utc>,
    ) -> Result<SessionInfo> {
        let id = caller.person()?;
        check_language(req.language.as_str())?;
        self.store
            .write(|tx| people::set_language(tx, id, req.language.as_str(), now))?;
        self.session_info(caller)
    }
}
