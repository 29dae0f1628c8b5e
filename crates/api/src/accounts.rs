//! Account administration: create accounts, list them.

use crate::auth::{check_language, check_new_credentials, failure_key};
use crate::errors::{invalid, new_id, required};
use crate::{password, Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::accounts::is_locked;
use mastery_store::people;
use mastery_types::{EmployeeNumber, Field, NewUser, PersonId, Problem, UserSummary};

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
        let username = check_new_credentials(&req.username, &req.password)?;
        check_language(req.language.as_str())?;
        let employee_number = required(&req.employee_number, Field::EmployeeNumber)?;
        let display_name = required(&req.display_name, Field::Name)?;
        if req.roles.is_empty() {
            return Err(invalid(Problem::NoRole));
        }
        let hash = password::hash(&req.password)?;
        let id = PersonId(new_id(now));
        self.store.write(|tx| {
            people::insert_person(
                tx,
                &people::Person {
                    id,
                    employee_number: EmployeeNumber(employee_number.to_owned()),
                    display_name: display_name.to_owned(),
                    org_unit_id: None,
                    manager_id: None,
                    home_track: req.home_track,
                    language: req.language.0.clone(),
                },
                now,
            )?;
            people::insert_account(tx, id, &username, &hash, now)?;
            people::set_roles(tx, id, &req.roles, actor, now)
        })?;
        Ok(UserSummary {
            person_id: id,
            employee_number: EmployeeNumber(employee_number.to_owned()),
            username,
            display_name: display_name.to_owned(),
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
