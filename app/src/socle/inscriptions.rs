//! Registering without an account (ssr only), the confirmation sent again, cancelling from the
//! private link, the waiting list moving up.
//!
//! Seats are counted in `seance.inscrits`, changed only by conditional UPDATEs
//! (`… SET inscrits = inscrits + 1 WHERE inscrits < capacite`): the database serialises them on
//! the session's row, so a session is never overbooked, whatever the number of people
//! registering at once. Every write transaction starts by writing the session's row, which
//! also orders locks the same way everywhere (session, then registrations): no deadlock.
use super::db::{inscription, seance};
use super::messages;
use super::model::Statut;
use crate::error::FieldErrors;
use crate::outbox;
use crate::token::{new_token, token_hash};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, SqlErr, TransactionTrait,
};

/// A registration form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub prenom: String,
    pub nom: String,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    /// The person asked for the waiting list if the session is full.
    pub attente: bool,
    /// The language of the page she registered on: her messages are written in it.
    pub langue: crate::i18n::Langue,
}

/// The registration form as posted on a session's page.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub prenom: String,
    pub nom: String,
    pub telephone: String,
    pub courriel: String,
    /// Ticked: she agrees to be contacted about this session.
    pub consentement: String,
    /// Sent by the form of a full session: she asks for the waiting list.
    pub attente: String,
}

impl RegistrationForm {
    /// Checks the form: per-field messages in the person's language, or the registration.
    pub fn validate(&self, l: crate::i18n::Langue) -> Result<Registration, FieldErrors> {
        let m = |key: &str| crate::i18n::tr(l, key, &[]);
        let mut errors = FieldErrors::new();
        let (prenom, nom) = (self.prenom.trim().to_owned(), self.nom.trim().to_owned());
        for (k, v, missing) in [("prenom", &prenom, "erreur-prenom-manquant"), ("nom", &nom, "erreur-nom-manquant")] {
            match v.chars().count() {
                0 => errors.add(k, m(missing)),
                81.. => errors.add(k, crate::i18n::tr(l, "erreur-trop-long", &[("max", 80.into())])),
                _ if v.chars().any(char::is_control) => errors.add(k, m("erreur-caracteres")),
                _ => {}
            }
        }
        let telephone_typed = self.telephone.trim();
        let courriel_typed = self.courriel.trim().to_lowercase();
        let telephone = (!telephone_typed.is_empty()).then(|| crate::validation::french_mobile(telephone_typed));
        if telephone == Some(None) {
            errors.add("telephone", m("erreur-portable"));
        }
        if !(courriel_typed.is_empty() || crate::validation::is_email(&courriel_typed)) {
            errors.add("courriel", m("erreur-courriel"));
        }
        if telephone_typed.is_empty() && courriel_typed.is_empty() {
            errors.add("telephone", m("erreur-contact-manquant"));
        }
        if self.consentement.trim().is_empty() {
            errors.add("consentement", m("erreur-consentement"));
        }
        errors.or_valid(|| Registration {
            prenom,
            nom,
            telephone: telephone.flatten(),
            courriel: (!courriel_typed.is_empty()).then_some(courriel_typed),
            attente: !self.attente.trim().is_empty(),
            langue: l,
        })
    }
}

#[derive(Debug)]
pub enum RegisterError {
    NotFound,
    /// Cancelled or over: the message says which.
    Closed(&'static str),
    /// No seat left (the person may ask for the waiting list).
    Full,
    AlreadyRegistered,
    Db(DbErr),
}

impl From<DbErr> for RegisterError {
    fn from(e: DbErr) -> Self {
        RegisterError::Db(e)
    }
}

pub const FULL_MESSAGE: &str = "Cette séance est complète. Vous pouvez vous inscrire sur la liste d’attente : \
    si une place se libère, vous serez prévenu.";

/// What a successful registration gives: the private link's token and the seat or the wait.
#[derive(Debug, Clone)]
pub struct Registered {
    pub token: String,
    pub statut: Statut,
}

fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// The registration a private link opens: the confirmation's, or the reminder's.
pub(super) fn by_token(hash: &str) -> Condition {
    use inscription::Column as I;
    Condition::any().add(I::JetonHash.eq(hash)).add(I::RappelJetonHash.eq(hash))
}

/// The session's row, conditions for taking a seat (open, not over).
fn open_session(id: &str, now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(seance::Column::Id.eq(id))
        .add(seance::Column::Annulee.eq(false))
        .add(seance::Column::Fin.gt(now))
}

/// Registers a person: a seat if one is free, else the waiting list if they asked for it.
pub async fn register(
    db: &DatabaseConnection,
    seance_id: &str,
    r: &Registration,
    now: DateTime<Utc>,
) -> Result<Registered, RegisterError> {
    use seance::Column as S;
    // A clear answer before trying for a seat; the unique indexes are the real guard.
    if already_registered(db, seance_id, r).await? {
        return Err(RegisterError::AlreadyRegistered);
    }
    let _turn = crate::db::write_turn(db).await;
    let txn = db.begin().await?;
    let seat = seance::Entity::update_many()
        .col_expr(S::Inscrits, Expr::col(S::Inscrits).add(1))
        .filter(open_session(seance_id, now))
        .filter(Expr::col(S::Inscrits).lt(Expr::col(S::Capacite)))
        .exec(&txn)
        .await?;
    let statut = if seat.rows_affected == 1 {
        Statut::Inscrit
    } else {
        let waiting = if r.attente {
            seance::Entity::update_many()
                .col_expr(S::EnAttente, Expr::col(S::EnAttente).add(1))
                .filter(open_session(seance_id, now))
                .exec(&txn)
                .await?
                .rows_affected
        } else {
            0
        };
        if waiting == 0 {
            txn.rollback().await?;
            return Err(why_no_seat(db, seance_id, now).await?);
        }
        Statut::Attente
    };
    let token = new_token()?;
    let i = inscription::Model {
        id: uuid::Uuid::new_v4().to_string(),
        seance_id: seance_id.to_owned(),
        prenom: r.prenom.clone(),
        nom: r.nom.clone(),
        telephone: r.telephone.clone(),
        courriel: r.courriel.clone(),
        statut,
        jeton_hash: Some(token_hash(&token)),
        presence: None,
        presence_at: None,
        presence_par: None,
        consentement_at: now,
        created_at: now,
        updated_at: now,
        anonymised_at: None,
        langue: Some(r.langue.code().to_owned()),
        rappel_le: None,
        rappel_jeton_hash: None,
    };
    let row = inscription::ActiveModel::from(i.clone()).reset_all();
    if let Err(e) = inscription::Entity::insert(row).exec_without_returning(&txn).await {
        txn.rollback().await?;
        return Err(if is_unique_violation(&e) { RegisterError::AlreadyRegistered } else { e.into() });
    }
    // The confirmation of what she has just done: urgent, at any hour.
    let info = messages::seance_info(&txn, seance_id).await?;
    let texts = messages::confirmation(r.langue, &info, statut);
    if let Some(m) = messages::to_registrant(&i, &info, "inscription", texts) {
        outbox::enqueue(&txn, m.lien(format!("/inscription/{token}")), now).await?;
    }
    txn.commit().await?;
    Ok(Registered { token, statut })
}

/// Someone registered again with a phone or an e-mail already registered to this session: the
/// registration on record gets its confirmation again, with a fresh link (the confirmation's own
/// link is kept only as a hash), in its own language, to its own contact. The page answers as for
/// a new registration, so nobody learns who registered.
pub async fn resend_confirmation(
    db: &DatabaseConnection,
    seance_id: &str,
    r: &Registration,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use inscription::Column as I;
    let mut same = Condition::any();
    if let Some(t) = &r.telephone {
        same = same.add(I::Telephone.eq(t));
    }
    if let Some(c) = &r.courriel {
        same = same.add(I::Courriel.eq(c));
    }
    let found = inscription::Entity::find()
        .filter(I::SeanceId.eq(seance_id))
        .filter(I::Statut.is_in([Statut::Inscrit, Statut::Attente]))
        .filter(same)
        .one(db)
        .await?;
    let Some(i) = found else { return Ok(()) };
    let token = crate::outbox::short_token()?;
    let _turn = crate::db::write_turn(db).await;
    let txn = db.begin().await?;
    // The short link column is the reminder's: the newest of the two links works with the first.
    inscription::Entity::update_many()
        .col_expr(I::RappelJetonHash, Expr::value(token_hash(&token)))
        .filter(I::Id.eq(&i.id))
        .exec(&txn)
        .await?;
    let info = messages::seance_info(&txn, seance_id).await?;
    let texts = messages::confirmation(messages::langue_of(&i), &info, i.statut);
    if let Some(m) = messages::to_registrant(&i, &info, "inscription", texts) {
        outbox::enqueue(&txn, m.lien(format!("/inscription/{token}")), now).await?;
    }
    txn.commit().await
}

async fn already_registered(db: &impl ConnectionTrait, seance_id: &str, r: &Registration) -> Result<bool, DbErr> {
    use inscription::Column as I;
    if r.telephone.is_none() && r.courriel.is_none() {
        return Ok(false);
    }
    let mut same = Condition::any();
    if let Some(t) = &r.telephone {
        same = same.add(I::Telephone.eq(t));
    }
    if let Some(c) = &r.courriel {
        same = same.add(I::Courriel.eq(c));
    }
    Ok(inscription::Entity::find().filter(I::SeanceId.eq(seance_id)).filter(same).count(db).await? > 0)
}

/// Why no seat (nor waiting place) was taken.
async fn why_no_seat(db: &impl ConnectionTrait, seance_id: &str, now: DateTime<Utc>) -> Result<RegisterError, DbErr> {
    Ok(match seance::Entity::find_by_id(seance_id.to_owned()).one(db).await? {
        None => RegisterError::NotFound,
        Some(s) if s.annulee => RegisterError::Closed("Cette séance est annulée. Choisissez une autre date."),
        Some(s) if s.fin <= now => RegisterError::Closed("Cette séance est terminée. Choisissez une autre date."),
        Some(_) => RegisterError::Full,
    })
}

#[derive(Debug)]
pub enum CancelError {
    NotFound,
    /// The session is over: nothing to cancel.
    Past,
    Db(DbErr),
}

impl From<DbErr> for CancelError {
    fn from(e: DbErr) -> Self {
        CancelError::Db(e)
    }
}

/// Cancels the registration of this private link; the first person waiting gets the seat (and
/// a message). Cancelling twice is harmless. Returns what the registration was.
pub async fn cancel(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> Result<Statut, CancelError> {
    use inscription::Column as I;
    use seance::Column as S;
    let hash = token_hash(token);
    let found = inscription::Entity::find().filter(by_token(&hash)).one(db).await?.ok_or(CancelError::NotFound)?;
    let _turn = crate::db::write_turn(db).await;
    let txn = db.begin().await?;
    // The session's row first (lock order), then the registration, read again inside.
    seance::Entity::update_many()
        .col_expr(S::Inscrits, Expr::col(S::Inscrits))
        .filter(S::Id.eq(&found.seance_id))
        .exec(&txn)
        .await?;
    let i = inscription::Entity::find_by_id(found.id.clone()).one(&txn).await?.ok_or(CancelError::NotFound)?;
    let was = i.statut;
    if was == Statut::Annule {
        txn.rollback().await?;
        return Ok(Statut::Annule);
    }
    let s = seance::Entity::find_by_id(i.seance_id.clone()).one(&txn).await?.ok_or(CancelError::NotFound)?;
    if s.fin <= now {
        txn.rollback().await?;
        return Err(CancelError::Past);
    }
    // Her cancellation confirmed (to the contact about to be erased), at any hour.
    let info = messages::seance_info(&txn, &s.id).await?;
    let texts = messages::desinscription(messages::langue_of(&i), &info);
    if let Some(m) = messages::to_registrant(&i, &info, "desinscription", texts) {
        outbox::enqueue(&txn, m, now).await?;
    }
    // The contact goes: the same person may register again, and nothing is kept that is not needed.
    inscription::Entity::update_many()
        .col_expr(I::Statut, Expr::value(Statut::Annule))
        .col_expr(I::Telephone, Expr::value(Option::<String>::None))
        .col_expr(I::Courriel, Expr::value(Option::<String>::None))
        .col_expr(I::UpdatedAt, Expr::value(now))
        .filter(I::Id.eq(&i.id))
        .exec(&txn)
        .await?;
    let counter = if was == Statut::Inscrit { S::Inscrits } else { S::EnAttente };
    seance::Entity::update_many()
        .col_expr(counter, Expr::col(counter).sub(1))
        .filter(S::Id.eq(&s.id))
        .exec(&txn)
        .await?;
    if was == Statut::Inscrit {
        fill_from_waiting(&txn, &s.id, now).await?;
    }
    txn.commit().await?;
    Ok(was)
}

/// Gives free seats to the people waiting, first come first served, and tells each of them.
/// Call it inside a transaction that already wrote the session's row.
pub async fn fill_from_waiting(
    txn: &impl ConnectionTrait,
    seance_id: &str,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    use inscription::Column as I;
    use seance::Column as S;
    let mut promoted = 0;
    loop {
        let seat = seance::Entity::update_many()
            .col_expr(S::Inscrits, Expr::col(S::Inscrits).add(1))
            .col_expr(S::EnAttente, Expr::col(S::EnAttente).sub(1))
            .filter(open_session(seance_id, now))
            .filter(Expr::col(S::Inscrits).lt(Expr::col(S::Capacite)))
            .filter(S::EnAttente.gt(0))
            .exec(txn)
            .await?;
        if seat.rows_affected == 0 {
            return Ok(promoted);
        }
        let next = inscription::Entity::find()
            .filter(I::SeanceId.eq(seance_id))
            .filter(I::Statut.eq(Statut::Attente))
            .order_by_asc(I::CreatedAt)
            .order_by_asc(I::Id)
            .one(txn)
            .await?;
        let Some(next) = next else {
            // The counter said someone was waiting but nobody is: give the seat back, fix the count.
            seance::Entity::update_many()
                .col_expr(S::Inscrits, Expr::col(S::Inscrits).sub(1))
                .col_expr(S::EnAttente, Expr::value(0))
                .filter(S::Id.eq(seance_id))
                .exec(txn)
                .await?;
            return Ok(promoted);
        };
        inscription::Entity::update_many()
            .col_expr(I::Statut, Expr::value(Statut::Inscrit))
            .col_expr(I::UpdatedAt, Expr::value(now))
            .filter(I::Id.eq(&next.id))
            .exec(txn)
            .await?;
        promoted += 1;
        let info = messages::seance_info(txn, seance_id).await?;
        let texts = messages::promotion(messages::langue_of(&next), &info);
        if let Some(m) = messages::to_registrant(&next, &info, "promotion", texts) {
            outbox::enqueue(txn, m.urgence(messages::urgence_before(&info, now)), now).await?;
        }
    }
}
