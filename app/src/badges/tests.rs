//! Proofs: what we sign verifies; any change to the content or the signature does not.
use super::issuer::Issuer;
use super::proof::{self, ProofError};
use super::service::{self, badge};
use crate::auth::model::Role;
use crate::db::testing::TestDb;
use crate::socle::{organisation as org, service::{register, Registration}};
use crate::test_support::{atelier_of, load_sample, session_at, staff_of};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};
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

/// A session of tomorrow, a person registered (by e-mail) and marked present during it; returns
/// the time of the roll call.
async fn attended(db: &DatabaseConnection) -> chrono::DateTime<Utc> {
    load_sample(db).await;
    let staff = staff_of(db, "mobil-comminges", Role::Referent).await;
    let atelier = atelier_of(db, &staff).await;
    let now = Utc::now();
    let seance = org::create_seance(db, &staff, &atelier, session_at(now + Duration::days(1), 5), now).await.unwrap();
    let lea = Registration { prenom: "Léa".into(), nom: "Martin".into(), telephone: None, courriel: Some("lea@example.org".into()), attente: false };
    register(db, &seance, &lea, now).await.unwrap();
    let during = now + Duration::days(1) + Duration::hours(1);
    let list = org::inscrits(db, &staff, &seance, during).await.unwrap();
    let marks = vec![(list.personnes[0].id.clone(), "present".to_string())];
    org::roll_call(db, &staff, &seance, &marks, during).await.unwrap();
    during
}

#[tokio::test]
async fn the_roll_call_issues_one_verifiable_badge_per_attendance_and_sends_its_link() {
    for t in TestDb::all().await {
        let b = t.backend();
        let when = attended(&t.db).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        // Two issuers at once (two servers): still one badge.
        let (x, y) = tokio::join!(service::issue_pending(&t.db, &issuer, when), service::issue_pending(&t.db, &issuer, when));
        assert_eq!(x.unwrap() + y.unwrap(), 1, "{b}");
        assert_eq!(service::issue_pending(&t.db, &issuer, when).await.unwrap(), 0, "{b}");
        let stored = badge::Entity::find().all(&t.db).await.unwrap();
        assert_eq!(stored.len(), 1, "{b}");
        let credential: Value = serde_json::from_str(&stored[0].credential).unwrap();
        // The e-mail is only there hashed with a salt.
        assert!(!stored[0].credential.contains("lea@example.org"), "{b}");
        let id = &credential["credentialSubject"]["identifier"][0];
        let hash = service::identity_hash("lea@example.org", id["salt"].as_str().unwrap());
        assert_eq!(id["identityHash"].as_str(), Some(hash.as_str()), "{b}");
        assert_eq!(credential["issuer"]["id"], json!("did:web:itineraire.example"), "{b}");

        let view = service::view(&t.db, Some(&issuer), &stored[0].id, when).await.unwrap().unwrap();
        assert_eq!((view.titre.as_str(), view.personne.as_str()), ("Faire son CV", "Léa Martin"), "{b}");
        assert!(view.verification.valide(), "{b}: {:?}", view.verification);
        // Not yet valid before it was issued, like for any verifier.
        let before = service::view(&t.db, Some(&issuer), &stored[0].id, when - Duration::days(1)).await.unwrap().unwrap();
        assert!(before.verification.pas_encore_valable && !before.verification.valide(), "{b}");
        assert_eq!(view.competences, vec!["Présenter son parcours".to_string()], "{b}");

        // One character changed in the stored badge: invalid.
        let mut am: badge::ActiveModel = stored[0].clone().into();
        am.credential = Set(stored[0].credential.replace("Faire son CV", "Faire son CW"));
        am.update(&t.db).await.unwrap();
        let view = service::view(&t.db, Some(&issuer), &stored[0].id, when).await.unwrap().unwrap();
        assert!(!view.verification.signature_valide && !view.verification.valide(), "{b}");
        // Another issuer's key does not vouch for ours.
        let other = Issuer::new(SigningKey::from_bytes(&[8u8; 32]), "https://ailleurs.example");
        let view = service::view(&t.db, Some(&other), &stored[0].id, when).await.unwrap().unwrap();
        assert!(!view.verification.emetteur_resolu, "{b}");

        let sent = crate::outbox::entity::Entity::find().all(&t.db).await.unwrap();
        let badge_msg = sent.iter().find(|m| m.kind == "badge").expect("badge message");
        assert_eq!(badge_msg.lien.as_deref(), Some(format!("/badges/{}", stored[0].id).as_str()), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn an_issued_badge_passes_the_independent_verifier() {
    let t = TestDb::sqlite().await;
    let when = attended(&t.db).await;
    let issuer = Issuer::new(test_key(), "https://itineraire.example");
    // Issued now (the roll call was taken "tomorrow"): valid from now for the other verifier.
    let _ = when;
    service::issue_pending(&t.db, &issuer, Utc::now()).await.unwrap();
    let stored = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
    let credential: Value = serde_json::from_str(&stored.credential).unwrap();
    let answer = independent(json!({"action": "verify", "credential": credential, "didDocument": issuer.did_document()}));
    assert_eq!(answer["verified"], json!(true), "{answer}");
    t.drop().await;
}

#[test]
fn key_files_are_private_and_never_overwritten() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("itineraire-key-{}", uuid::Uuid::new_v4()));
    let path = dir.join("badge-key.secret");
    let public = super::issuer::generate_key_file(&path).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(super::issuer::generate_key_file(&path).is_err());
    let issuer = Issuer::load(&path, "http://127.0.0.1:3000").unwrap();
    assert_eq!(issuer.verifying_key(), public);
    assert_eq!(issuer.did, "did:web:127.0.0.1%3A3000");
    assert_eq!(issuer.did_document()["verificationMethod"][0]["id"], json!("did:web:127.0.0.1%3A3000#key-1"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn revoking_sets_the_badges_bit_in_the_signed_list_and_the_page_says_so() {
    for t in TestDb::all().await {
        let b = t.backend();
        let when = attended(&t.db).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        service::issue_pending(&t.db, &issuer, when).await.unwrap();
        let stored = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
        let credential: Value = serde_json::from_str(&stored.credential).unwrap();
        let status = &credential["credentialStatus"];
        assert_eq!(status["type"], json!("BitstringStatusListEntry"), "{b}");
        assert_eq!(status["statusListCredential"], json!("https://itineraire.example/badges/statut"), "{b}");
        let index: usize = status["statusListIndex"].as_str().unwrap().parse().unwrap();

        let list = service::status_list(&t.db, &issuer, when).await.unwrap();
        assert!(!service::status_bit(&list, &issuer.verifying_key(), index).await.unwrap(), "{b}");
        let encoded = list["credentialSubject"]["encodedList"].as_str().unwrap();
        assert!(encoded.starts_with('u'), "{b}");

        let referent = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let other_admin = staff_of(&t.db, "ccas-montrejeau", Role::AdminStructure).await;
        let admin = staff_of(&t.db, "mobil-comminges", Role::AdminStructure).await;
        assert_eq!(service::revoke(&t.db, &referent, &stored.id, "erreur", when).await, Err(service::RevokeError::Forbidden), "{b}");
        assert_eq!(service::revoke(&t.db, &other_admin, &stored.id, "erreur", when).await, Err(service::RevokeError::Forbidden), "{b}");
        assert_eq!(service::revoke(&t.db, &admin, &stored.id, " ", when).await, Err(service::RevokeError::Motif), "{b}");
        service::revoke(&t.db, &admin, &stored.id, "Présence notée par erreur", when).await.unwrap();

        let list = service::status_list(&t.db, &issuer, when).await.unwrap();
        assert!(service::status_bit(&list, &issuer.verifying_key(), index).await.unwrap(), "{b}");
        // A list changed on the way does not pass.
        let mut forged = list.clone();
        forged["credentialSubject"]["statusPurpose"] = json!("suspension");
        assert!(service::status_bit(&forged, &issuer.verifying_key(), index).await.is_err(), "{b}");
        let view = service::view(&t.db, Some(&issuer), &stored.id, when).await.unwrap().unwrap();
        assert!(view.verification.revoque && !view.verification.valide(), "{b}");
        assert_eq!(view.verification.motif_revocation.as_deref(), Some("Présence notée par erreur"), "{b}");
        assert!(view.verification.signature_valide, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn the_verifier_page_checks_a_did_key_badge_signed_by_the_independent_implementation() {
    let t = TestDb::sqlite().await;
    let answer = independent(json!({"action": "sign", "credential": sample_credential(), "did": "did:key", "seed": vec![4u8; 32]}));
    let signed = answer["credential"].clone();
    assert!(signed["issuer"]["id"].as_str().unwrap().starts_with("did:key:z6Mk"), "{signed}");
    let ours = Issuer::new(test_key(), "https://itineraire.example");
    let now = Utc::now();
    let view = service::check_pasted(&t.db, Some(&ours), &signed.to_string(), now).await.unwrap();
    assert!(view.verification.valide(), "{:?}", view.verification);
    assert_eq!(view.titre, "Faire son CV");
    let mut tampered = signed.clone();
    tampered["credentialSubject"]["achievement"]["name"] = json!("Faire son CW");
    let view = service::check_pasted(&t.db, Some(&ours), &tampered.to_string(), now).await.unwrap();
    assert!(!view.verification.signature_valide && !view.verification.valide());
    // A did:web of another site cannot be resolved offline: said so, not valid.
    let mut elsewhere = signed.clone();
    elsewhere["issuer"]["id"] = json!("did:web:ailleurs.example");
    assert!(!service::check_pasted(&t.db, Some(&ours), &elsewhere.to_string(), now).await.unwrap().verification.emetteur_resolu);
    assert!(service::check_pasted(&t.db, Some(&ours), "pas du json", now).await.is_err());
    assert!(service::check_pasted(&t.db, Some(&ours), "{\"type\": [\"Autre\"]}", now).await.is_err());
    t.drop().await;
}
