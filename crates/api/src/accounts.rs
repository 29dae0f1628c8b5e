//! Account administration: create accounts, list them.

use crate::auth::{check_language, check_new_credentials, failure_key};
use crate::errors::{invalid, new_id, required};
use crate::{password, Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::accounts::is_locked;
use mastery_store::{people, StoreError};
use mastery_types::{
    EmployeeNumber, Field, NewUser, PersonId, Problem, Track, UserSummary, Username,
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
        let id = PersonId(new_id(now));
        self.store.write(|tx| {
            account.insert(tx, id, req.home_track, now)?;
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
            org_unit: None,
            locked: false,
        })
    }

    /// Every account with its roles and whether it is locked now.
    pub fn list_users(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Vec<UserSummary>> {
        caller.require(Permission::ManageAccounts)?;
        Ok(self.store.read(|c| {
            people::list_accounts(c)?
                .into_iter()
                .map(|a| {
                    let (failures, last) =
                        people::sign_in_failures(c, &failure_key(a.username.as_str()))?;
                    Ok(UserSummary {
                        roles: people::roles(c, a.person.id)?,
                        person_id: a.person.id,
                        employee_number: a.person.employee_number,
                        username: a.username,
                        display_name: a.person.display_name,
                        org_unit: a.org_unit_name,
                        locked: is_locked(failures, last, now),
                    })
                })
                .collect()
        })?)
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
        home_track: Option<Track>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        people::insert_person(
            tx,
            &people::Person {
                id,
                employee_number: EmployeeNumber(self.employee_number.clone()),
                display_name: self.display_name.clone(),
                org_unit_id: None,
                manager_id: None,
                home_track,
                language: self.language.clone(),
            },
            now,
        )?;
        people::insert_account(tx, id, &self.username, &self.password_hash, now)
    }
}
