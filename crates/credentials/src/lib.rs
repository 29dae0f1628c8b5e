//! Certificates: Open Badges 3.0 credentials signed with an
//! `eddsa-rdfc-2022` Data Integrity proof by the organization's Ed25519 key
//! (published as a `did:key`) and verified offline, and the printable PDF.
//!
//! Native only (it is not part of the wasm UI). JSON-LD processing is the
//! `json-ld` crate with the contexts compiled in; canonicalization is
//! RDFC-1.0 from `rdf-canon`.

mod canon;
pub mod did;
pub mod ob3;
pub mod pdf;

pub use canon::canonical_nquads;

/// Why a credential could not be made or checked.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("the credential is not well-formed: {0}")]
    Malformed(String),
    #[error("a JSON-LD context could not be loaded: {0}")]
    Context(String),
    #[error("the credential is not valid JSON-LD: {0}")]
    JsonLd(String),
    #[error("canonicalization failed: {0}")]
    Canonicalization(String),
    #[error("the key is not usable: {0}")]
    Key(String),
    #[error("the certificate could not be drawn: {0}")]
    Pdf(String),
}
