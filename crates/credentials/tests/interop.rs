//! Interoperability with an independent implementation, the npm
//! `@digitalcredentials` stack (installed here by the test itself into
//! cargo's test scratch folder, from the npm registry, pinned versions):
//! a credential Mastery issues verifies there; the same credential with one
//! field changed fails there and in Mastery; a credential that stack issues
//! (with its own fresh key) verifies in Mastery.

use mastery_credentials::did;
use mastery_credentials::ob3::{self, BadgeFacts, ProofFailure};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const PACKAGES: &[&str] = &[
    "@digitalcredentials/vc@10.0.2",
    "@digitalcredentials/data-integrity@2.6.0",
    "@digitalcredentials/eddsa-rdfc-2022-cryptosuite@1.3.0",
    "@digitalcredentials/ed25519-multikey@1.4.0",
    "@digitalcredentials/security-document-loader@8.0.0",
];

const VERIFY: &str = r#"
import * as vc from '@digitalcredentials/vc';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {securityLoader} from '@digitalcredentials/security-document-loader';
import fs from 'fs';
const credential = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const documentLoader = securityLoader().build();
const r = await vc.verifyCredential({credential, suite: new DataIntegrityProof({cryptosuite}), documentLoader});
console.log(JSON.stringify({verified: r.verified, error: r.error ? String(r.error.message || r.error) : null}));
"#;

const ISSUE: &str = r#"
import * as vc from '@digitalcredentials/vc';
import * as Ed25519Multikey from '@digitalcredentials/ed25519-multikey';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {securityLoader} from '@digitalcredentials/security-document-loader';
const k0 = await Ed25519Multikey.generate();
const did = `did:key:${k0.publicKeyMultibase}`;
const key = await Ed25519Multikey.from({...k0, controller: did, id: `${did}#${k0.publicKeyMultibase}`});
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Accueil des usagers — formation partenaire',
  issuer: {id: did, type: ['Profile'], name: 'Partner college / Collège partenaire'},
  validFrom: '2026-01-15T00:00:00Z',
  validUntil: '2028-01-15T00:00:00Z',
  credentialSubject: {type: ['AchievementSubject'], achievement: {
    id: 'urn:example:partner:front-counter', type: ['Achievement'], name: 'Front counter service',
    description: 'Serving clients at the counter with plain language.', criteria: {narrative: 'Observed at the counter.'}}}
};
const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite});
const signed = await vc.issue({credential, suite, documentLoader: securityLoader().build()});
console.log(JSON.stringify(signed));
"#;

/// Installs the pinned npm packages once into cargo's scratch folder.
fn npm_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ob3-npm");
    let marker = dir.join("node_modules/@digitalcredentials/vc/package.json");
    if !marker.exists() {
        std::fs::create_dir_all(&dir).expect("scratch folder");
        std::fs::write(
            dir.join("package.json"),
            r#"{"name":"mastery-ob3-interop","private":true,"type":"module"}"#,
        )
        .expect("package.json");
        let out = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--loglevel=error"])
            .args(PACKAGES)
            .current_dir(&dir)
            .output()
            .expect("npm runs (cargo xtask install puts node and npm on the machine)");
        assert!(
            out.status.success(),
            "npm install failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::write(dir.join("verify.mjs"), VERIFY).expect("script");
    std::fs::write(dir.join("issue.mjs"), ISSUE).expect("script");
    dir
}

fn node(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("node")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "node {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn npm_verifies(dir: &Path, credential: &Value, name: &str) -> (bool, Option<String>) {
    let file = dir.join(name);
    std::fs::write(&file, serde_json::to_vec(credential).expect("json")).expect("write");
    let out = node(dir, &["verify.mjs", file.to_str().expect("utf-8 path")]);
    let r: Value = serde_json::from_str(out.trim()).expect("verifier output");
    (
        r["verified"] == Value::Bool(true),
        r["error"].as_str().map(str::to_owned),
    )
}

#[test]
fn credentials_cross_between_mastery_and_the_npm_stack() {
    let dir = npm_dir();
    let key = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let issuer = did::did_key(&key.verifying_key());
    let facts = BadgeFacts {
        id: "urn:uuid:0193f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b",
        issuer_name: "Northshore Service Agency / Agence de services Northshore",
        holder_name: "Amélie Roy",
        achievement_id: "urn:mastery:service-excellence:clients:1",
        achievement_name: "Putting Clients First — Mastery Level 1 / Priorité aux clients — Niveau de maîtrise 1",
        description: "Certified service professional, Mastery Level 1 of the Putting Clients First track.",
        criteria: "Lessons, knowledge check, self-assessment and acknowledged coaching on the Five Drivers; approved by the manager.",
        pack_version: "1.0.0",
        valid_from: "2026-01-29T09:30:00Z",
        valid_until: "2029-01-29T09:30:00Z",
    };
    let signed = ob3::sign(
        ob3::credential(&facts, &issuer),
        &key,
        "2026-01-29T09:30:00Z",
    )
    .expect("signs");

    // Mastery → npm.
    let (ok, error) = npm_verifies(&dir, &signed, "mastery.json");
    assert!(
        ok,
        "the npm verifier refused Mastery's credential: {error:?}"
    );

    // One field changed: refused there and here.
    let mut tampered = signed.clone();
    tampered["credentialSubject"]["achievement"]["name"] =
        "Putting Clients First — Mastery Level 3".into();
    let (ok, _) = npm_verifies(&dir, &tampered, "tampered.json");
    assert!(!ok, "the npm verifier accepted a tampered credential");
    assert_eq!(ob3::verify(&tampered), Err(ProofFailure::BadSignature));

    // npm → Mastery (a fresh key each run).
    let theirs: Value = serde_json::from_str(node(&dir, &["issue.mjs"]).trim()).expect("issued");
    let proven = ob3::verify(&theirs).expect("Mastery verifies the npm stack's credential");
    assert_eq!(
        Some(proven.issuer.as_str()),
        theirs["issuer"]["id"].as_str()
    );
    let mut changed = theirs;
    changed["validUntil"] = "2038-01-15T00:00:00Z".into();
    assert_eq!(ob3::verify(&changed), Err(ProofFailure::BadSignature));
}
