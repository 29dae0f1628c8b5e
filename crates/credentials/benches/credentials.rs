//! Issuing and verifying one Open Badges credential (JSON-LD expansion,
//! RDFC-1.0 canonicalization of the credential and of the proof options,
//! Ed25519), and drawing one PDF certificate.
//! Run: `cargo bench -p mastery-credentials`.

use criterion::{criterion_group, criterion_main, Criterion};
use mastery_credentials::{did, ob3, pdf};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let key = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let issuer = did::did_key(&key.verifying_key());
    let facts = ob3::BadgeFacts {
        id: "urn:uuid:0193f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b",
        issuer_name: "Northshore Service Agency / Agence de services Northshore",
        holder_name: "Amélie Roy",
        achievement_id: "urn:mastery:service-excellence:clients:1",
        achievement_name:
            "Putting Clients First — Mastery Level 1 / Priorité aux clients — Niveau de maîtrise 1",
        description: "Certified service professional, Mastery Level 1.",
        criteria: "Completed the course and approved by the manager.",
        pack_version: "1.0.0",
        valid_from: "2026-11-29T09:30:00Z",
        valid_until: "2029-11-29T09:30:00Z",
    };
    let unsigned = ob3::credential(&facts, &issuer);
    c.bench_function("issue one credential (sign)", |b| {
        b.iter(|| {
            ob3::sign(black_box(unsigned.clone()), &key, "2026-11-29T09:30:00Z").expect("signs")
        })
    });
    let signed = ob3::sign(unsigned, &key, "2026-11-29T09:30:00Z").expect("signs");
    c.bench_function("verify one credential", |b| {
        b.iter(|| ob3::verify(black_box(&signed)).expect("verifies"))
    });
    c.bench_function("draw one PDF certificate", |b| {
        b.iter(|| {
            pdf::certificate(black_box(&pdf::CertificateText {
                organization: "Northshore Service Agency / Agence de services Northshore",
                holder: "Amélie Roy",
                title_en: "Putting Clients First — Mastery Level 1",
                title_fr: "Priorité aux clients — Niveau de maîtrise 1",
                valid_from: "2026-11-29",
                valid_until: "2029-11-29",
                approved_by: "Sophie Tremblay",
                verification_code: "MST-DC48-104C",
                pack_version: "1.0.0",
                issuer_did: &issuer,
            }))
            .expect("draws")
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
