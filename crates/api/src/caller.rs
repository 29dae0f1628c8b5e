//! Who is calling, and the role checks every use case starts with.

use mastery_domain::access::{allows, Permission};
use mastery_types::{ApiError, ErrorCode, PersonId, Role};

/// The identity a use case acts for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// A signed-in person, with the roles they held when the session was
    /// looked up.
    Person { id: PersonId, roles: Vec<Role> },
    /// Whoever runs the `mastery` command line against a database file they
    /// can already read and write. Only the CLI and the app's own start-up
    /// construct it; no IPC command can.
    LocalOperator,
}

impl Caller {
    /// The acting person (if any) when the caller may do `permission`.
    /// The local operator may manage accounts but has no learning of its own.
    pub(crate) fn require(&self, permission: Permission) -> Result<Option<PersonId>, ApiError> {
        match self {
            Caller::Person { id, roles } if allows(roles, permission) => Ok(Some(*id)),
            Caller::Person { .. } => Err(forbidden(permission)),
            // The operator of the database file may also check its audit
            // chain (`mastery audit verify`); acts that need an actor
            // (revoking) use `require_person` and stay refused.
            Caller::LocalOperator
                if matches!(
                    permission,
                    Permission::ManageAccounts
                        | Permission::AdministerCertifications
                        | Permission::ManageHr
                ) =>
            {
                Ok(None)
            }
            Caller::LocalOperator => Err(forbidden(permission)),
        }
    }

    /// Like [`Caller::require`], for use cases about the caller's own records.
    pub(crate) fn require_person(&self, permission: Permission) -> Result<PersonId, ApiError> {
        self.require(permission)?
            .ok_or_else(|| forbidden(permission))
    }

    /// Any signed-in person.
    pub(crate) fn person(&self) -> Result<PersonId, ApiError> {
        match self {
            Caller::Person { id, .. } => Ok(*id),
            Caller::LocalOperator => Err(ApiError::new(
                ErrorCode::Forbidden,
                "this needs a signed-in person",
            )),
        }
    }
}

fn forbidden(permission: Permission) -> ApiError {
    let need = match permission {
        Permission::ViewOwnLearning => "the learner role",
        Permission::ManageAccounts => "the administrator role",
        Permission::DesignCourses => "the course designer role",
        Permission::CoachLearners => "the coach or manager role",
        Permission::ManageStaff => "the manager role",
        Permission::DecideCertifications => "the manager role (or a manager's delegation)",
        Permission::AdministerCertifications | Permission::ManageHr => "the administrator role",
    };
    ApiError::new(ErrorCode::Forbidden, format!("this needs {need}"))
}
