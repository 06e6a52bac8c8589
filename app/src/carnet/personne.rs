//! The person's own access to their carnet (ssr only): a six-digit code sent to the phone or
//! e-mail written in the carnet (through the outbox), short-lived, single-use, five tries; then a
//! server-side session. What the person may change: their contact details, their own words on
//! each theme. They see who follows them and who read their carnet, and take all their data.
use super::acces::Author;
use super::db::{carnet, diagnostic, historique, lecture, personne_code as code, personne_session as session};
use super::{diagnostic as diag, identite, membres, page};
use crate::error::EditError;
use crate::outbox::{self, Canal, Message};
use crate::token::{new_token, token_hash};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use serde_json::json;

pub const COOKIE: &str = "itineraire_personne";
pub const CODE_MINUTES: i64 = 10;
pub const MAX_ATTEMPTS: i32 = 5;
/// Codes sent at most per carnet in a quarter of an hour (each may cost an SMS).
pub const CODES_PER_QUARTER: u64 = 3;
pub const SESSION_HOURS: i64 = 2;

pub const TOO_MANY: &str =
    "Trop de demandes depuis cette connexion. Réessayez dans une heure, ou appelez votre référent.";
pub const CONFLICT_MESSAGE: &str =
    "Votre référent a modifié votre carnet pendant que vous écriviez. Votre texte n’est pas encore \
    enregistré : vérifiez ce qui a changé (indiqué sous le champ), puis enregistrez à nouveau.";
pub const CONTACT_MESSAGE: &str =
    "Indiquez le numéro de téléphone ou l’adresse e-mail que votre référent a noté dans votre carnet.";
pub const EXPIRED_MESSAGE: &str = "Ce code n’est plus valable. Demandez-en un nouveau.";
pub const WRONG_MESSAGE: &str = "Ce code n’est pas le bon. Vérifiez les 6 chiffres reçus.";

fn code_hash(demande: &str, code: &str) -> String {
    token_hash(&format!("{demande}:{code}"))
}

/// Six random digits.
fn six_digits() -> Result<String, DbErr> {
    let mut b = [0u8; 4];
    getrandom::fill(&mut b).map_err(|e| DbErr::Custom(format!("random: {e}")))?;
    Ok(format!("{:06}", u32::from_le_bytes(b) % 1_000_000))
}

/// Sends a code to whoever typed a contact written in a carnet. Returns the demand's token (for
/// the code form) whether or not the contact is known, so nobody learns who has a carnet.
pub async fn request_code(
    db: &DatabaseConnection,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Result<String, &'static str>, DbErr> {
    let typed = typed.trim();
    let (canal, contact, column) = if typed.contains('@') {
        let c = typed.to_lowercase();
        if !crate::validation::is_email(&c) {
            return Ok(Err(CONTACT_MESSAGE));
        }
        (Canal::Courriel, c, carnet::Column::Courriel)
    } else {
        match crate::validation::french_phone(typed).filter(|p| p.len() == 14) {
            Some(p) => (Canal::Sms, p, carnet::Column::Telephone),
            None => return Ok(Err(CONTACT_MESSAGE)),
        }
    };
    let found =
        carnet::Entity::find().filter(column.eq(&contact)).order_by_desc(carnet::Column::UpdatedAt).one(db).await?;
    let demande = new_token()?;
    let code = six_digits()?;
    let recent = match &found {
        Some(c) => {
            code::Entity::find()
                .filter(code::Column::CarnetId.eq(&c.id))
                .filter(code::Column::CreatedAt.gt(now - Duration::minutes(15)))
                .count(db)
                .await?
        }
        None => 0,
    };
    let carnet_id = found.as_ref().filter(|_| recent < CODES_PER_QUARTER).map(|c| c.id.clone());
    let txn = db.begin().await?;
    code::Entity::insert(code::ActiveModel {
        demande_hash: Set(token_hash(&demande)),
        carnet_id: Set(carnet_id.clone()),
        code_hash: Set(code_hash(&demande, &code)),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(CODE_MINUTES)),
        used_at: Set(None),
        attempts: Set(0),
    })
    .exec_without_returning(&txn)
    .await?;
    if let Some(id) = &carnet_id {
        let corps =
            format!("Votre code Itinéraire : {code}. Il expire dans {CODE_MINUTES} minutes. Ne le donnez à personne.");
        let m = Message::new("code_personne", canal, contact, "Votre code Itinéraire".into(), corps)
            .about(format!("carnet:{id}"));
        outbox::enqueue(&txn, m, now).await?;
    }
    txn.commit().await?;
    Ok(Ok(demande))
}

/// Codes typed from one connection, and wrong codes for one carnet, are limited per day (a
/// six-digit code would otherwise allow about 1,400 guesses a day on a carnet).
pub const TOO_MANY_TODAY: &str =
    "Trop d’essais aujourd’hui. Réessayez demain, ou demandez à votre référent de vous aider.";

/// [`verify_code`] within the day's limits: per connection, and wrong codes per carnet.
pub async fn verify_code_limited(
    db: &DatabaseConnection,
    limits: &crate::rate_limit::Limits,
    ip: std::net::IpAddr,
    demande: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Result<String, &'static str>, DbErr> {
    use crate::rate_limit::{address_key, Bucket};
    if !limits.allow(db, Bucket::CodeAdresse, &address_key(ip), now).await? {
        return Ok(Err(TOO_MANY_TODAY));
    }
    let carnet = code::Entity::find_by_id(token_hash(demande)).one(db).await?.and_then(|c| c.carnet_id);
    if let Some(c) = &carnet {
        if limits.count(db, Bucket::CodeCarnet, c, now).await? >= limits.max(Bucket::CodeCarnet) as i32 {
            return Ok(Err(TOO_MANY_TODAY));
        }
    }
    let result = verify_code(db, demande, typed, now).await?;
    if let (Err(WRONG_MESSAGE), Some(c)) = (&result, &carnet) {
        limits.allow(db, Bucket::CodeCarnet, c, now).await?;
    }
    Ok(result)
}

/// Checks a code typed for a demand; on success, opens the person's session (its token).
pub async fn verify_code(
    db: &DatabaseConnection,
    demande: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Result<String, &'static str>, DbErr> {
    let key = token_hash(demande);
    // One try used first (conditional: never more than five, never after use or expiry).
    let tried = code::Entity::update_many()
        .col_expr(code::Column::Attempts, Expr::col(code::Column::Attempts).add(1))
        .filter(code::Column::DemandeHash.eq(&key))
        .filter(code::Column::UsedAt.is_null())
        .filter(code::Column::ExpiresAt.gt(now))
        .filter(code::Column::Attempts.lt(MAX_ATTEMPTS))
        .exec(db)
        .await?;
    if tried.rows_affected == 0 {
        return Ok(Err(EXPIRED_MESSAGE));
    }
    let Some(row) = code::Entity::find_by_id(key.clone()).one(db).await? else { return Ok(Err(EXPIRED_MESSAGE)) };
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(carnet_id) = row.carnet_id.filter(|_| row.code_hash == code_hash(demande, &digits)) else {
        return Ok(Err(if row.attempts >= MAX_ATTEMPTS { EXPIRED_MESSAGE } else { WRONG_MESSAGE }));
    };
    let used = code::Entity::update_many()
        .col_expr(code::Column::UsedAt, Expr::value(now))
        .filter(code::Column::DemandeHash.eq(&key))
        .filter(code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if used.rows_affected == 0 {
        return Ok(Err(EXPIRED_MESSAGE));
    }
    let token = new_token()?;
    session::Entity::insert(session::ActiveModel {
        id: Set(token_hash(&token)),
        carnet_id: Set(carnet_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(SESSION_HOURS)),
    })
    .exec_without_returning(db)
    .await?;
    Ok(Ok(token))
}

/// The carnet of an open session.
pub async fn carnet_for_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbErr> {
    Ok(session::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
        .filter(|s| s.expires_at > now)
        .map(|s| s.carnet_id))
}

pub async fn sign_out(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(token_hash(token)).exec(db).await?;
    Ok(())
}

/// The person, as the history names them.
async fn person(db: &impl ConnectionTrait, carnet_id: &str) -> Result<(carnet::Model, Author), EditError> {
    let c = carnet::Entity::find_by_id(carnet_id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    let author = Author { id: "personne".into(), nom: format!("{} {} (la personne)", c.prenom, c.nom) };
    Ok((c, author))
}

/// The person as the history names them (for changes made through other rooms' functions).
pub async fn author(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Author, EditError> {
    Ok(person(db, carnet_id).await?.1)
}

/// The person's carnet, as they read it.
pub async fn view(db: &impl ConnectionTrait, carnet_id: &str) -> Result<super::model::MonCarnet, EditError> {
    let (c, _) = person(db, carnet_id).await?;
    Ok(super::model::MonCarnet {
        prenom: c.prenom.clone(),
        nom: c.nom.clone(),
        date_naissance: c.date_naissance.format("%d/%m/%Y").to_string(),
        contact: identite::identite_values(&c),
        diagnostic: diag::diagnostic_view(db, carnet_id).await?,
        membres: membres::members(db, carnet_id).await?,
        lectures: page::reads(db, carnet_id).await?,
        historique: page::changes(db, carnet_id).await?,
        evenements: super::timeline::of(db, carnet_id, Utc::now()).await?,
    })
}

pub const CONTACT_FIELDS: [&str; 3] = ["telephone", "courriel", "adresse"];

/// The person's contact form on `/mon-carnet` (the fields of [`CONTACT_FIELDS`]).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub telephone: String,
    pub courriel: String,
    pub adresse: String,
}

/// The person changes their contact details (from `version`); name and birth date stay as the
/// professionals wrote them.
pub async fn update_contact(
    db: &DatabaseConnection,
    carnet_id: &str,
    version: i32,
    contact: &ContactForm,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let (c, author) = person(db, carnet_id).await?;
    let form = identite::IdentiteForm {
        telephone: contact.telephone.clone(),
        courriel: contact.courriel.clone(),
        adresse: contact.adresse.clone(),
        ..identite::IdentiteForm::of(&c)
    };
    let identite = identite::validate_identite(&form, crate::dates::today(now)).map_err(EditError::Invalid)?;
    identite::write_identite(db, &author, carnet_id, version, identite, now).await
}

/// The person's own words on a theme (from `version`; 0: the theme was never written).
pub async fn update_commentaire(
    db: &DatabaseConnection,
    carnet_id: &str,
    theme_code: &str,
    version: i32,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let (_, author) = person(db, carnet_id).await?;
    let text = text.trim();
    if text.chars().count() > 2000 {
        return Err(EditError::Invalid(vec![(
            "commentaire_personne".into(),
            "Votre texte doit faire au plus 2000 caractères.".into(),
        )]));
    }
    diag::write_commentaire_personne(
        db,
        &author,
        carnet_id,
        theme_code,
        version,
        Some(text.to_owned()).filter(|t| !t.is_empty()),
        now,
    )
    .await
}

/// Everything the carnet holds about the person (RGPD right of access), as JSON.
pub async fn export(db: &impl ConnectionTrait, carnet_id: &str) -> Result<serde_json::Value, EditError> {
    let v = view(db, carnet_id).await?;
    let diag: Vec<_> = diagnostic::Entity::find().filter(diagnostic::Column::CarnetId.eq(carnet_id)).all(db).await?;
    let history: Vec<_> = historique::Entity::find()
        .filter(historique::Column::CarnetId.eq(carnet_id))
        .order_by_asc(historique::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|h| json!({"quand": h.at, "qui": h.auteur_nom, "objet": h.objet, "avant": h.avant, "apres": h.apres}))
        .collect();
    let reads: Vec<_> = lecture::Entity::find()
        .filter(lecture::Column::CarnetId.eq(carnet_id))
        .filter(Condition::all())
        .order_by_asc(lecture::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|l| json!({"quand": l.at, "qui": l.auteur_nom, "structure": l.structure_nom}))
        .collect();
    Ok(json!({
        "ce_fichier": "Toutes les informations de votre carnet de bord Itinéraire, à la date de son téléchargement.",
        "identite": v.contact.iter().filter(|(k, _)| k != "version").cloned().collect::<std::collections::BTreeMap<_, _>>(),
        "diagnostic": v.diagnostic.iter().filter(|t| t.version > 0 || !t.objectifs.is_empty()).map(|t| json!({
            "theme": t.label,
            "situations": t.situations.iter().filter(|(id, _)| t.choisies.contains(id)).map(|(_, l)| l.clone()).collect::<Vec<_>>(),
            "commentaire_des_professionnels": t.commentaire,
            "votre_commentaire": t.commentaire_personne,
            "objectifs": t.objectifs.iter().map(|o| json!({
                "objectif": o.libelle,
                "statut": super::model::statut_label(&o.statut),
                "actions": o.actions.iter().map(|a| json!({
                    "action": a.libelle,
                    "offre": a.offre.as_ref().map(|(_, n)| n),
                    "statut": super::model::statut_label(&a.statut),
                    "avant_le": a.echeance,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "themes_ecrits": diag.len(),
        "professionnels_qui_vous_suivent": v.membres.iter().map(|m| json!({"nom": m.nom, "structure": m.structure, "role": m.role, "referent_unique": m.referent_unique, "depuis": m.depuis})).collect::<Vec<_>>(),
        "rendez_vous_et_notes": v.evenements.iter().map(|e| json!({"quand": e.quand, "texte": e.texte, "lieu": e.lieu, "par": e.auteur})).collect::<Vec<_>>(),
        "consultations": reads,
        "historique": history,
    }))
}

/// Retention: the person's codes a day after they expired (the day's limits no longer need them)
/// and her ended sessions go. Returns how many rows were deleted.
pub async fn purge(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let codes = code::Entity::delete_many()
        .filter(code::Column::ExpiresAt.lte(now - Duration::days(1)))
        .exec(db)
        .await?
        .rows_affected;
    let sessions =
        session::Entity::delete_many().filter(session::Column::ExpiresAt.lte(now)).exec(db).await?.rows_affected;
    Ok(codes + sessions)
}
