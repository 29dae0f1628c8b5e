//! Role-based access: which role grants which permission. The API layer
//! asks [`allows`] before every use case; the UI only hides what a role
//! cannot use.

use mastery_types::Role;

/// Something a use case needs the caller to be allowed to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the program catalogue with one's own progress and locks.
    ViewOwnLearning,
    /// Create accounts, see the account list, change roles.
    ManageAccounts,
    /// Edit, check, publish, compare, import and export content packs.
    DesignCourses,
    /// Log coaching sessions for learners and see those sessions.
    CoachLearners,
    /// See one's own staff and assign them courses with due dates.
    ManageStaff,
    /// See the certification requests one may decide on and decide them
    /// (whose requests is decided per request: own staff or delegation).
    DecideCertifications,
    /// Revoke certifications, see every certification, check the audit chain.
    AdministerCertifications,
    /// Connect to HR, import the roster, see and retry status delivery,
    /// hand out activation codes.
    ManageHr,
}

impl Permission {
    pub const ALL: [Permission; 8] = [
        Permission::ViewOwnLearning,
        Permission::ManageAccounts,
        Permission::DesignCourses,
        Permission::CoachLearners,
        Permission::ManageStaff,
        Permission::DecideCertifications,
        Permission::AdministerCertifications,
        Permission::ManageHr,
    ];
}

/// Does one role grant one permission? The single table of the RBAC matrix.
pub fn role_grants(role: Role, permission: Permission) -> bool {
    match permission {
        Permission::ViewOwnLearning => role == Role::Learner,
        Permission::ManageAccounts => role == Role::Administrator,
        Permission::DesignCourses => role == Role::CourseDesigner,
        // A manager may act as coach for their staff.
        Permission::CoachLearners => matches!(role, Role::Coach | Role::Manager),
        Permission::ManageStaff => role == Role::Manager,
        // A coach may decide only as a manager's named delegate.
        Permission::DecideCertifications => matches!(role, Role::Manager | Role::Coach),
        Permission::AdministerCertifications => role == Role::Administrator,
        Permission::ManageHr => role == Role::Administrator,
    }
}

/// Does any of the caller's roles grant the permission?
pub fn allows(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|r| role_grants(*r, permission))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix() {
        use Permission::*;
        use Role::*;
        let expected = [
            (Learner, ViewOwnLearning, true),
            (Coach, ViewOwnLearning, false),
            (Manager, ViewOwnLearning, false),
            (CourseDesigner, ViewOwnLearning, false),
            (Administrator, ViewOwnLearning, false),
            (Learner, ManageAccounts, false),
            (Coach, ManageAccounts, false),
            (Manager, ManageAccounts, false),
            (CourseDesigner, ManageAccounts, false),
            (Administrator, ManageAccounts, true),
            (Learner, DesignCourses, false),
            (Coach, DesignCourses, false),
            (Manager, DesignCourses, false),
            (CourseDesigner, DesignCourses, true),
            (Administrator, DesignCourses, false),
            (Learner, CoachLearners, false),
            (Coach, CoachLearners, true),
            (Manager, CoachLearners, true),
            (CourseDesigner, CoachLearners, false),
            (Administrator, CoachLearners, false),
            (Learner, ManageStaff, false),
            (Coach, ManageStaff, false),
            (Manager, ManageStaff, true),
            (CourseDesigner, ManageStaff, false),
            (Administrator, ManageStaff, false),
            (Learner, DecideCertifications, false),
            (Coach, DecideCertifications, true),
            (Manager, DecideCertifications, true),
            (CourseDesigner, DecideCertifications, false),
            (Administrator, DecideCertifications, false),
            (Learner, AdministerCertifications, false),
            (Coach, AdministerCertifications, false),
            (Manager, AdministerCertifications, false),
            (CourseDesigner, AdministerCertifications, false),
            (Administrator, AdministerCertifications, true),
            (Learner, ManageHr, false),
            (Coach, ManageHr, false),
            (Manager, ManageHr, false),
            (CourseDesigner, ManageHr, false),
            (Administrator, ManageHr, true),
        ];
        assert_eq!(expected.len(), Role::ALL.len() * Permission::ALL.len());
        for (role, perm, want) in expected {
            assert_eq!(role_grants(role, perm), want, "{role:?} {perm:?}");
        }
        assert!(!allows(&[], ViewOwnLearning));
        assert!(allows(&[Coach, Learner], ViewOwnLearning));
    }
}
