//! Proofs: what we sign verifies; any change to the content or the signature does not.
use super::proof::{self, ProofError};
use ed25519_dalek::SigningKey;
use serde_json::{json, Value};

/// A fixed key for tests (never used outside them).
pub fn test_key() -> SigningKey {
    SigningKey::from_bytes(&[7u8; 32])
}

pub fn sample_credential() -> Value {
    json!({
        "@context": [proof::CREDENTIALS_V2, proof::OB_V3],
        "id": "urn:uuid:7f1b1a56-0e9c-4c3c-9f0e-1d2b3c4d5e6f",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:itineraire.example", "type": ["Profile"], "name": "Itinéraire", "url": "https://itineraire.example"},
        "validFrom": "2026-11-23T12:00:00Z",
        "name": "Faire son CV",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": true,
                "identityHash": "sha256$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "salt": "sel-de-test"
            }],
            "achievement": {
                "id": "https://itineraire.example/badges/succes/faire-son-cv",
                "type": ["Achievement"],
                "name": "Faire son CV",
                "description": "A participé à l’atelier « Faire son CV ».",
                "criteria": {"narrative": "Être présent à l’atelier."}
            }
        }
    })
}

#[tokio::test]
async fn what_we_sign_verifies_and_a_changed_character_does_not() {
    let key = test_key();
    let vm = "did:web:itineraire.example#key-1";
    let signed = proof::sign(sample_credential(), &key, vm, chrono::Utc::now()).await.unwrap();
    let p = &signed["proof"][0];
    assert_eq!((p["cryptosuite"].as_str(), p["proofPurpose"].as_str()), (Some("eddsa-rdfc-2022"), Some("assertionMethod")));
    assert!(p["proofValue"].as_str().unwrap().starts_with('z'));
    proof::verify(&signed, &key.verifying_key()).await.unwrap();

    let mut tampered = signed.clone();
    tampered["credentialSubject"]["achievement"]["name"] = json!("Faire son CW");
    assert_eq!(proof::verify(&tampered, &key.verifying_key()).await, Err(ProofError::BadSignature));
    let other = SigningKey::from_bytes(&[8u8; 32]);
    assert_eq!(proof::verify(&signed, &other.verifying_key()).await, Err(ProofError::BadSignature));
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().unwrap().remove("proof");
    assert_eq!(proof::verify(&unsigned, &key.verifying_key()).await, Err(ProofError::NoProof));
}

#[tokio::test]
async fn canonical_form_does_not_depend_on_key_order() {
    let a = sample_credential();
    let b: Value = serde_json::from_str(&serde_json::to_string_pretty(&a).unwrap()).unwrap();
    assert_eq!(proof::canonical(&a).await.unwrap(), proof::canonical(&b).await.unwrap());
    let nq = proof::canonical(&a).await.unwrap();
    assert!(nq.contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential>"), "{nq}");
}

#[test]
fn public_keys_read_back_as_multikeys() {
    let key = test_key().verifying_key();
    let text = proof::public_key_multibase(&key);
    assert!(text.starts_with("z6Mk"), "{text}");
    assert_eq!(proof::parse_public_key_multibase(&text), Some(key));
    assert_eq!(proof::parse_public_key_multibase("zabc"), None);
}

/// Runs the independent verifier (end2end/interop/vc.mjs, npm packages installed by
/// scripts/setup.sh) with a JSON request; returns its JSON answer.
fn independent(request: Value) -> Value {
    use std::io::Write;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/interop/vc.mjs");
    let mut child = std::process::Command::new("node")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node (installed by scripts/setup.sh)");
    child.stdin.take().unwrap().write_all(request.to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test]
async fn an_independent_verifier_accepts_our_badges_and_refuses_tampered_ones() {
    let key = test_key();
    let did = "did:web:itineraire.example";
    let did_doc = proof::did_document(did, &key.verifying_key());
    let signed = proof::sign(sample_credential(), &key, &format!("{did}#key-1"), chrono::Utc::now()).await.unwrap();
    let answer = independent(json!({"action": "verify", "credential": signed, "didDocument": did_doc}));
    assert_eq!(answer["verified"], json!(true), "{answer}");
    let mut tampered = signed.clone();
    tampered["credentialSubject"]["achievement"]["name"] = json!("Faire son CW");
    let answer = independent(json!({"action": "verify", "credential": tampered, "didDocument": did_doc}));
    assert_eq!(answer["verified"], json!(false), "{answer}");
}

#[tokio::test]
async fn we_verify_a_badge_signed_by_the_independent_implementation() {
    let did = "did:web:autre-emetteur.example";
    let mut credential = sample_credential();
    credential["issuer"]["id"] = json!(did);
    let answer = independent(json!({"action": "sign", "credential": credential, "did": did, "seed": vec![9u8; 32]}));
    let signed = &answer["credential"];
    let multikey = answer["didDocument"]["verificationMethod"][0]["publicKeyMultibase"].as_str().unwrap();
    let key = proof::parse_public_key_multibase(multikey).unwrap();
    proof::verify(signed, &key).await.unwrap();
    let mut tampered = signed.clone();
    tampered["name"] = json!("Faire son CW");
    assert_eq!(proof::verify(&tampered, &key).await, Err(ProofError::BadSignature));
}
