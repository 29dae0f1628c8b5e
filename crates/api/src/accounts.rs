//! Account administration: create accounts, list them, lift a sign-in lock.
//!
//! Anyone can lock an account for a while by typing wrong passwords under
//! its name: the lock is what stops password guessing, so it cannot ask
//! who is typing. What limits the harm: the first lock lasts a minute and
//! doubles with each further failure up to 30 minutes
//! (`mastery_domain::accounts`), a successful sign-in after it ends clears
//! it, and an administrator sees every locked account and lifts the lock
//! at once ([`Api::unlock_account`], audited).

use crate::auth::{check_language, check_new_credentials, failure_key};
use crate::errors::{invalid, new_id, required};
use crate::{password, Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::accounts::is_locked;
use mastery_store::{people, StoreError};
use mastery_types::{
    ApiError, EmployeeNumber, Field, NewUser, PersonId, Problem, Track, UnlockRequest, UserSummary,
    Username,
};

impl Api {
    /// Creates a person with a local account and roles. Administrators only
    /// (or the local operator at the command line).
    pub fn add_user(
        &self,
        caller: &Caller,
        req: &NewUser,
        now: DateTime<Utc>,
    ) -> Result<UserSummary> {
        let actor = caller.require(Permission::ManageAccounts)?;
        let account = NewAccount::check(
            &req.employee_number,
            &req.display_name,
            &req.username,
            &req.password,
            req.language.as_str(),
        )?;
        if req.roles.is_empty() {
            return Err(invalid(Problem::NoRole));
        }
        let offices = self.store.read(people::org_units)?;
        if let Some(office) = &req.office {
            if !offices.iter().any(|o| &o.id == office) {
                return Err(ApiError::not_found(mastery_types::Thing::Office, office));
            }
        }
        if let Some(manager) = req.manager {
            if self.store.read(|c| people::person(c, manager))?.is_none() {
                return Err(ApiError::not_found(mastery_types::Thing::Person, manager));
            }
        }
        let id = PersonId(new_id(now));
        self.store.write(|tx| {
            account.insert(
                tx,
                id,
                &Placement {
                    home_track: req.home_track,
                    office: req.office.clone(),
                    manager: req.manager,
                },
                now,
            )?;
            people::set_roles(tx, id, &req.roles, actor, now)?;
            let roles: Vec<&str> = req.roles.iter().map(|r| r.as_str()).collect();
            crate::audit::record(
                tx,
                now,
                actor,
                "roles.granted",
                account.username.as_str(),
                serde_json::json!({ "person": id.0.to_string(), "roles": roles }),
            )
        })?;
        let NewAccount {
            employee_number,
            display_name,
            username,
            ..
        } = account;
        Ok(UserSummary {
            person_id: id,
            employee_number: EmployeeNumber(employee_number),
            username,
            display_name,
            roles: {
                let mut r = req.roles.clone();
                r.sort();
                r.dedup();
                r
            },
            org_unit: req
                .office
                .as_ref()
                .and_then(|o| offices.iter().find(|x| &x.id == o))
                .map(|o| o.name.clone()),
            locked: false,
        })
    }

    /// Every account with its roles and whether it is locked now.
    pub fn list_users(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Vec<UserSummary>> {
        caller.require(Permission::ManageAccounts)?;
        let accounts = self.store.read(|c| {
            people::list_accounts(c)?
                .into_iter()
                .map(|a| {
                    let failures = people::sign_in_failures(c, &failure_key(a.username.as_str()))?;
                    Ok((a, failures))
                })
                .collect::<mastery_store::Result<Vec<_>>>()
        })?;
        accounts
            .into_iter()
            .map(|(a, failures)| {
                Ok(UserSummary {
                    roles: self.roles_of(a.person.id)?,
                    person_id: a.person.id,
                    employee_number: a.person.employee_number,
                    username: a.username,
                    display_name: a.person.display_name,
                    org_unit: a.org_unit_name,
                    locked: is_locked(failures.count, failures.last, now),
                })
            })
            .collect()
    }
}

impl Api {
    /// Lifts the sign-in lock of an account (administrators). Audited.
    pub fn unlock_account(
        &self,
        caller: &Caller,
        req: &UnlockRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let actor = caller.require(Permission::ManageAccounts)?;
        let username = self
            .store
            .read(|c| people::username_of(c, req.person_id))?
            .ok_or_else(|| ApiError::not_found(mastery_types::Thing::Account, req.person_id))?;
        self.store.write(|tx| {
            people::clear_failed_sign_ins(tx, &failure_key(username.as_str()))?;
            crate::audit::record(
                tx,
                now,
                actor,
                "account.unlocked",
                username.as_str(),
                serde_json::json!({ "person": req.person_id.0.to_string() }),
            )
        })?;
        Ok(())
    }
}

/// Where a new person works.
#[derive(Default)]
pub(crate) struct Placement {
    pub home_track: Option<Track>,
    pub office: Option<String>,
    pub manager: Option<PersonId>,
}

impl Api {
    /// The organization's offices, for the account form.
    pub fn offices(&self, caller: &Caller) -> Result<Vec<mastery_types::Office>> {
        caller.require(Permission::ManageAccounts)?;
        Ok(self.store.read(people::org_units)?)
    }
}

/// A new person with a local account, checked and with its password hashed:
/// what creating the first administrator and adding a user share.
pub(crate) struct NewAccount {
    pub employee_number: String,
    pub display_name: String,
    pub username: Username,
    pub password_hash: String,
    pub language: String,
}

impl NewAccount {
    pub fn check(
        employee_number: &str,
        display_name: &str,
        username: &str,
        password: &str,
        language: &str,
    ) -> Result<NewAccount> {
        let username = check_new_credentials(username, password)?;
        check_language(language)?;
        Ok(NewAccount {
            employee_number: required(employee_number, Field::EmployeeNumber)?.to_owned(),
            display_name: required(display_name, Field::Name)?.to_owned(),
            username,
            password_hash: password::hash(password)?,
            language: language.to_owned(),
        })
    }

    /// Writes the person and the account (roles are the caller's to set).
    pub fn insert(
        &self,
        tx: &mastery_store::Connection,
        id: PersonId,
        at: &Placement,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        people::insert_person(
            tx,
            &people::Person {
                id,
                employee_number: EmployeeNumber(self.employee_number.clone()),
                display_name: self.display_name.clone(),
                org_unit_id: at.office.clone(),
                manager_id: at.manager,
                home_track: at.home_track,
                language: self.language.clone(),
            },
            now,
        )?;
        people::insert_account(tx, id, &self.username, &self.password_hash, now)
    }
}
