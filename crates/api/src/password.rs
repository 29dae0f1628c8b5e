//! Argon2id password hashing (the `argon2` crate's defaults, the OWASP
//! recommendation: Argon2id v19, 19 MiB, 2 passes, 1 lane), with a random
//! salt per hash.
//!
//! The tests of this crate build it with the `cheap-password-hashing`
//! feature (its own dev-dependency turns it on), which hashes with the
//! smallest parameters Argon2 allows: test accounts need no protection and
//! the suite hashes hundreds of passwords. A release build refuses to
//! compile with it, and a stored hash always carries its own parameters,
//! so a strong hash verifies either way.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use mastery_types::{ApiError, ErrorCode};
use std::sync::OnceLock;

#[cfg(all(feature = "cheap-password-hashing", not(debug_assertions)))]
compile_error!("cheap-password-hashing is for tests only; never in a release build");

/// The parameters every real account is hashed with.
pub fn release_params() -> argon2::Params {
    argon2::Params::default()
}

fn hasher() -> Argon2<'static> {
    let params = if cfg!(feature = "cheap-password-hashing") {
        argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None).unwrap_or_default()
    } else {
        release_params()
    };
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

pub fn hash(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
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

    /// What a release build hashes with: the OWASP Argon2id parameters.
    #[test]
    fn release_parameters_are_the_strong_ones() {
        let p = release_params();
        assert_eq!((p.m_cost(), p.t_cost(), p.p_cost()), (19 * 1024, 2, 1));
        // And this test build says which it uses, so a mistake shows.
        let used = hash("correct horse battery").expect("hash");
        let strong = "$argon2id$v=19$m=19456,t=2,p=1$";
        assert_eq!(
            used.starts_with(strong),
            !cfg!(feature = "cheap-password-hashing"),
            "{used}"
        );
        // A strong hash verifies whatever this build hashes with.
        let salt = SaltString::generate(&mut OsRng);
        let strong_hash = Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            release_params(),
        )
        .hash_password(b"correct horse battery", &salt)
        .expect("hash")
        .to_string();
        assert!(verify("correct horse battery", &strong_hash));
    }

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
