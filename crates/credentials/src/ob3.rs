//! Open Badges 3.0 `OpenBadgeCredential`s (W3C Verifiable Credentials v2)
//! with an `eddsa-rdfc-2022` Data Integrity proof:
//! the proof options and the credential (without its proof) are each
//! canonicalized (RDFC-1.0) and hashed with SHA-256; the signature is
//! Ed25519 over `hash(proof options) ‖ hash(credential)`, encoded as
//! base58btc multibase.

use crate::{canonical_nquads, did, CredentialError};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";

fn hash_data(proof_options: &Value, credential: &Value) -> Result<Vec<u8>, CredentialError> {
    let proof = canonical_nquads(proof_options)?;
    let doc = canonical_nquads(credential)?;
    let mut out = Sha256::digest(proof.as_bytes()).to_vec();
    out.extend_from_slice(&Sha256::digest(doc.as_bytes()));
    Ok(out)
}

/// Adds an `eddsa-rdfc-2022` proof made with `key` at `created`
/// (`YYYY-MM-DDTHH:MM:SSZ`) to a credential that has none.
pub fn sign(
    mut credential: Value,
    key: &SigningKey,
    created: &str,
) -> Result<Value, CredentialError> {
    let obj = credential
        .as_object_mut()
        .ok_or_else(|| CredentialError::Malformed("a credential is a JSON object".into()))?;
    obj.remove("proof");
    let context = obj
        .get("@context")
        .cloned()
        .ok_or_else(|| CredentialError::Malformed("the credential has no @context".into()))?;
    let mut options = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": did::verification_method(&key.verifying_key()),
        "proofPurpose": "assertionMethod",
    });
    let mut with_context = options.clone();
    with_context["@context"] = context;
    let data = hash_data(&with_context, &credential)?;
    let signature = key.sign(&data);
    options["proofValue"] = json!(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ));
    credential["proof"] = options;
    Ok(credential)
}

/// What a valid proof tells about a credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proven {
    /// The DID that signed it (equal to the credential's issuer).
    pub issuer: String,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

/// Why a credential's proof does not hold.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProofFailure {
    #[error("the credential has no proof")]
    NoProof,
    #[error("the proof is not an eddsa-rdfc-2022 Data Integrity proof for assertion")]
    WrongProofType,
    #[error("the credential is not an Open Badges credential: {0}")]
    NotABadge(String),
    #[error("the signing key is not the issuer's: {0}")]
    WrongIssuer(String),
    #[error("the signature does not match the credential: it was changed after signing")]
    BadSignature,
    #[error("{0}")]
    Unreadable(String),
}

fn field<'a>(v: &'a Value, name: &str) -> Option<&'a str> {
    v.get(name).and_then(Value::as_str)
}

/// Checks the proof of a credential (not its dates: see [`Proven`]).
pub fn verify(credential: &Value) -> Result<Proven, ProofFailure> {
    let unreadable = |e: CredentialError| ProofFailure::Unreadable(e.to_string());
    let types: Vec<&str> = credential
        .get("type")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if !types.contains(&"VerifiableCredential") || !types.contains(&"OpenBadgeCredential") {
        return Err(ProofFailure::NotABadge(
            "its type is not VerifiableCredential and OpenBadgeCredential".into(),
        ));
    }
    let proof = credential.get("proof").ok_or(ProofFailure::NoProof)?;
    if field(proof, "type") != Some("DataIntegrityProof")
        || field(proof, "cryptosuite") != Some(CRYPTOSUITE)
        || field(proof, "proofPurpose") != Some("assertionMethod")
    {
        return Err(ProofFailure::WrongProofType);
    }
    let vm = field(proof, "verificationMethod").ok_or(ProofFailure::WrongProofType)?;
    let (signer, key) = did::resolve(vm).map_err(|e| ProofFailure::WrongIssuer(e.to_string()))?;
    let issuer = credential
        .get("issuer")
        .and_then(|i| i.as_str().or_else(|| field(i, "id")))
        .ok_or_else(|| ProofFailure::NotABadge("it names no issuer".into()))?;
    if issuer != signer {
        return Err(ProofFailure::WrongIssuer(format!(
            "issued by {issuer} but signed by {signer}"
        )));
    }
    let value = field(proof, "proofValue").ok_or(ProofFailure::WrongProofType)?;
    let sig_bytes = value
        .strip_prefix('z')
        .and_then(|b| bs58::decode(b).into_vec().ok())
        .ok_or(ProofFailure::BadSignature)?;
    let signature = Signature::from_slice(&sig_bytes).map_err(|_| ProofFailure::BadSignature)?;
    let mut options = proof.clone();
    if let Some(o) = options.as_object_mut() {
        o.remove("proofValue");
    }
    options["@context"] = credential.get("@context").cloned().unwrap_or(Value::Null);
    let mut document = credential.clone();
    if let Some(o) = document.as_object_mut() {
        o.remove("proof");
    }
    let data = hash_data(&options, &document).map_err(unreadable)?;
    key.verify(&data, &signature)
        .map_err(|_| ProofFailure::BadSignature)?;
    Ok(Proven {
        issuer: signer,
        valid_from: field(credential, "validFrom").map(str::to_owned),
        valid_until: field(credential, "validUntil").map(str::to_owned),
    })
}

/// What Mastery puts in a credential.
pub struct BadgeFacts<'a> {
    /// `urn:uuid:…` of this credential (the certification period).
    pub id: &'a str,
    pub issuer_name: &'a str,
    pub holder_name: &'a str,
    /// `urn:…` naming the achievement (track and level, stable across periods).
    pub achievement_id: &'a str,
    pub achievement_name: &'a str,
    pub description: &'a str,
    pub criteria: &'a str,
    pub pack_version: &'a str,
    pub valid_from: &'a str,
    pub valid_until: &'a str,
}

/// The unsigned credential for a certification period.
pub fn credential(f: &BadgeFacts<'_>, issuer_did: &str) -> Value {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": f.id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f.achievement_name,
        "issuer": { "id": issuer_did, "type": ["Profile"], "name": f.issuer_name },
        "validFrom": f.valid_from,
        "validUntil": f.valid_until,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": f.holder_name,
            "achievement": {
                "id": f.achievement_id,
                "type": ["Achievement"],
                "name": f.achievement_name,
                "description": f.description,
                "criteria": { "narrative": f.criteria },
                "version": f.pack_version
            }
        }
    })
}
