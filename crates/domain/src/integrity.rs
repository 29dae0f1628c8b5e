//! What the audit chain vouches for. A role grant or a certification
//! decision is a row anyone who can write the database file could insert;
//! it counts only when the hash-chained audit log records the same act in
//! its intact part. A row without that backing is ignored (and the audit
//! check lists it for administrators).
//!
//! What this protects against: a row inserted, altered or removed behind
//! the app's back (`sqlite3 mastery.sqlite3 "INSERT INTO role_grants …"`),
//! and an audit row altered or removed in the middle of the chain (every
//! grant after the break stops counting). What it cannot: someone who
//! rewrites the file *and* recomputes the chain from the break onwards, or
//! who appends forged rows with correct hashes at its end. The chain head
//! noted outside the file (sent to HR, or to the organization hub) is the
//! anchor that exposes that.

use mastery_types::Role;

/// The latest audit row about a person's roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleAudit {
    /// Its position in the chain.
    pub seq: i64,
    /// The whole set of roles it granted.
    pub roles: Vec<Role>,
}

/// The audit row of a certification decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecisionAudit {
    pub seq: i64,
    pub approved: bool,
}

/// How far the chain is verified intact: rows with `seq` below this are.
/// `i64::MAX` when no link is broken.
pub type IntactBelow = i64;

/// The roles a person holds: their role rows that the latest audit row
/// about their roles also grants, if that row lies in the intact part of
/// the chain. Returns `(effective, unbacked)`.
pub fn backed_roles(
    rows: &[Role],
    audit: Option<&RoleAudit>,
    intact_below: IntactBelow,
) -> (Vec<Role>, Vec<Role>) {
    let vouched: &[Role] = match audit {
        Some(a) if a.seq < intact_below => &a.roles,
        _ => &[],
    };
    rows.iter().partition(|r| vouched.contains(r))
}

/// Does a decision row count? Only if its audit row, in the intact part of
/// the chain, records the same outcome.
pub fn decision_backed(
    approved: bool,
    audit: Option<&DecisionAudit>,
    intact_below: IntactBelow,
) -> bool {
    audit.is_some_and(|a| a.seq < intact_below && a.approved == approved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    #[test]
    fn roles_table() {
        let audit = |seq, roles: &[Role]| RoleAudit {
            seq,
            roles: roles.to_vec(),
        };
        // (rows, latest audit, intact below, held, unbacked)
        type Case = (
            &'static [Role],
            Option<RoleAudit>,
            i64,
            &'static [Role],
            &'static [Role],
        );
        let cases: &[Case] = &[
            // Granted through the app: rows and audit agree.
            (
                &[Learner, Coach],
                Some(audit(3, &[Learner, Coach])),
                i64::MAX,
                &[Learner, Coach],
                &[],
            ),
            // An administrator row inserted behind the app's back.
            (
                &[Learner, Administrator],
                Some(audit(3, &[Learner])),
                i64::MAX,
                &[Learner],
                &[Administrator],
            ),
            // No audit row at all.
            (&[Administrator], None, i64::MAX, &[], &[Administrator]),
            // The chain is broken before the grant: nothing it says counts.
            (&[Learner], Some(audit(9, &[Learner])), 5, &[], &[Learner]),
            (&[Learner], Some(audit(4, &[Learner])), 5, &[Learner], &[]),
            // A role the audit grants but whose row was removed is not held.
            (
                &[Learner],
                Some(audit(3, &[Learner, Manager])),
                i64::MAX,
                &[Learner],
                &[],
            ),
        ];
        for (rows, a, intact, want, unbacked) in cases {
            let (got, bad) = backed_roles(rows, a.as_ref(), *intact);
            assert_eq!(
                (&got[..], &bad[..]),
                (*want, *unbacked),
                "{rows:?} {a:?} {intact}"
            );
        }
    }

    #[test]
    fn decisions_table() {
        let a = |seq, approved| Some(DecisionAudit { seq, approved });
        assert!(decision_backed(true, a(7, true).as_ref(), i64::MAX));
        assert!(!decision_backed(true, None, i64::MAX));
        // A "returned" decision rewritten as approved in the file.
        assert!(!decision_backed(true, a(7, false).as_ref(), i64::MAX));
        assert!(!decision_backed(true, a(7, true).as_ref(), 7));
        assert!(decision_backed(false, a(6, false).as_ref(), 7));
    }
}
