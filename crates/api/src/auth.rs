//! First-run setup, sign-in, sessions and sign-out.

use crate::accounts::NewAccount;
use crate::errors::{invalid, new_id, required};
use crate::{password, Api, Caller, Result};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::accounts::{self, PasswordProblem, UsernameProblem};
use mastery_store::{people, sessions, settings};
use mastery_types::{
    ApiError, ErrorCode, Field, FirstAdminRequest, PersonId, Problem, Role, SessionInfo,
    SetLanguageRequest, SetupStatus, SignInRequest, Username,
};
use sha2::{Digest, Sha256};
use std::fmt;

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
    accounts::check_username(&username).map_err(|p| {
        invalid(match p {
            UsernameProblem::Empty => Problem::Empty {
                field: Field::Username,
            },
            UsernameProblem::TooLong => Problem::TooLong {
                field: Field::Username,
                max: 64,
            },
            UsernameProblem::BadCharacter(c) => Problem::UsernameCharacter {
                character: c.to_string(),
            },
        })
    })?;
    accounts::check_password(password, &username).map_err(|p| {
        invalid(match p {
            PasswordProblem::TooShort { min } => Problem::PasswordTooShort { min },
            PasswordProblem::TooLong { max } => Problem::TooLong {
                field: Field::Password,
                max,
            },
            PasswordProblem::SameAsUsername => Problem::PasswordIsUsername,
        })
    })?;
    Ok(Username(username))
}

/// Failed sign-ins are counted by a hash of the (normalized) name typed, so
/// a password typed into the username field is never stored in clear.
pub(crate) fn failure_key(normalized_username: &str) -> String {
    hex::encode(Sha256::digest(normalized_username.as_bytes()))
}

pub(crate) fn check_language(lang: &str) -> Result<()> {
    if accounts::is_language_tag(lang) {
        Ok(())
    } else {
        Err(invalid(Problem::BadLanguage {
            tag: lang.to_owned(),
        }))
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
        let organization = required(&req.organization, Field::Organization)?;
        let account = NewAccount::check(
            &req.employee_number,
            &req.display_name,
            &req.username,
            &req.password,
            req.language.as_str(),
        )?;
        let token = SessionToken::generate()?;
        let id = PersonId(new_id(now));
        self.store.write(|tx| {
            if people::count_accounts(tx)? > 0 {
                return Err(mastery_store::StoreError::Problem(Problem::AlreadySetUp));
            }
            settings::set(tx, settings::ORGANIZATION_NAME, organization)?;
            account.insert(tx, id, &Default::default(), now)?;
            people::set_roles(tx, id, &[Role::Administrator], None, now)?;
            crate::audit::record(
                tx,
                now,
                None,
                "roles.granted",
                account.username.as_str(),
                serde_json::json!({ "person": id.0.to_string(), "roles": ["administrator"], "first_run": true }),
            )?;
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
        let key = failure_key(&username);
        // Check the lock and count this attempt as a failure *before* the
        // slow password check, in one transaction: parallel attempts cannot
        // slip past the lock. A success clears the count again.
        let locked = self.store.write(|tx| {
            let failures = people::sign_in_failures(tx, &key)?;
            if accounts::is_locked(failures.count, failures.last, now) {
                let until = failures
                    .last
                    .and_then(|l| accounts::locked_until(failures.count, l))
                    .unwrap_or(now);
                return Ok(Some(((until - now).num_seconds() + 59) / 60));
            }
            people::record_failed_sign_in(tx, &key, now)?;
            Ok(None)
        })?;
        if let Some(minutes) = locked {
            return Err(ApiError::problem(Problem::LockedFor { minutes }));
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
            return Err(ApiError::new(
                ErrorCode::InvalidCredentials,
                BAD_CREDENTIALS,
            ));
        };
        let token = SessionToken::generate()?;
        self.store.write(|tx| {
            people::clear_failed_sign_ins(tx, &key)?;
            sessions::insert(
                tx,
                &token.hash(),
                account.person_id,
                now,
                now + SESSION_LENGTH,
            )
        })?;
        let roles = self.roles_of(account.person_id)?;
        let info = self.session_info(&Caller::Person {
            id: account.person_id,
            roles,
        })?;
        Ok((token, info))
    }

    /// Resolves a session token to its caller, with the roles held now.
    pub fn caller(&self, token: &SessionToken, now: DateTime<Utc>) -> Result<Caller> {
        let found = self
            .store
            .read(|c| sessions::active_person(c, &token.hash(), now))?;
        match found {
            Some(id) => Ok(Caller::Person {
                id,
                roles: self.roles_of(id)?,
            }),
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
        let (person, username) = self
            .store
            .read(|c| Ok((people::person(c, id)?, people::username_of(c, id)?)))?;
        let roles = self.roles_of(id)?;
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
            time_zone: self
                .store
                .read(|c| mastery_store::assigned::office_time_zone(c, id))?,
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
