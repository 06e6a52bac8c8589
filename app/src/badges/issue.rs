//! Issuing badges from the roll call (ssr only): one signed OpenBadgeCredential per attendance,
//! the person's « Mes badges » link sent with it.
use super::db::badge;
use super::issuer::Issuer;
use super::proof;
use super::service::{next_status_index, status_list_url, BadgeError, STATUS_LIST_BITS};
use crate::outbox;
use crate::socle::presences::{AtelierBadge, Participant};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, QuerySelect, SqlErr, TransactionTrait};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// Badges issued per call at most (the rest at the next call).
const BATCH: u64 = 50;

/// `sha256$<hex>` of the identity followed by the salt (Open Badges `IdentityObject`).
pub fn identity_hash(identity: &str, salt: &str) -> String {
    let digest = Sha256::digest(format!("{identity}{salt}").as_bytes());
    format!("sha256${}", digest.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// The person's e-mail, or their mobile number in international form (+33…).
fn identity(i: &Participant) -> Option<(&'static str, String)> {
    if let Some(c) = &i.courriel {
        return Some(("emailAddress", c.clone()));
    }
    Some(("identifier", crate::outbox::contact::international(i.telephone.as_deref()?)))
}

/// The unsigned OpenBadgeCredential of one attendance.
fn credential(
    issuer: &Issuer,
    id: &str,
    index: i32,
    i: &Participant,
    a: &AtelierBadge,
    structure: &str,
    now: DateTime<Utc>,
) -> Result<Value, DbErr> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| DbErr::Custom(format!("random: {e}")))?;
    let salt = URL_SAFE_NO_PAD.encode(salt);
    let name = a.badge_nom.clone().unwrap_or_else(|| a.titre.clone());
    let description = a
        .badge_description
        .clone()
        .unwrap_or_else(|| format!("A participé à l’atelier « {} » organisé par {structure}.", a.titre));
    let criteres = a.badge_criteres.clone().unwrap_or_else(|| {
        format!("Être présent à l’atelier « {} », noté par l’organisateur lors de l’appel.", a.titre)
    });
    let mut subject = json!({
        "type": ["AchievementSubject"],
        "name": format!("{} {}", i.prenom, i.nom),
        "achievement": {
            "id": format!("{}/ateliers/succes/{}", issuer.public_url, a.id),
            "type": ["Achievement"],
            "name": name,
            "description": description,
            "criteria": {"narrative": criteres},
            "image": {"id": crate::socle::badge_image::data_url(&a.badge_image, &name), "type": "Image", "caption": format!("Badge « {name} »")},
            "tag": a.competences,
            "inLanguage": "fr",
        },
    });
    if let Some((kind, who)) = identity(i) {
        subject["identifier"] = json!([{
            "type": "IdentityObject",
            "identityType": kind,
            "hashed": true,
            "identityHash": identity_hash(&who, &salt),
            "salt": salt,
        }]);
    }
    Ok(json!({
        "@context": [proof::CREDENTIALS_V2, proof::OB_V3],
        "id": format!("{}/badges/{id}", issuer.public_url),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer.did, "type": ["Profile"], "name": "Itinéraire", "url": issuer.public_url},
        "validFrom": now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "name": name,
        "credentialSubject": subject,
        "credentialStatus": {
            "id": format!("{}#{index}", status_list_url(issuer)),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": index.to_string(),
            "statusListCredential": status_list_url(issuer),
        },
    }))
}

/// Issues a badge for every attendance (marked present at the roll call) that has none yet, and
/// sends each person the link. Returns how many were issued.
pub async fn issue_pending(db: &DatabaseConnection, issuer: &Issuer, now: DateTime<Utc>) -> Result<usize, BadgeError> {
    let done = badge::Entity::find().select_only().column(badge::Column::InscriptionId);
    let pending = crate::socle::presences::present_without(db, sea_orm::QueryTrait::into_query(done), BATCH).await?;
    let mut issued = 0;
    // A public site never signs the demo's fictional attendees (`….invalid`) with its real key.
    let production = issuer.public_url.starts_with("https://");
    for (i, a) in pending {
        if production && i.courriel.as_deref().is_some_and(crate::outbox::undeliverable) {
            continue;
        }
        let structure = crate::organisation::service::nom(db, &a.structure_id).await?.unwrap_or_default();
        let id = uuid::Uuid::new_v4().to_string();
        let txn = db.begin().await?;
        let index = next_status_index(&txn).await?;
        if index >= STATUS_LIST_BITS as i32 {
            txn.rollback().await?;
            return Err(BadgeError::Db(DbErr::Custom("the status list is full: add a second list".into())));
        }
        let unsigned = credential(issuer, &id, index, &i, &a, &structure, now)?;
        let name = unsigned["name"].as_str().unwrap_or_default().to_owned();
        let signed = proof::sign(unsigned, issuer.signing_key(), &issuer.verification_method(), now).await?;
        let wallet = super::wallet::attach(&txn, i.telephone.as_deref(), i.courriel.as_deref(), now).await?;
        let row = badge::ActiveModel {
            id: Set(id.clone()),
            inscription_id: Set(i.id.clone()),
            atelier_id: Set(a.id.clone()),
            credential: Set(signed.to_string()),
            status_index: Set(index),
            issued_at: Set(now),
            revoked_at: Set(None),
            motif_revocation: Set(None),
            porte_badges_id: Set(wallet.as_ref().map(|(w, _)| w.clone())),
        };
        if let Err(e) = badge::Entity::insert(row).exec_without_returning(&txn).await {
            txn.rollback().await?;
            // Another server issued it meanwhile (or took that index): the next call sees it.
            if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
                continue;
            }
            return Err(e.into());
        }
        let to = outbox::to_person(i.telephone.as_deref(), i.courriel.as_deref());
        if let (Some((canal, destinataire)), Some((_, token))) = (to, wallet) {
            // What she earned by attending (the roll call is taken during the session): at once.
            let m = super::wallet::link_message(canal, destinataire, &token, Some(&name), i.langue)
                .about(format!("inscription:{}", i.id))
                .structure(Some(a.structure_id.clone()));
            outbox::enqueue(&txn, m, now).await?;
        }
        txn.commit().await?;
        issued += 1;
    }
    Ok(issued)
}
