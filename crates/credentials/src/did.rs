//! `did:key` for Ed25519 keys: the public key as a Multikey
//! (`z` + base58btc of the multicodec prefix `0xed 0x01` and the 32 bytes),
//! resolved offline by decoding it.

use crate::CredentialError;
use ed25519_dalek::VerifyingKey;

const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// `z6Mk…`: the Multikey encoding of an Ed25519 public key.
pub fn multibase(key: &VerifyingKey) -> String {
    let mut bytes = ED25519_PUB.to_vec();
    bytes.extend_from_slice(key.as_bytes());
    format!("z{}", bs58::encode(bytes).into_string())
}

/// The `did:key` DID of a public key.
pub fn did_key(key: &VerifyingKey) -> String {
    format!("did:key:{}", multibase(key))
}

/// The verification method id: `did:key:<mb>#<mb>`.
pub fn verification_method(key: &VerifyingKey) -> String {
    let mb = multibase(key);
    format!("did:key:{mb}#{mb}")
}

/// The public key named by a `did:key` verification method (or DID).
/// Refuses anything but an Ed25519 `did:key` whose fragment, if any,
/// repeats the key.
pub fn resolve(vm: &str) -> Result<(String, VerifyingKey), CredentialError> {
    let bad = |why: &str| CredentialError::Key(format!("{vm:?}: {why}"));
    let rest = vm
        .strip_prefix("did:key:")
        .ok_or_else(|| bad("not a did:key"))?;
    let (mb, fragment) = match rest.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    if fragment.is_some_and(|f| f != mb) {
        return Err(bad("the fragment is not the key"));
    }
    let b58 = mb
        .strip_prefix('z')
        .ok_or_else(|| bad("not base58btc multibase"))?;
    let bytes = bs58::decode(b58)
        .into_vec()
        .map_err(|e| bad(&e.to_string()))?;
    let key: [u8; 32] = match bytes.split_first_chunk::<2>() {
        Some((prefix, key)) if *prefix == ED25519_PUB => key
            .try_into()
            .map_err(|_| bad("an Ed25519 key is 32 bytes"))?,
        _ => return Err(bad("not an Ed25519 key")),
    };
    let key = VerifyingKey::from_bytes(&key).map_err(|e| bad(&e.to_string()))?;
    Ok((format!("did:key:{mb}"), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]).verifying_key();
        let vm = verification_method(&key);
        assert!(vm.starts_with("did:key:z6Mk"));
        // The key the npm test fixture was signed with (seed 0x07 × 32).
        assert_eq!(
            did_key(&key),
            "did:key:z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z"
        );
        let (did, back) = resolve(&vm).expect("resolves");
        assert_eq!((did, back), (did_key(&key), key));
        for bad in [
            "did:web:example.org",
            "did:key:6Mk",
            "did:key:zzz",
            &format!("{vm}x"),
        ] {
            assert!(resolve(bad).is_err(), "{bad}");
        }
    }
}
