//! Badges once issued (ssr only): the revocation list, revoking, the public page and its checks.
//! Issuing them from the roll call is `issue`'s.
use super::db::badge;
use super::issuer::Issuer;
use super::model::{BadgeView, Verification};
use super::proof;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum BadgeError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error(transparent)]
    Proof(#[from] proof::ProofError),
}

/// Entries of the revocation list (the minimum the specification asks, for privacy: 16 KB).
pub const STATUS_LIST_BITS: usize = 131_072;

/// Where the signed revocation list is served.
pub fn status_list_url(issuer: &Issuer) -> String {
    format!("{}/badges/statut", issuer.public_url)
}

/// The revocation bits (left-most first: bit `i` set when the badge with status index `i` is
/// revoked), as the database has them now.
async fn revocation_bits(db: &impl ConnectionTrait) -> Result<Vec<u8>, BadgeError> {
    let revoked: Vec<i32> = badge::Entity::find()
        .select_only()
        .column(badge::Column::StatusIndex)
        .filter(badge::Column::RevokedAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut bits = vec![0u8; STATUS_LIST_BITS / 8];
    for i in revoked.into_iter().filter_map(|i| usize::try_from(i).ok()).filter(|i| *i < STATUS_LIST_BITS) {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    Ok(bits)
}

/// The revocation list as a signed `BitstringStatusListCredential` (GZIP, then base64url,
/// multibase `u`). Signed once per change of its bits, and checked once when signed; until the
/// next revocation every request gets the same signed list (no signing work per request).
pub async fn status_list(db: &impl ConnectionTrait, issuer: &Issuer, now: DateTime<Utc>) -> Result<Value, BadgeError> {
    Ok(current_status(db, issuer, now).await?.list.as_ref().clone())
}

async fn current_status(
    db: &impl ConnectionTrait,
    issuer: &Issuer,
    now: DateTime<Utc>,
) -> Result<super::issuer::SignedStatus, BadgeError> {
    use std::io::Write;
    let bits = revocation_bits(db).await?;
    let digest: [u8; 32] = Sha256::digest(&bits).into();
    if let Some(s) = issuer.status.lock().ok().and_then(|s| s.clone()).filter(|s| s.digest == digest) {
        return Ok(s);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bits).map_err(|e| DbErr::Custom(e.to_string()))?;
    let zipped = gz.finish().map_err(|e| DbErr::Custom(e.to_string()))?;
    let url = status_list_url(issuer);
    let list = json!({
        "@context": [proof::CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did,
        "validFrom": now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "credentialSubject": {
            "id": format!("{url}#liste"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": multibase::encode(multibase::Base::Base64Url, zipped),
        },
    });
    let signed = proof::sign(list, issuer.signing_key(), &issuer.verification_method(), now).await?;
    // Checked once, as a verifier would, before it is served for every request.
    proof::verify(&signed, &issuer.verifying_key()).await?;
    let fresh =
        super::issuer::SignedStatus { digest, bits: std::sync::Arc::new(bits), list: std::sync::Arc::new(signed) };
    if let Ok(mut slot) = issuer.status.lock() {
        *slot = Some(fresh.clone());
    }
    Ok(fresh)
}

/// Whether the badge with status index `index` is revoked, read from our own signed list (the
/// list a verifier fetches; checked when it was signed).
async fn our_status_bit(
    db: &impl ConnectionTrait,
    issuer: &Issuer,
    index: usize,
    now: DateTime<Utc>,
) -> Result<bool, String> {
    let s = current_status(db, issuer, now).await.map_err(|e| e.to_string())?;
    let byte = s.bits.get(index / 8).ok_or("index de révocation hors de la liste")?;
    Ok(byte & (0x80 >> (index % 8)) != 0)
}

/// Whether bit `index` of a signed status list is set (after checking its signature).
pub async fn status_bit(list: &Value, key: &ed25519_dalek::VerifyingKey, index: usize) -> Result<bool, String> {
    use std::io::Read;
    proof::verify(list, key).await.map_err(|e| format!("liste de révocation : {e}"))?;
    let encoded = list["credentialSubject"]["encodedList"].as_str().ok_or("liste de révocation illisible")?;
    let (_, zipped) = multibase::decode(encoded).map_err(|_| "liste de révocation illisible")?;
    let mut bits = Vec::new();
    flate2::read::GzDecoder::new(zipped.as_slice())
        .read_to_end(&mut bits)
        .map_err(|_| "liste de révocation illisible")?;
    let byte = bits.get(index / 8).ok_or("index hors de la liste")?;
    Ok(byte & (0x80 >> (index % 8)) != 0)
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RevokeError {
    #[error("Ce badge n’existe pas.")]
    NotFound,
    #[error("Seuls les administrateurs de la structure qui a délivré ce badge peuvent le révoquer.")]
    Forbidden,
    #[error("Indiquez le motif de la révocation (300 caractères au plus).")]
    Motif,
    #[error("Le service est momentanément indisponible. Réessayez dans quelques minutes.")]
    Db,
}

/// Whether this professional may revoke badges of workshops of `structure_id`.
pub fn may_revoke(staff: &crate::auth::model::Staff, structure_id: &str) -> bool {
    use crate::auth::model::Role;
    staff.acts_for(structure_id) && matches!(staff.role, Role::Admin | Role::AdminStructure)
}

/// Revokes a badge with a reason: its bit is set in the list from now on.
pub async fn revoke(
    db: &DatabaseConnection,
    staff: &crate::auth::model::Staff,
    id: &str,
    motif: &str,
    now: DateTime<Utc>,
) -> Result<(), RevokeError> {
    let motif = motif.trim();
    if motif.is_empty() || motif.chars().count() > 300 {
        return Err(RevokeError::Motif);
    }
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(RevokeError::NotFound);
    }
    let db_err = |e: DbErr| {
        tracing::error!(error = %e, "revocation failed");
        RevokeError::Db
    };
    let b = badge::Entity::find_by_id(id.to_owned()).one(db).await.map_err(db_err)?.ok_or(RevokeError::NotFound)?;
    let structure_id = crate::socle::presences::structure_of_atelier(db, &b.atelier_id)
        .await
        .map_err(db_err)?
        .ok_or(RevokeError::NotFound)?;
    if !may_revoke(staff, &structure_id) {
        return Err(RevokeError::Forbidden);
    }
    badge::Entity::update_many()
        .col_expr(badge::Column::RevokedAt, sea_orm::sea_query::Expr::value(now))
        .col_expr(badge::Column::MotifRevocation, sea_orm::sea_query::Expr::value(motif))
        .filter(badge::Column::Id.eq(id))
        .filter(badge::Column::RevokedAt.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    tracing::info!(badge = %id, account = %staff.id, "badge revoked");
    Ok(())
}

/// Takes the next place in the status list (call it first in the issuing transaction).
pub(super) async fn next_status_index(db: &impl ConnectionTrait) -> Result<i32, DbErr> {
    let sql = "UPDATE badge_state SET next_index = next_index + 1 WHERE id = 1 RETURNING next_index";
    let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await?;
    row.and_then(|r| r.try_get::<i32>("", "next_index").ok())
        .map(|n| n - 1)
        .ok_or_else(|| DbErr::Custom("badge_state has no row".into()))
}

/// A stored badge and what a real verification of it says.
pub async fn view(
    db: &impl ConnectionTrait,
    issuer: Option<&Issuer>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Option<BadgeView>, DbErr> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Ok(None);
    }
    let Some(b) = badge::Entity::find_by_id(id.to_owned()).one(db).await? else { return Ok(None) };
    let credential: Value = serde_json::from_str(&b.credential).unwrap_or(Value::Null);
    let mut view = describe(&credential, now);
    view.id = b.id.clone();
    view.image = image_of(&credential).map(|_| format!("/badges/{}/image.svg", b.id));
    // Revocation as any verifier sees it: through the signed list served at the credential's URL.
    let status = &credential["credentialStatus"];
    let index = status["statusListIndex"].as_str().and_then(|i| i.parse::<usize>().ok());
    let revoked = match (issuer, status["statusListCredential"].as_str(), index) {
        (Some(i), Some(url), Some(index)) if url == status_list_url(i) => our_status_bit(db, i, index, now).await,
        _ => Err("la liste de révocation de ce badge est introuvable".to_owned()),
    };
    view.verification =
        verify(&credential, issuer, revoked, b.motif_revocation.clone(), now, proof::Origin::Ours).await;
    Ok(Some(view))
}

/// What the credential says, in plain French (no check here).
pub fn describe(c: &Value, _now: DateTime<Utc>) -> BadgeView {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let a = &c["credentialSubject"]["achievement"];
    let date = DateTime::parse_from_rfc3339(c["validFrom"].as_str().unwrap_or_default())
        .map(|d| crate::dates::jour(d.with_timezone(&Utc)))
        .unwrap_or_default();
    BadgeView {
        id: String::new(),
        titre: text(&a["name"]),
        description: text(&a["description"]),
        criteres: text(&a["criteria"]["narrative"]),
        competences: a["tag"].as_array().map(|l| l.iter().map(text).collect()).unwrap_or_default(),
        personne: text(&c["credentialSubject"]["name"]),
        date,
        emetteur: text(&c["issuer"]["name"]),
        // The issuer is an object with an `id`, or (as the data model allows) its bare URL.
        emetteur_id: c["issuer"].as_str().map(str::to_owned).unwrap_or_else(|| text(&c["issuer"]["id"])),
        verification: Verification::default(),
        image: None,
        peut_revoquer: false,
    }
}

/// The picture of one of our credentials (SVG).
pub fn image_of(c: &Value) -> Option<String> {
    crate::socle::badge_image::from_data_url(c["credentialSubject"]["achievement"]["image"]["id"].as_str()?)
}

/// The issuer's key, when its DID resolves without the network: Itinéraire's own `did:web`, or
/// any `did:key` (the key is in the identifier). The proof must name a key of that issuer.
pub fn resolve_key(c: &Value, issuer: Option<&Issuer>) -> Option<ed25519_dalek::VerifyingKey> {
    let issuer_id = c["issuer"]["id"].as_str().or_else(|| c["issuer"].as_str())?;
    let method = proof::split_proof(c).ok()?.1.get("verificationMethod")?.as_str()?.to_owned();
    if !method.starts_with(&format!("{issuer_id}#")) {
        return None;
    }
    match issuer {
        Some(i) if i.did == issuer_id => i.key_for(&method),
        _ => issuer_id.strip_prefix("did:key:").and_then(proof::parse_public_key_multibase),
    }
}

/// A credential pasted by anyone (ours or another issuer's), checked like our own badges.
pub async fn check_pasted(
    db: &impl ConnectionTrait,
    issuer: Option<&Issuer>,
    text: &str,
    now: DateTime<Utc>,
) -> Result<BadgeView, &'static str> {
    let c: Value = serde_json::from_str(text.trim())
        .map_err(|_| "Ce texte n’est pas un badge lisible : collez le contenu complet du fichier .json.")?;
    let is_credential = c["type"].as_array().is_some_and(|t| t.iter().any(|x| x == "VerifiableCredential"));
    if !is_credential {
        return Err("Ce fichier n’est pas un badge numérique (il n’est pas de type VerifiableCredential).");
    }
    let mut view = describe(&c, now);
    let status = &c["credentialStatus"];
    let revoked = match (issuer, status["statusListCredential"].as_str()) {
        (_, None) if status.is_null() => Ok(false),
        (_, None) => Err("type de liste de révocation non pris en charge".to_owned()),
        (Some(i), Some(url)) if url == status_list_url(i) => {
            let index = status["statusListIndex"].as_str().and_then(|x| x.parse::<usize>().ok());
            match index {
                Some(index) => our_status_bit(db, i, index, now).await,
                None => Err("index de révocation illisible".to_owned()),
            }
        }
        _ => Err("la liste de révocation d’un autre site n’est pas consultée".to_owned()),
    };
    view.verification = verify(&c, issuer, revoked, None, now, proof::Origin::Untrusted).await;
    view.verification.sans_liste = status.is_null();
    Ok(view)
}

/// The four checks an employer needs, each with its own line.
pub async fn verify(
    c: &Value,
    issuer: Option<&Issuer>,
    revoked: Result<bool, String>,
    motif: Option<String>,
    now: DateTime<Utc>,
    origin: proof::Origin,
) -> Verification {
    let key = resolve_key(c, issuer);
    let signature = match &key {
        Some(k) => proof::verify_from(c, k, origin).await.map_err(|e| e.to_string()),
        None => Err("la clé de l’émetteur est introuvable".to_owned()),
    };
    let date = |k: &str| c[k].as_str().and_then(|u| DateTime::parse_from_rfc3339(u).ok());
    let expired = date("validUntil").is_some_and(|u| u < now);
    let pas_encore_valable = date("validFrom").is_some_and(|f| f > now);
    Verification {
        signature_valide: signature.is_ok(),
        signature_detail: signature.err(),
        emetteur_resolu: key.is_some(),
        revoque: revoked == Ok(true),
        motif_revocation: motif.filter(|_| revoked == Ok(true)),
        statut_detail: revoked.err(),
        sans_liste: false,
        expire: expired,
        pas_encore_valable,
    }
}

/// The picture of a stored badge (SVG).
pub async fn badge_image(db: &impl ConnectionTrait, id: &str) -> Result<Option<String>, DbErr> {
    let Some(json) = credential_json(db, id).await? else { return Ok(None) };
    Ok(serde_json::from_str(&json).ok().and_then(|c: Value| image_of(&c)))
}

/// The signed credential as issued (for download).
pub async fn credential_json(db: &impl ConnectionTrait, id: &str) -> Result<Option<String>, DbErr> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Ok(None);
    }
    Ok(badge::Entity::find_by_id(id.to_owned()).one(db).await?.map(|b| b.credential))
}

/// The badge issued for a registration, if any (its id).
pub async fn badge_of(db: &impl ConnectionTrait, inscription_id: &str) -> Result<Option<String>, DbErr> {
    Ok(badge::Entity::find().filter(badge::Column::InscriptionId.eq(inscription_id)).one(db).await?.map(|b| b.id))
}

/// The structure whose workshop awarded a badge.
pub async fn structure_of(db: &impl ConnectionTrait, badge_id: &str) -> Result<Option<String>, DbErr> {
    let Some(b) = badge::Entity::find_by_id(badge_id.to_owned()).one(db).await? else { return Ok(None) };
    crate::socle::presences::structure_of_atelier(db, &b.atelier_id).await
}
