//! The cryptosuite against an independent implementation's output: a
//! credential signed by the npm `@digitalcredentials` stack (fixture, key
//! seed 0x07 × 32, test only) canonicalizes to the same bytes, verifies,
//! and signing it again here reproduces its signature exactly; tampering
//! is caught; Mastery's own credentials sign and verify; the PDF prints.

use mastery_credentials::ob3::{self, BadgeFacts, ProofFailure};
use mastery_credentials::{canonical_nquads, did, pdf};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/signed-ob3.json")).expect("fixture parses")
}

fn key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[7; 32])
}

#[test]
fn canonical_forms_match_the_npm_implementation_byte_for_byte() {
    let signed = fixture();
    let mut doc = signed.clone();
    let proof = doc
        .as_object_mut()
        .and_then(|o| o.remove("proof"))
        .expect("proof");
    let canon = canonical_nquads(&doc).expect("canonical");
    assert_eq!(canon, include_str!("fixtures/c14n-doc.nq"));
    assert!(
        canon.contains("École Mastery — l’équipe"),
        "UTF-8 kept as is"
    );
    let mut options = proof.clone();
    options.as_object_mut().map(|o| o.remove("proofValue"));
    options["@context"] = doc["@context"].clone();
    let canon = canonical_nquads(&options).expect("canonical");
    assert_eq!(canon, include_str!("fixtures/c14n-proof.nq"));
    assert_eq!(
        hex::encode(Sha256::digest(canon.as_bytes())),
        "71c02838978ec12c86655ceb3516fac9e161e994ce4025577c2958040712e490"
    );
}

#[test]
fn a_credential_signed_by_the_npm_stack_verifies_and_signing_reproduces_it() {
    let signed = fixture();
    let proven = ob3::verify(&signed).expect("verifies");
    assert_eq!(proven.issuer, did::did_key(&key().verifying_key()));
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().map(|o| o.remove("proof"));
    let again = ob3::sign(unsigned, &key(), "2025-01-02T03:04:05Z").expect("signs");
    assert_eq!(
        again["proof"]["proofValue"], signed["proof"]["proofValue"],
        "Ed25519 is deterministic"
    );
}

#[test]
fn any_change_after_signing_is_caught() {
    let signed = fixture();
    let mut changed = signed.clone();
    changed["credentialSubject"]["achievement"]["name"] = "Francais".into();
    assert_eq!(ob3::verify(&changed), Err(ProofFailure::BadSignature));
    let mut changed = signed.clone();
    changed["validFrom"] = "2024-01-01T00:00:00Z".into();
    assert_eq!(ob3::verify(&changed), Err(ProofFailure::BadSignature));
    let mut changed = signed.clone();
    changed["issuer"]["id"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK".into();
    assert!(matches!(
        ob3::verify(&changed),
        Err(ProofFailure::WrongIssuer(_))
    ));
    let mut changed = signed.clone();
    changed["proof"]["proofValue"] = "z3".into();
    assert_eq!(ob3::verify(&changed), Err(ProofFailure::BadSignature));
    let mut changed = signed.clone();
    changed.as_object_mut().map(|o| o.remove("proof"));
    assert_eq!(ob3::verify(&changed), Err(ProofFailure::NoProof));
    // A term no context defines cannot ride along unsigned.
    let mut changed = signed;
    changed["undefinedTerm"] = "slipped in".into();
    assert!(matches!(
        ob3::verify(&changed),
        Err(ProofFailure::Unreadable(_))
    ));
}

fn facts() -> BadgeFacts<'static> {
    BadgeFacts {
        id: "urn:uuid:0193f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b",
        issuer_name: "Agence de services Northshore / Northshore Service Agency",
        holder_name: "Amélie Roy",
        achievement_id: "urn:mastery:service-excellence:clients:1",
        achievement_name: "Putting Clients First — Mastery Level 1 / Priorité aux clients — Niveau de maîtrise 1",
        description: "Certified service professional, Mastery Level 1 of the Putting Clients First track.",
        criteria: "Lessons, knowledge check, self-assessment and acknowledged coaching on the Five Drivers; approved by the manager.",
        pack_version: "1.0.0",
        valid_from: "2026-11-29T09:30:00Z",
        valid_until: "2029-11-29T09:30:00Z",
    }
}

#[test]
fn mastery_credentials_sign_and_verify() {
    let issuer = did::did_key(&key().verifying_key());
    let unsigned = ob3::credential(&facts(), &issuer);
    let signed = ob3::sign(unsigned, &key(), "2026-11-29T09:30:00Z").expect("signs");
    let proven = ob3::verify(&signed).expect("verifies");
    assert_eq!(proven.valid_until.as_deref(), Some("2029-11-29T09:30:00Z"));
    let mut later = signed.clone();
    later["validUntil"] = "2039-11-29T09:30:00Z".into();
    assert_eq!(ob3::verify(&later), Err(ProofFailure::BadSignature));
    let mut renamed = signed;
    renamed["credentialSubject"]["name"] = "Someone Else".into();
    assert_eq!(ob3::verify(&renamed), Err(ProofFailure::BadSignature));
}

#[test]
fn the_certificate_is_a_pdf_with_the_bilingual_text() {
    let bytes = pdf::certificate(&pdf::CertificateText {
        organization: "Northshore Service Agency / Agence de services Northshore",
        holder: "Amélie Roy",
        title_en: "Putting Clients First — Mastery Level 1",
        title_fr: "Priorité aux clients — Niveau de maîtrise 1",
        valid_from: "2026-11-29",
        valid_until: "2029-11-29",
        approved_by: "Sophie Tremblay",
        verification_code: "MST-DC48-104C",
        pack_version: "1.0.0",
        issuer_did: "did:key:z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z",
    })
    .expect("draws");
    assert!(bytes.starts_with(b"%PDF-"));
    let dir = tempfile_dir();
    let path = dir.join("certificate.pdf");
    std::fs::write(&path, &bytes).expect("write");
    // Read the text back with an independent reader (Ghostscript).
    let out = std::process::Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-sDEVICE=txtwrite",
            "-sOutputFile=-",
        ])
        .arg(&path)
        .output()
        .expect("ghostscript (installed by .ci/run) reads the PDF");
    let text = String::from_utf8_lossy(&out.stdout);
    for want in [
        "Amélie Roy",
        "Certificat d’excellence du service",
        "Priorité aux clients",
        "MST-DC48-104C",
        "2029-11-29",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mastery-credentials-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}
