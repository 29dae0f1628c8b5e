//! Certificates of a period of certification: the printable PDF and the
//! Open Badges 3.0 credential signed with the organization's key, and
//! checking any credential offline (valid, tampered, expired, revoked).

use crate::certification::verification_code;
use crate::{errors::new_id, Api, Caller, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::SigningKey;
use mastery_credentials::{did, ob3, pdf};
use mastery_domain::access::{allows, Permission};
use mastery_domain::certification::ended_by_revocation;
use mastery_packs::Pack;
use mastery_store::certification::{self as store, RequestRow};
use mastery_store::{keys, settings};
use mastery_types::{
    ApiError, CertificateRequest, CredentialCheck, CredentialVerdict, LocalizedText,
    VerifyCredentialRequest,
};
use std::sync::Arc;

/// The largest credential accepted for checking.
const MAX_CREDENTIAL_BYTES: usize = 256 * 1024;

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn storage(e: impl std::fmt::Display) -> ApiError {
    crate::errors::storage(e.to_string())
}

/// A certification period that may be printed, with what its certificate
/// says.
struct Printable {
    row: RequestRow,
    approved_by: String,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    pack: Arc<Pack>,
}

fn text_of(t: &LocalizedText, lang: &str) -> String {
    t.get(lang).to_owned()
}

impl Api {
    /// The organization's signing key, made (once) if there is none yet.
    pub(crate) fn org_key(&self, now: DateTime<Utc>) -> Result<SigningKey> {
        if let Some(key) = self.store.read(keys::org_key)? {
            let bytes: [u8; 32] = key
                .secret
                .try_into()
                .map_err(|_| storage("the stored signing key is not 32 bytes"))?;
            return Ok(SigningKey::from_bytes(&bytes));
        }
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| storage(format!("no randomness for a key: {e}")))?;
        let key = SigningKey::from_bytes(&seed);
        let did = did::did_key(&key.verifying_key());
        self.store.write(|tx| {
            // Another process may have made one meanwhile: the first stays.
            if keys::org_key(tx)?.is_none() {
                keys::insert_org_key(tx, &new_id(now).to_string(), &did, &seed, now)?;
                crate::audit::record(
                    tx,
                    now,
                    None,
                    "signing_key.created",
                    &did,
                    serde_json::json!({}),
                )?;
            }
            Ok(())
        })?;
        let key = self
            .store
            .read(keys::org_key)?
            .ok_or_else(|| storage("the signing key was not saved"))?;
        let bytes: [u8; 32] = key
            .secret
            .try_into()
            .map_err(|_| storage("bad stored key"))?;
        Ok(SigningKey::from_bytes(&bytes))
    }

    /// The organization's public identity: its `did:key`.
    pub fn organization_did(&self, now: DateTime<Utc>) -> Result<String> {
        Ok(did::did_key(&self.org_key(now)?.verifying_key()))
    }

    /// An approved, unrevoked period the caller may print: their own, or
    /// any for an administrator, with its dates and the pack version it
    /// was approved on.
    fn printable(&self, caller: &Caller, req: &CertificateRequest) -> Result<Printable> {
        let me = caller.person()?;
        let row = self.certification_request(&req.request_id)?;
        let not_found =
            || crate::errors::not_found(mastery_types::Thing::Certificate, &req.request_id);
        let admin = matches!(caller, Caller::Person { roles, .. } if allows(roles, Permission::AdministerCertifications));
        if row.person_id != me && !admin {
            // Someone else's certificate is "not found" to the caller.
            return Err(not_found());
        }
        let Some(decision) = row.decision.as_ref().filter(|d| d.approved) else {
            return Err(not_found());
        };
        if self.revocation_in_force(&row)?.is_some() {
            return Err(ApiError::problem(mastery_types::Problem::AlreadyRevoked));
        }
        let period = || storage("approved without a period");
        let (approved_by, from, until) = (
            decision.by.clone(),
            decision.valid_from.ok_or_else(period)?,
            decision.valid_until.ok_or_else(period)?,
        );
        let latest = self.latest_pack()?;
        let pack = self
            .pack_at(&latest.id, &row.pack_version)?
            .unwrap_or(latest);
        Ok(Printable {
            row,
            approved_by,
            from,
            until,
            pack,
        })
    }

    /// The revocation that ended a period: its own, or that of a later
    /// recertification of the same level, which superseded it.
    fn revocation_in_force(&self, row: &RequestRow) -> Result<Option<store::RevocationRow>> {
        let mut same: Vec<RequestRow> = self
            .requests_of(row.person_id)?
            .into_iter()
            .filter(|r| r.track == row.track && r.level == row.level)
            .collect();
        let facts: Vec<_> = same.iter().map(crate::certification::facts_of).collect();
        let Some(i) = same.iter().position(|r| r.id == row.id) else {
            return Ok(row.revocation.clone());
        };
        Ok(ended_by_revocation(&facts, i).and_then(|j| same.swap_remove(j).revocation))
    }

    fn organization_name(&self) -> Result<String> {
        Ok(self
            .store
            .read(|c| settings::get(c, settings::ORGANIZATION_NAME))?
            .unwrap_or_else(|| "Mastery".into()))
    }

    /// The printable certificate (PDF, English and French) and a file name.
    pub fn certificate_pdf(
        &self,
        caller: &Caller,
        req: &CertificateRequest,
        now: DateTime<Utc>,
    ) -> Result<(String, Vec<u8>)> {
        let Printable {
            row: r,
            approved_by,
            from,
            until,
            pack,
        } = self.printable(caller, req)?;
        let title = pack
            .course(&r.course)
            .map(|c| c.title.clone())
            .unwrap_or_default();
        let code = verification_code(&r.id);
        let bytes = pdf::certificate(&pdf::CertificateText {
            organization: &self.organization_name()?,
            holder: &r.person_name,
            title_en: &text_of(&title, "en"),
            title_fr: &text_of(&title, "fr"),
            valid_from: &from.format("%Y-%m-%d").to_string(),
            valid_until: &until.format("%Y-%m-%d").to_string(),
            approved_by: &approved_by,
            verification_code: &code,
            pack_version: &r.pack_version,
            issuer_did: &self.organization_did(now)?,
        })
        .map_err(storage)?;
        Ok((
            format!("certificate-{}-level-{}-{code}.pdf", r.track, r.level.get()),
            bytes,
        ))
    }

    /// The Open Badges 3.0 credential of a period, signed now, and a file name.
    pub fn certificate_credential(
        &self,
        caller: &Caller,
        req: &CertificateRequest,
        now: DateTime<Utc>,
    ) -> Result<(String, String)> {
        let Printable {
            row: r,
            from,
            until,
            pack,
            ..
        } = self.printable(caller, req)?;
        let course = pack.course(&r.course);
        let title = course.map(|c| c.title.clone()).unwrap_or_default();
        let summary = course.map(|c| c.summary.clone()).unwrap_or_default();
        let name = format!("{} / {}", text_of(&title, "en"), text_of(&title, "fr"));
        let description = format!("{} / {}", text_of(&summary, "en"), text_of(&summary, "fr"));
        let key = self.org_key(now)?;
        let issuer = did::did_key(&key.verifying_key());
        let credential = ob3::credential(
            &ob3::BadgeFacts {
                id: &format!("urn:uuid:{}", r.id),
                issuer_name: &self.organization_name()?,
                holder_name: &r.person_name,
                achievement_id: &format!("urn:mastery:{}:{}:{}", pack.id, r.track, r.level.get()),
                achievement_name: &name,
                description: &description,
                criteria: "Completed the course by its completion rule and approved by the manager on the evidence. / Cours terminé selon sa règle d’achèvement et certification approuvée par le gestionnaire sur les preuves.",
                pack_version: &r.pack_version,
                valid_from: &iso(from),
                valid_until: &iso(until),
            },
            &issuer,
        );
        let signed = ob3::sign(credential, &key, &iso(now)).map_err(storage)?;
        let text = serde_json::to_string_pretty(&signed).map_err(storage)?;
        Ok((
            format!(
                "credential-{}-level-{}-{}.json",
                r.track,
                r.level.get(),
                verification_code(&r.id)
            ),
            text,
        ))
    }

    /// Checks a credential offline: its proof, its dates, and (when this
    /// organization issued it) whether its certification was revoked.
    pub fn verify_credential(
        &self,
        caller: &Caller,
        req: &VerifyCredentialRequest,
        now: DateTime<Utc>,
    ) -> Result<CredentialCheck> {
        caller.person()?;
        let mut check = CredentialCheck {
            verdict: CredentialVerdict::Unreadable,
            issuer: None,
            issuer_name: None,
            issued_here: false,
            holder: None,
            achievement: None,
            valid_from: None,
            valid_until: None,
            detail: String::new(),
        };
        if req.text.len() > MAX_CREDENTIAL_BYTES {
            check.detail = format!(
                "the text is larger than {} KiB; a credential is a few KiB",
                MAX_CREDENTIAL_BYTES / 1024
            );
            return Ok(check);
        }
        let value: serde_json::Value = match serde_json::from_str(&req.text) {
            Ok(v) => v,
            Err(e) => {
                check.detail = format!("this is not JSON: {e}");
                return Ok(check);
            }
        };
        let s = |v: &serde_json::Value| v.as_str().map(str::to_owned);
        check.issuer_name = value["issuer"].get("name").and_then(s);
        check.holder = s(&value["credentialSubject"]["name"]);
        check.achievement = s(&value["credentialSubject"]["achievement"]["name"]);
        check.valid_from = s(&value["validFrom"]);
        check.valid_until = s(&value["validUntil"]);
        let proven = match ob3::verify(&value) {
            Ok(p) => p,
            Err(e) => {
                check.verdict = match e {
                    ob3::ProofFailure::BadSignature | ob3::ProofFailure::WrongIssuer(_) => {
                        CredentialVerdict::Tampered
                    }
                    _ => CredentialVerdict::Unreadable,
                };
                check.detail = e.to_string();
                return Ok(check);
            }
        };
        check.issued_here = proven.issuer == self.organization_did(now)?;
        check.issuer = Some(proven.issuer);
        let parse = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t.with_timezone(&Utc))
        };
        let (from, until) = (parse(&check.valid_from), parse(&check.valid_until));
        let revoked = if check.issued_here {
            let id = value["id"]
                .as_str()
                .and_then(|i| i.strip_prefix("urn:uuid:"))
                .unwrap_or_default()
                .to_owned();
            match self.store.read(|c| store::request(c, &id))? {
                Some(r) => match self.backed_requests(vec![r])?.pop() {
                    Some(r) => self.revocation_in_force(&r)?,
                    None => None,
                },
                None => None,
            }
        } else {
            None
        };
        (check.verdict, check.detail) = if let Some(r) = revoked {
            (
                CredentialVerdict::Revoked,
                format!(
                    "revoked by {} on {}: {}",
                    r.by,
                    r.at.format("%Y-%m-%d"),
                    r.reason
                ),
            )
        } else if until.is_some_and(|u| now >= u) {
            (
                CredentialVerdict::Expired,
                "the signature holds, but the credential has expired".into(),
            )
        } else if from.is_some_and(|f| now < f) {
            (
                CredentialVerdict::NotYetValid,
                "the signature holds, but the credential is not valid yet".into(),
            )
        } else {
            let whose = if check.issued_here {
                ""
            } else {
                ", but it was signed by another organization's key"
            };
            (
                CredentialVerdict::Valid,
                format!("the signature holds and the credential is within its dates{whose}"),
            )
        };
        Ok(check)
    }
}
