//! Rules for local accounts: how usernames are normalized, what a password
//! must be, and how repeated failed sign-ins lock an account for a while.

use chrono::{DateTime, Duration, Utc};

/// Failed sign-ins allowed in a row before the account locks.
pub const FREE_ATTEMPTS: u32 = 5;
/// First lock period; doubles with every further failure, up to [`MAX_LOCK`].
pub const BASE_LOCK: Duration = Duration::minutes(1);
pub const MAX_LOCK: Duration = Duration::minutes(30);
pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 256;
/// Longest name, organization or employee number accepted.
pub const MAX_FIELD_CHARS: usize = 200;

/// Usernames compare case-insensitively and without surrounding spaces.
pub fn normalize_username(raw: &str) -> String {
    raw.trim().to_lowercase()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsernameProblem {
    Empty,
    TooLong,
    BadCharacter(char),
}

/// A username is 1–64 ASCII letters, digits, `.`, `-` or `_` (after
/// normalizing). ASCII only: accented or other-script letters would allow
/// look-alike names and names that differ only by Unicode normalization.
pub fn check_username(normalized: &str) -> Result<(), UsernameProblem> {
    if normalized.is_empty() {
        return Err(UsernameProblem::Empty);
    }
    if normalized.chars().count() > 64 {
        return Err(UsernameProblem::TooLong);
    }
    if let Some(c) = normalized
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Err(UsernameProblem::BadCharacter(c));
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort { min: usize },
    TooLong { max: usize },
    SameAsUsername,
}

/// Length is what matters most for passphrases; we also refuse the username.
pub fn check_password(password: &str, normalized_username: &str) -> Result<(), PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort {
            min: MIN_PASSWORD_CHARS,
        });
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong {
            max: MAX_PASSWORD_CHARS,
        });
    }
    if normalize_username(password) == normalized_username {
        return Err(PasswordProblem::SameAsUsername);
    }
    Ok(())
}

/// A BCP 47-like language tag: 2–8 ASCII letters, digits or `-`.
pub fn is_language_tag(tag: &str) -> bool {
    (2..=8).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// After `consecutive_failures` failed sign-ins, the last at `last_failure`,
/// until when is the account locked? `None` if it is not.
pub fn locked_until(
    consecutive_failures: u32,
    last_failure: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if consecutive_failures < FREE_ATTEMPTS {
        return None;
    }
    let doublings = (consecutive_failures - FREE_ATTEMPTS).min(16);
    let lock = BASE_LOCK
        .checked_mul(1 << doublings)
        .map_or(MAX_LOCK, |d| d.min(MAX_LOCK));
    Some(last_failure + lock)
}

/// Is a sign-in attempt at `now` refused because of earlier failures?
pub fn is_locked(
    consecutive_failures: u32,
    last_failure: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    last_failure
        .and_then(|at| locked_until(consecutive_failures, at))
        .is_some_and(|until| now < until)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn lock_grows_and_caps() {
        assert_eq!(locked_until(0, t0()), None);
        assert_eq!(locked_until(4, t0()), None);
        assert_eq!(locked_until(5, t0()), Some(t0() + Duration::minutes(1)));
        assert_eq!(locked_until(6, t0()), Some(t0() + Duration::minutes(2)));
        assert_eq!(locked_until(8, t0()), Some(t0() + Duration::minutes(8)));
        assert_eq!(locked_until(10, t0()), Some(t0() + Duration::minutes(30)));
        assert_eq!(locked_until(u32::MAX, t0()), Some(t0() + MAX_LOCK));
    }

    #[test]
    fn lock_expires() {
        let last = Some(t0());
        assert!(!is_locked(4, last, t0()));
        assert!(is_locked(5, last, t0() + Duration::seconds(59)));
        assert!(!is_locked(5, last, t0() + Duration::seconds(60)));
        assert!(!is_locked(9, None, t0()));
    }

    #[test]
    fn usernames() {
        assert_eq!(normalize_username("  Amelie.Roy "), "amelie.roy");
        assert_eq!(check_username("amelie.roy"), Ok(()));
        assert_eq!(check_username("emilie_2"), Ok(()));
        assert_eq!(
            check_username("émilie"),
            Err(UsernameProblem::BadCharacter('é'))
        );
        assert_eq!(check_username(""), Err(UsernameProblem::Empty));
        assert_eq!(
            check_username("a b"),
            Err(UsernameProblem::BadCharacter(' '))
        );
        assert_eq!(
            check_username(&"a".repeat(65)),
            Err(UsernameProblem::TooLong)
        );
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("fr"));
        assert!(is_language_tag("pt-BR"));
        assert!(!is_language_tag("f"));
        assert!(!is_language_tag("<script>"));
        assert!(!is_language_tag("toolonglanguage"));
    }

    #[test]
    fn passwords() {
        assert_eq!(
            check_password("short", "x"),
            Err(PasswordProblem::TooShort { min: 10 })
        );
        assert_eq!(
            check_password("Amelie.Roy1", "amelie.roy1"),
            Err(PasswordProblem::SameAsUsername)
        );
        assert_eq!(check_password("correct horse battery", "amelie"), Ok(()));
        assert_eq!(
            check_password(&"x".repeat(257), "amelie"),
            Err(PasswordProblem::TooLong { max: 256 })
        );
    }
}
