//! Proofs: what we sign verifies; any change to the content or the signature does not.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use super::db::{badge, contact};
use super::issue;
use super::issuer::Issuer;
use super::proof::{self, ProofError};
use super::service;
use super::wallet;
use crate::auth::model::Role;
use crate::db::testing::TestDb;
use crate::socle::inscriptions::register;
use crate::socle::inscriptions::Registration;
use crate::socle::{appel, ateliers, seances};
use crate::test_support::{atelier_of, last_message, load_sample, session_at, staff_of};
use chrono::{Duration, Utc};
use ed25519_dalek::SigningKey;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};
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
    assert_eq!(
        (p["cryptosuite"].as_str(), p["proofPurpose"].as_str()),
        (Some("eddsa-rdfc-2022"), Some("assertionMethod"))
    );
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
    let did_doc = proof::did_document(did, &[key.verifying_key()]);
    let signed =
        proof::sign(sample_credential(), &key, &proof::method_id(did, &key.verifying_key()), chrono::Utc::now())
            .await
            .unwrap();
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
    let seance =
        seances::create_seance(db, &staff, &atelier, session_at(now + Duration::days(1), 5), now).await.unwrap();
    let lea = Registration {
        prenom: "Léa".into(),
        nom: "Martin".into(),
        telephone: None,
        courriel: Some("lea@example.org".into()),
        attente: false,
        langue: Default::default(),
    };
    register(db, &seance, &lea, now).await.unwrap();
    let during = now + Duration::days(1) + Duration::hours(1);
    let list = appel::inscrits(db, &staff, &seance, during).await.unwrap();
    let marks = vec![(list.personnes[0].id.clone(), "present".to_string())];
    appel::roll_call(db, &staff, &seance, &marks, during).await.unwrap();
    during
}

#[tokio::test]
async fn the_roll_call_issues_one_verifiable_badge_per_attendance_and_sends_its_link() {
    for t in TestDb::all().await {
        let b = t.backend();
        let when = attended(&t.db).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        // Two issuers at once (two servers): still one badge.
        let (x, y) =
            tokio::join!(issue::issue_pending(&t.db, &issuer, when), issue::issue_pending(&t.db, &issuer, when));
        assert_eq!(x.unwrap() + y.unwrap(), 1, "{b}");
        assert_eq!(issue::issue_pending(&t.db, &issuer, when).await.unwrap(), 0, "{b}");
        let stored = badge::Entity::find().all(&t.db).await.unwrap();
        assert_eq!(stored.len(), 1, "{b}");
        let credential: Value = serde_json::from_str(&stored[0].credential).unwrap();
        // The e-mail is only there hashed with a salt.
        assert!(!stored[0].credential.contains("lea@example.org"), "{b}");
        let id = &credential["credentialSubject"]["identifier"][0];
        let hash = issue::identity_hash("lea@example.org", id["salt"].as_str().unwrap());
        assert_eq!(id["identityHash"].as_str(), Some(hash.as_str()), "{b}");
        assert_eq!(credential["issuer"]["id"], json!("did:web:itineraire.example"), "{b}");

        let view = service::view(&t.db, Some(&issuer), &stored[0].id, when).await.unwrap().unwrap();
        assert_eq!((view.titre.as_str(), view.personne.as_str()), ("Faire son CV", "Léa Martin"), "{b}");
        assert!(view.verification.valide(), "{b}: {:?}", view.verification);
        // Not yet valid before it was issued, like for any verifier.
        let before =
            service::view(&t.db, Some(&issuer), &stored[0].id, when - Duration::days(1)).await.unwrap().unwrap();
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

        // The person receives a private link to "Mes badges", where the badge is.
        let sent = crate::outbox::entity::Entity::find().all(&t.db).await.unwrap();
        let badge_msg = sent.iter().find(|m| m.kind == "porte_badges").expect("badge message");
        assert_eq!(
            (badge_msg.destinataire.as_str(), badge_msg.sujet.as_str()),
            ("lea@example.org", "Votre badge : Faire son CV"),
            "{b}"
        );
        let token = badge_msg.lien.as_deref().unwrap().strip_prefix("/mes-badges/").unwrap();
        let mine = wallet::mes_badges(&t.db, token, "https://itineraire.example", when).await.unwrap().unwrap();
        assert_eq!(mine.badges.len(), 1, "{b}");
        assert_eq!(mine.badges[0].lien, format!("https://itineraire.example/badges/{}", stored[0].id), "{b}");
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
    issue::issue_pending(&t.db, &issuer, Utc::now()).await.unwrap();
    let stored = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
    let credential: Value = serde_json::from_str(&stored.credential).unwrap();
    let answer =
        independent(json!({"action": "verify", "credential": credential, "didDocument": issuer.did_document()}));
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
    let method = format!("did:web:127.0.0.1%3A3000#{}", proof::public_key_multibase(&public));
    assert_eq!(issuer.did_document()["verificationMethod"][0]["id"], json!(method));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn revoking_sets_the_badges_bit_in_the_signed_list_and_the_page_says_so() {
    for t in TestDb::all().await {
        let b = t.backend();
        let when = attended(&t.db).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
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
        assert_eq!(
            service::revoke(&t.db, &referent, &stored.id, "erreur", when).await,
            Err(service::RevokeError::Forbidden),
            "{b}"
        );
        assert_eq!(
            service::revoke(&t.db, &other_admin, &stored.id, "erreur", when).await,
            Err(service::RevokeError::Forbidden),
            "{b}"
        );
        assert_eq!(
            service::revoke(&t.db, &admin, &stored.id, " ", when).await,
            Err(service::RevokeError::Motif),
            "{b}"
        );
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
    let answer = independent(
        json!({"action": "sign", "credential": sample_credential(), "did": "did:key", "seed": vec![4u8; 32]}),
    );
    let signed = answer["credential"].clone();
    assert!(signed["issuer"]["id"].as_str().unwrap().starts_with("did:key:z6Mk"), "{signed}");
    let ours = Issuer::new(test_key(), "https://itineraire.example");
    let now = Utc::now();
    let view = service::check_pasted(&t.db, Some(&ours), &signed.to_string(), now).await.unwrap();
    assert!(view.verification.valide(), "{:?}", view.verification);
    assert_eq!(view.titre, "Faire son CV");
    // It names no revocation list: said so, rather than « checked ».
    assert!(signed["credentialStatus"].is_null() && view.verification.sans_liste);
    let mut odd_status = signed.clone();
    odd_status["credentialStatus"] = json!({"type": "StatutInconnu2031"});
    let view = service::check_pasted(&t.db, Some(&ours), &odd_status.to_string(), now).await.unwrap();
    assert!(!view.verification.sans_liste && view.verification.statut_detail.is_some(), "{:?}", view.verification);
    let mut tampered = signed.clone();
    tampered["credentialSubject"]["achievement"]["name"] = json!("Faire son CW");
    let view = service::check_pasted(&t.db, Some(&ours), &tampered.to_string(), now).await.unwrap();
    assert!(!view.verification.signature_valide && !view.verification.valide());
    // A did:web of another site cannot be resolved offline: said so, not valid.
    let mut elsewhere = signed.clone();
    elsewhere["issuer"]["id"] = json!("did:web:ailleurs.example");
    assert!(
        !service::check_pasted(&t.db, Some(&ours), &elsewhere.to_string(), now)
            .await
            .unwrap()
            .verification
            .emetteur_resolu
    );
    assert!(service::check_pasted(&t.db, Some(&ours), "pas du json", now).await.is_err());
    assert!(service::check_pasted(&t.db, Some(&ours), "{\"type\": [\"Autre\"]}", now).await.is_err());
    t.drop().await;
}

/// Registers `who` at a new session of `atelier` on day `day` and marks them present at it;
/// returns the time of the roll call.
async fn attend(
    db: &DatabaseConnection,
    staff: &crate::auth::model::Staff,
    atelier: &str,
    who: &Registration,
    day: i64,
) -> chrono::DateTime<Utc> {
    let now = Utc::now();
    let seance =
        seances::create_seance(db, staff, atelier, session_at(now + Duration::days(day), 5), now).await.unwrap();
    register(db, &seance, who, now).await.unwrap();
    let during = now + Duration::days(day) + Duration::hours(1);
    let list = appel::inscrits(db, staff, &seance, during).await.unwrap();
    let marks: Vec<_> = list.personnes.iter().map(|p| (p.id.clone(), "present".to_string())).collect();
    appel::roll_call(db, staff, &seance, &marks, during).await.unwrap();
    during
}

fn person(telephone: Option<&str>, courriel: Option<&str>) -> Registration {
    Registration {
        prenom: "Samir".into(),
        nom: "Haddad".into(),
        telephone: telephone.map(Into::into),
        courriel: courriel.map(Into::into),
        attente: false,
        langue: Default::default(),
    }
}

/// The private links sent so far (newest last).
async fn wallet_links(db: &DatabaseConnection) -> Vec<(String, String)> {
    use sea_orm::QueryOrder;
    crate::outbox::entity::Entity::find()
        .order_by_asc(crate::outbox::entity::Column::CreatedAt)
        .order_by_asc(crate::outbox::entity::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "porte_badges")
        .map(|m| (m.destinataire, m.lien.unwrap().trim_start_matches("/mes-badges/").to_owned()))
        .collect()
}

#[tokio::test]
async fn one_wallet_gathers_a_persons_badges_and_a_lost_link_can_be_sent_again() {
    for t in TestDb::all().await {
        let b = t.backend();
        load_sample(&t.db).await;
        let staff = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let atelier = atelier_of(&t.db, &staff).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        let url = "https://itineraire.example";
        // First workshop with a mobile, second with the same mobile (typed differently) and an
        // e-mail, third with the e-mail only: one wallet, three badges.
        let when = attend(&t.db, &staff, &atelier, &person(Some("06 12 34 56 78"), None), 1).await;
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
        let when = attend(&t.db, &staff, &atelier, &person(Some("06 12 34 56 78"), Some("samir@example.org")), 2).await;
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
        let when = attend(&t.db, &staff, &atelier, &person(None, Some("samir@example.org")), 3).await;
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
        // Someone else: their own wallet.
        let when = attend(&t.db, &staff, &atelier, &person(Some("07 00 00 00 01"), None), 4).await;
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();

        let links = wallet_links(&t.db).await;
        assert_eq!(links.len(), 4, "{b}: {links:?}");
        assert_eq!(links[0].0, "06 12 34 56 78", "{b}: the link goes by SMS when there is a mobile");
        assert_eq!(links[2].0, "samir@example.org", "{b}");
        for (_, token) in &links[..3] {
            let mine = wallet::mes_badges(&t.db, token, url, when).await.unwrap().unwrap();
            assert_eq!(mine.badges.len(), 3, "{b}: every link shows all of Samir's badges");
            assert!(mine.badges.iter().all(|x| x.titre == "Faire son CV" && !x.revoque), "{b}");
        }
        let other = wallet::mes_badges(&t.db, &links[3].1, url, when).await.unwrap().unwrap();
        assert_eq!(other.badges.len(), 1, "{b}");
        assert!(wallet::mes_badges(&t.db, "jeton-inconnu", url, when).await.unwrap().is_none(), "{b}");
        // No contact is stored in clear in the wallet tables.
        let hashes = contact::Entity::find().all(&t.db).await.unwrap();
        assert_eq!(hashes.len(), 3, "{b}");
        // (The whole number: a hex digest contains "0612" by chance about once in 300 runs.)
        assert!(
            hashes.iter().all(|h| h.contact_hash.len() == 64
                && !h.contact_hash.contains("0612345678")
                && !h.contact_hash.contains("samir")),
            "{b}"
        );

        // Lost link: the e-mail gets a new one that opens the same wallet…
        assert_eq!(
            wallet::request_link(&t.db, " Samir@Example.org ", crate::i18n::Langue::Fr, when).await.unwrap(),
            Ok(()),
            "{b}"
        );
        let again = wallet_links(&t.db).await;
        assert_eq!(again.len(), 5, "{b}");
        assert_eq!(again[4].0, "samir@example.org", "{b}");
        assert_eq!(wallet::mes_badges(&t.db, &again[4].1, url, when).await.unwrap().unwrap().badges.len(), 3, "{b}");
        // …an unknown contact gets nothing (and the answer is the same)…
        assert_eq!(
            wallet::request_link(&t.db, "06 99 99 99 99", crate::i18n::Langue::Fr, when).await.unwrap(),
            Ok(()),
            "{b}"
        );
        assert_eq!(wallet_links(&t.db).await.len(), 5, "{b}");
        // …and something that is no contact is refused with a French message.
        assert_eq!(
            wallet::request_link(&t.db, "05 61 00 00 00", crate::i18n::Langue::Fr, when).await.unwrap(),
            Err(wallet::CONTACT_MESSAGE),
            "{b}"
        );
        assert_eq!(
            wallet::request_link(&t.db, "pas-un-mail@", crate::i18n::Langue::Fr, when).await.unwrap(),
            Err(wallet::CONTACT_MESSAGE),
            "{b}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn the_badge_says_what_the_organiser_declared_with_its_picture() {
    for t in TestDb::all().await {
        let b = t.backend();
        load_sample(&t.db).await;
        let staff = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let atelier = atelier_of(&t.db, &staff).await;
        let stored = crate::socle::db::atelier::Entity::find_by_id(atelier.clone()).one(&t.db).await.unwrap().unwrap();
        let mut fields = ateliers::atelier_values(&stored);
        for (k, v) in [
            ("badge_nom", "Mon CV est prêt"),
            ("badge_description", "Sait présenter son parcours dans un CV d’une page."),
            ("badge_criteres", "Avoir écrit son CV pendant l’atelier."),
            ("badge_image", "violet"),
        ] {
            fields.retain(|(key, _)| key != k);
            fields.push((k.into(), v.into()));
        }
        let form: ateliers::AtelierForm = crate::ui::form::parse_fields(&fields).unwrap();
        let content = ateliers::validate_atelier(&t.db, &form).await.unwrap();
        ateliers::update_atelier(&t.db, &staff, &atelier, stored.version, Some(content), None, Utc::now())
            .await
            .unwrap();

        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        let when = attend(&t.db, &staff, &atelier, &person(None, Some("samir@example.org")), 1).await;
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
        let row = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
        let c: Value = serde_json::from_str(&row.credential).unwrap();
        let a = &c["credentialSubject"]["achievement"];
        assert_eq!(c["name"], json!("Mon CV est prêt"), "{b}");
        assert_eq!(a["criteria"]["narrative"], json!("Avoir écrit son CV pendant l’atelier."), "{b}");
        assert_eq!(a["description"], json!("Sait présenter son parcours dans un CV d’une page."), "{b}");
        let svg = service::image_of(&c).expect("picture");
        assert!(svg.contains("#6d28d9") && svg.contains(">MC<"), "{b}: {svg}");
        let view = service::view(&t.db, Some(&issuer), &row.id, when).await.unwrap().unwrap();
        assert!(view.verification.valide(), "{b}: {:?}", view.verification);
        assert_eq!(view.image, Some(format!("/badges/{}/image.svg", row.id)), "{b}");

        // A colour that is not offered, a name too short: French messages, nothing saved.
        let mut bad = fields.clone();
        bad.retain(|(k, _)| k != "badge_image" && k != "badge_nom");
        bad.push(("badge_image".into(), "fuchsia".into()));
        bad.push(("badge_nom".into(), "CV".into()));
        let bad: ateliers::AtelierForm = crate::ui::form::parse_fields(&bad).unwrap();
        let Err(crate::error::EditError::Invalid(errors)) = ateliers::validate_atelier(&t.db, &bad).await else {
            panic!("{b}: refused")
        };
        let keys: Vec<&str> = errors.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["badge_nom", "badge_image"], "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn after_a_key_rotation_old_badges_still_verify_and_new_ones_use_the_new_key() {
    let t = TestDb::sqlite().await;
    let when = attended(&t.db).await;
    let old = Issuer::new(test_key(), "https://itineraire.example");
    // Issued now: valid from now for the independent verifier too.
    issue::issue_pending(&t.db, &old, Utc::now()).await.unwrap();
    let stored = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
    let old_public = proof::public_key_multibase(&old.verifying_key());

    // New key: without the old public key, the old badge no longer verifies…
    let new_key = SigningKey::from_bytes(&[11u8; 32]);
    let bare = Issuer::new(new_key.clone(), "https://itineraire.example");
    let view = service::view(&t.db, Some(&bare), &stored.id, when).await.unwrap().unwrap();
    assert!(!view.verification.emetteur_resolu);
    // …with it published, it does, and the DID document lists both keys, the new one first.
    let rotated =
        Issuer::new(new_key, "https://itineraire.example").with_retired(std::slice::from_ref(&old_public)).unwrap();
    let view = service::view(&t.db, Some(&rotated), &stored.id, when).await.unwrap().unwrap();
    assert!(view.verification.valide(), "{:?}", view.verification);
    let doc = rotated.did_document();
    assert_eq!(doc["verificationMethod"].as_array().unwrap().len(), 2);
    assert_eq!(doc["verificationMethod"][1]["publicKeyMultibase"], json!(old_public));
    assert_eq!(doc["assertionMethod"][0], json!(rotated.verification_method()));
    // The independent verifier agrees, with the rotated DID document.
    let credential: Value = serde_json::from_str(&stored.credential).unwrap();
    let answer = independent(json!({"action": "verify", "credential": credential, "didDocument": doc}));
    assert_eq!(answer["verified"], json!(true), "{answer}");
    assert!(Issuer::new(test_key(), "https://x.example").with_retired(&["zpas-une-cle".into()]).is_err());
    t.drop().await;
}

#[tokio::test]
async fn the_verifier_page_answers_odd_input_with_a_verdict_and_never_fetches() {
    let t = TestDb::sqlite().await;
    let ours = Issuer::new(test_key(), "https://itineraire.example");
    let now = Utc::now();
    let key = test_key();
    let signed = proof::sign(
        sample_credential(),
        &key,
        &proof::method_id("did:web:itineraire.example", &key.verifying_key()),
        now,
    )
    .await
    .unwrap();
    let mut unknown_context = signed.clone();
    unknown_context["@context"] = json!([proof::CREDENTIALS_V2, "https://ailleurs.example/contexte-inconnu.jsonld"]);
    let mut wrong_types = signed.clone();
    wrong_types["issuer"] = json!(42);
    wrong_types["credentialSubject"] = json!("texte");
    wrong_types["validFrom"] = json!(["pas", "une", "date"]);
    let mut elsewhere = signed.clone();
    elsewhere["issuer"]["id"] = json!("did:web:169.254.169.254");
    let mut status_elsewhere = signed.clone();
    status_elsewhere["credentialStatus"] = json!({"type": "BitstringStatusListEntry", "statusListCredential": "https://ailleurs.example/statut", "statusListIndex": "3"});
    for (name, c) in [
        ("unknown context", unknown_context),
        ("wrong types", wrong_types),
        ("did:web elsewhere", elsewhere),
        ("status elsewhere", status_elsewhere),
    ] {
        // No network here: a fetch would fail the test by hanging or erroring, not pass it.
        let view = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            service::check_pasted(&t.db, Some(&ours), &c.to_string(), now),
        )
        .await
        .expect(name)
        .expect(name);
        assert!(!view.verification.valide(), "{name}: {:?}", view.verification);
    }
    for text in ["", "null", "[]", "42", "{\"type\": \"VerifiableCredential\"}", &"{".repeat(10_000)] {
        assert!(service::check_pasted(&t.db, Some(&ours), text, now).await.is_err(), "{text:.20}");
    }
    t.drop().await;
}

#[tokio::test]
async fn the_independent_verifier_reads_our_signed_revocation_list() {
    let t = TestDb::sqlite().await;
    attended(&t.db).await;
    // Issued and listed now: the independent verifier checks `validFrom` against its clock.
    let when = Utc::now();
    let issuer = Issuer::new(test_key(), "https://itineraire.example");
    issue::issue_pending(&t.db, &issuer, when).await.unwrap();
    let stored = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
    let credential: Value = serde_json::from_str(&stored.credential).unwrap();
    let did_doc = issuer.did_document();
    let ask = |list: Value| {
        independent(json!({"action": "verify", "credential": credential, "didDocument": did_doc, "statusList": list}))
    };
    // Not revoked: the list's proof holds and the badge's bit is 0.
    let before = service::status_list(&t.db, &issuer, when).await.unwrap();
    let answer = ask(before.clone());
    assert_eq!(
        (answer["verified"].clone(), answer["status"]["revoked"].clone()),
        (json!(true), json!(false)),
        "{answer}"
    );
    // Revoked: the same badge, the new list: refused by the independent verifier too.
    let admin = staff_of(&t.db, "mobil-comminges", Role::AdminStructure).await;
    service::revoke(&t.db, &admin, &stored.id, "Présence notée par erreur", when).await.unwrap();
    let list = service::status_list(&t.db, &issuer, when).await.unwrap();
    let answer = ask(list.clone());
    assert_eq!(
        (answer["verified"].clone(), answer["status"]["revoked"].clone()),
        (json!(false), json!(true)),
        "{answer}"
    );
    // A list changed on the way (the bit cleared by someone else) fails its own proof there.
    let mut forged = list;
    forged["credentialSubject"]["encodedList"] = before["credentialSubject"]["encodedList"].clone();
    let answer = ask(forged);
    assert_eq!(
        (answer["verified"].clone(), answer["status"]["verified"].clone()),
        (json!(false), json!(false)),
        "{answer}"
    );
    t.drop().await;
}

#[tokio::test]
async fn the_revocation_list_is_signed_once_per_change_not_per_request() {
    for t in TestDb::all().await {
        let b = t.backend();
        let when = attended(&t.db).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
        let first = service::status_list(&t.db, &issuer, when).await.unwrap();
        // Asked again later, nothing revoked meanwhile: the very list signed before (its date too).
        let again = service::status_list(&t.db, &issuer, when + Duration::hours(5)).await.unwrap();
        assert_eq!(first, again, "{b}");
        // Timed: a served list costs no signing (the first signs and checks it: a canonicalisation each).
        let started = std::time::Instant::now();
        for _ in 0..50 {
            service::status_list(&t.db, &issuer, when).await.unwrap();
        }
        let per_request = started.elapsed() / 50;
        assert!(per_request < std::time::Duration::from_millis(20), "{b}: {per_request:?} a request");
        // A revocation changes the bits: a new list, signed once, with the bit set.
        let stored = badge::Entity::find().one(&t.db).await.unwrap().unwrap();
        let admin = staff_of(&t.db, "mobil-comminges", Role::AdminStructure).await;
        service::revoke(&t.db, &admin, &stored.id, "Présence notée par erreur", when).await.unwrap();
        let changed = service::status_list(&t.db, &issuer, when + Duration::hours(6)).await.unwrap();
        assert_ne!(changed, first, "{b}");
        let index: usize = serde_json::from_str::<Value>(&stored.credential).unwrap()["credentialStatus"]
            ["statusListIndex"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(service::status_bit(&changed, &issuer.verifying_key(), index).await.unwrap(), "{b}");
        let page = service::view(&t.db, Some(&issuer), &stored.id, when).await.unwrap().unwrap();
        assert!(page.verification.revoque, "{b}");
        t.drop().await;
    }
}

/// A clique of blank nodes each pointing to all the others: told apart by nothing but their
/// links, the « poison graph » RDFC-1.0's specification warns about.
fn poison(n: usize) -> Value {
    let nodes: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("_:n{i}"), "https://example.org/lien": (0..n).filter(|j| *j != i).map(|j| json!({"id": format!("_:n{j}")})).collect::<Vec<_>>()}))
        .collect();
    json!({"@context": [proof::CREDENTIALS_V2], "type": ["VerifiableCredential"], "evidence": nodes})
}

#[tokio::test]
async fn hostile_documents_are_refused_quickly_never_crash_the_server() {
    let cases: Vec<(&str, Value)> = vec![
        ("poison clique of 12", poison(12)),
        ("poison clique of 40", poison(40)),
        ("too deep", (0..200).fold(json!("fin"), |inner, _| json!({"a": inner}))),
        (
            "too many statements",
            json!({"@context": [proof::CREDENTIALS_V2], "type": ["VerifiableCredential"],
                   "evidence": (0..3000).map(|i| json!({"nom": format!("preuve {i}")})).collect::<Vec<_>>()}),
        ),
    ];
    for (what, doc) in cases {
        let started = std::time::Instant::now();
        let result = proof::canonical_from(&doc, proof::Origin::Untrusted).await;
        let took = started.elapsed();
        assert!(matches!(result, Err(ProofError::TooComplex(_))), "{what}: {result:?}");
        assert!(took < proof::DEADLINE + std::time::Duration::from_millis(500), "{what}: {took:?}");
    }
    // A real badge still goes through.
    let key = test_key();
    let method = proof::method_id("did:web:itineraire.example", &key.verifying_key());
    let signed = proof::sign(sample_credential(), &key, &method, Utc::now()).await.unwrap();
    assert_eq!(proof::verify(&signed, &key.verifying_key()).await, Ok(()));
}

#[tokio::test]
async fn a_wallet_link_dies_after_180_days_or_when_its_holder_closes_it() {
    use super::wallet::{self, LINK_DAYS};
    for t in TestDb::all().await {
        let b = t.backend();
        let when = attended(&t.db).await;
        let issuer = Issuer::new(test_key(), "https://itineraire.example");
        issue::issue_pending(&t.db, &issuer, when).await.unwrap();
        let link = last_message(&t.db, "porte_badges", "lea@example.org").await.unwrap().lien.unwrap();
        let token = link.trim_start_matches("/mes-badges/").to_owned();
        let url = "https://itineraire.example";
        assert!(
            wallet::mes_badges(&t.db, &token, url, when + Duration::days(LINK_DAYS - 1)).await.unwrap().is_some(),
            "{b}"
        );
        assert!(
            wallet::mes_badges(&t.db, &token, url, when + Duration::days(LINK_DAYS + 1)).await.unwrap().is_none(),
            "{b}"
        );
        assert_eq!(wallet::purge_links(&t.db, when + Duration::days(LINK_DAYS - 1)).await.unwrap(), 0, "{b}");
        // Closed by its holder: every link to the wallet stops; a new one is asked for by contact.
        wallet::request_link(&t.db, "lea@example.org", crate::i18n::Langue::Fr, when).await.unwrap().unwrap();
        let fresh = last_message(&t.db, "porte_badges", "lea@example.org").await.unwrap().lien.unwrap();
        let fresh = fresh.trim_start_matches("/mes-badges/").to_owned();
        assert!(wallet::revoke_links(&t.db, &token, when).await.unwrap(), "{b}");
        assert!(wallet::mes_badges(&t.db, &token, url, when).await.unwrap().is_none(), "{b}");
        assert!(wallet::mes_badges(&t.db, &fresh, url, when).await.unwrap().is_none(), "{b}: all of them");
        assert!(!wallet::revoke_links(&t.db, &token, when).await.unwrap(), "{b}");
        wallet::request_link(&t.db, "lea@example.org", crate::i18n::Langue::Fr, when).await.unwrap().unwrap();
        let newest = last_message(&t.db, "porte_badges", "lea@example.org").await.unwrap().lien.unwrap();
        assert!(
            wallet::mes_badges(&t.db, newest.trim_start_matches("/mes-badges/"), url, when).await.unwrap().is_some(),
            "{b}"
        );
        t.drop().await;
    }
}

/// The wallet's French refusal, which the pages show translated, stays the words of the
/// « badges-erreur-contact » message.
#[test]
fn the_wallets_refusal_is_the_translated_message_in_french() {
    use crate::i18n::{tr, Langue};
    assert_eq!(tr(Langue::Fr, "badges-erreur-contact", &[]), wallet::CONTACT_MESSAGE);
}
