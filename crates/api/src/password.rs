//! Argon2id password hashing (the `argon2` crate's defaults: Argon2id v19,
//! 19 MiB, 2 passes), with a random salt per hash.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use mastery_types::{ApiError, ErrorCode};
use std::sync::OnceLock;

pub fn hash(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::new(ErrorCode::Storage, format!("cannot hash the password: {e}")))
}

/// Does `password` match the stored PHC string? A damaged hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

static DUMMY: OnceLock<Option<String>> = OnceLock::new();

fn dummy() -> Option<&'static String> {
    DUMMY
        .get_or_init(|| hash("not a real password, only a timing twin").ok())
        .as_ref()
}

/// Computes the dummy hash ahead of the first sign-in, so that first
/// unknown-username attempt is not slower than the others.
pub fn warm_up() {
    let _ = dummy();
}

/// Spends the same work as a real check, for usernames that do not exist, so
/// the time taken does not reveal which usernames are real.
pub fn verify_dummy(password: &str) {
    if let Some(h) = dummy() {
        let _ = verify(password, h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let a = hash("correct horse battery").expect("hash");
        let b = hash("correct horse battery").expect("hash");
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery", &a));
        assert!(!verify("correct horse battery!", &a));
        assert!(!verify("correct horse battery", "not a phc string"));
    }
}
