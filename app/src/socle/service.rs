//! The person's side of the socle (ssr only): upcoming sessions, registering without an
//! account, the private link (see, add to the calendar, cancel), the waiting list, retention.
//!
//! Seats are counted in `seance.inscrits`, changed only by conditional UPDATEs
//! (`… SET inscrits = inscrits + 1 WHERE inscrits < capacite`): the database serialises them on
//! the session's row, so a session is never overbooked, whatever the number of people
//! registering at once. Every write transaction starts by writing the session's row, which
//! also orders locks the same way everywhere (session, then registrations): no deadlock.
use super::db::{atelier, inscription, list, seance};
use super::messages;
use super::model::{Ateliers, MonInscription, SeanceCarte, SeanceDetail, Statut};
use crate::dates;
use crate::organisation::model::Structure;
use crate::outbox;
use crate::token::{new_token, token_hash};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, SqlErr, TransactionTrait,
};
use std::collections::HashMap;

/// Sessions listed at most on the public page.
pub const LIST_MAX: u64 = 300;
/// The filter value for sessions by video.
pub const A_DISTANCE: &str = "a-distance";

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

/// Checks a registration form: per-field messages in the person's language, or the registration.
pub fn validate_registration(
    fields: &[(String, String)],
    l: crate::i18n::Langue,
) -> Result<Registration, Vec<(String, String)>> {
    use crate::ui::form::field;
    let m = |key: &str| crate::i18n::tr(l, key, &[]);
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut err = |k: &str, message: String| errors.push((k.to_owned(), message));
    let prenom = field(fields, "prenom");
    let nom = field(fields, "nom");
    for (k, v, missing) in [("prenom", &prenom, "erreur-prenom-manquant"), ("nom", &nom, "erreur-nom-manquant")] {
        match v.chars().count() {
            0 => err(k, m(missing)),
            81.. => err(k, crate::i18n::tr(l, "erreur-trop-long", &[("max", 80.into())])),
            _ if v.chars().any(char::is_control) => err(k, m("erreur-caracteres")),
            _ => {}
        }
    }
    let telephone_typed = field(fields, "telephone");
    let courriel_typed = field(fields, "courriel").to_lowercase();
    let telephone = (!telephone_typed.is_empty()).then(|| crate::validation::french_mobile(&telephone_typed));
    if telephone == Some(None) {
        err("telephone", m("erreur-portable"));
    }
    let courriel_ok = courriel_typed.is_empty() || crate::validation::is_email(&courriel_typed);
    if !courriel_ok {
        err("courriel", m("erreur-courriel"));
    }
    if telephone_typed.is_empty() && courriel_typed.is_empty() {
        err("telephone", m("erreur-contact-manquant"));
    }
    if field(fields, "consentement").is_empty() {
        err("consentement", m("erreur-consentement"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Registration {
        prenom,
        nom,
        telephone: telephone.flatten(),
        courriel: (!courriel_typed.is_empty()).then_some(courriel_typed),
        attente: !field(fields, "attente").is_empty(),
        langue: l,
    })
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
fn by_token(hash: &str) -> Condition {
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
        statut: statut.code().to_owned(),
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
        .filter(I::Statut.is_in([Statut::Inscrit.code(), Statut::Attente.code()]))
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
    let texts = messages::confirmation(messages::langue_of(&i), &info, Statut::from_code(&i.statut));
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
    let was = Statut::from_code(&i.statut);
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
        .col_expr(I::Statut, Expr::value(Statut::Annule.code()))
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
            .filter(I::Statut.eq(Statut::Attente.code()))
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
            .col_expr(I::Statut, Expr::value(Statut::Inscrit.code()))
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

/// Structure names and phones by id.
async fn structures(db: &impl ConnectionTrait, ids: Vec<String>) -> Result<HashMap<String, Structure>, DbErr> {
    crate::organisation::service::by_ids(db, ids).await
}

async fn commune_names(db: &impl ConnectionTrait, codes: Vec<String>) -> Result<HashMap<String, String>, DbErr> {
    crate::referentiel::service::commune_noms(db, codes).await
}

/// Upcoming sessions (and those under way), soonest first, with what the cards need.
struct Upcoming {
    seances: Vec<seance::Model>,
    ateliers: HashMap<String, atelier::Model>,
    structures: HashMap<String, Structure>,
    communes: HashMap<String, String>,
    themes: HashMap<String, String>,
}

async fn upcoming_rows(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    atelier_id: Option<&str>,
) -> Result<Upcoming, DbErr> {
    use seance::Column as S;
    let mut q = seance::Entity::find().filter(S::Annulee.eq(false)).filter(S::Fin.gt(now));
    if let Some(a) = atelier_id {
        q = q.filter(S::AtelierId.eq(a));
    }
    let seances = q.order_by_asc(S::Debut).order_by_asc(S::Id).limit(LIST_MAX).all(db).await?;
    let ids: Vec<String> = seances.iter().map(|s| s.atelier_id.clone()).collect();
    let ateliers: HashMap<String, atelier::Model> = atelier::Entity::find()
        .filter(atelier::Column::Id.is_in(ids))
        .filter(atelier::Column::Archived.eq(false))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let seances: Vec<seance::Model> = seances.into_iter().filter(|s| ateliers.contains_key(&s.atelier_id)).collect();
    let structures = structures(db, ateliers.values().map(|a| a.structure_id.clone()).collect()).await?;
    let communes = commune_names(db, seances.iter().filter_map(|s| s.code_insee.clone()).collect()).await?;
    let themes = crate::referentiel::service::theme_labels(db).await?;
    Ok(Upcoming { seances, ateliers, structures, communes, themes })
}

impl Upcoming {
    fn card(&self, s: &seance::Model, now: DateTime<Utc>) -> Option<SeanceCarte> {
        let a = self.ateliers.get(&s.atelier_id)?;
        Some(SeanceCarte {
            id: s.id.clone(),
            titre: a.titre.clone(),
            structure: self.structures.get(&a.structure_id).map(|x| x.nom.clone()).unwrap_or_default(),
            quand: dates::quand(s.debut, s.fin),
            debut_fin: (s.debut.timestamp(), s.fin.timestamp()),
            commune: s.code_insee.as_ref().and_then(|c| self.communes.get(c).cloned()),
            a_distance: s.code_insee.is_none(),
            places_restantes: Ord::max(s.capacite - s.inscrits, 0),
            en_cours: s.debut <= now,
            themes: list(&a.themes).iter().filter_map(|t| self.themes.get(t).cloned()).collect(),
        })
    }
}

/// The public list, filtered by référentiel theme and by commune (or [`A_DISTANCE`]).
pub async fn upcoming(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    theme: Option<String>,
    commune: Option<String>,
) -> Result<Ateliers, DbErr> {
    let up = upcoming_rows(db, now, None).await?;
    let mut communes: Vec<(String, String)> = up.communes.iter().map(|(c, n)| (c.clone(), n.clone())).collect();
    communes.sort_by_key(|c| crate::text::fold(&c.1));
    if up.seances.iter().any(|s| s.code_insee.is_none()) {
        communes.push((A_DISTANCE.to_owned(), "À distance (en ligne)".to_owned()));
    }
    let mut themes: Vec<(String, String)> = up.themes.iter().map(|(c, l)| (c.clone(), l.clone())).collect();
    themes.sort();
    let seances = up
        .seances
        .iter()
        .filter(|s| {
            theme
                .as_deref()
                .is_none_or(|t| up.ateliers.get(&s.atelier_id).is_some_and(|a| list(&a.themes).iter().any(|x| x == t)))
        })
        .filter(|s| match commune.as_deref() {
            None => true,
            Some(A_DISTANCE) => s.code_insee.is_none(),
            Some(c) => s.code_insee.as_deref() == Some(c),
        })
        .filter_map(|s| up.card(s, now))
        .collect();
    Ok(Ateliers { seances, themes, communes, theme, commune })
}

/// One session for the public page (also when cancelled or over: the page says so).
pub async fn seance_detail(
    db: &DatabaseConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Option<SeanceDetail>, DbErr> {
    let Some(s) = seance::Entity::find_by_id(id.to_owned()).one(db).await? else { return Ok(None) };
    let Some(a) = atelier::Entity::find_by_id(s.atelier_id.clone()).one(db).await? else { return Ok(None) };
    let up = upcoming_rows(db, now, Some(&a.id)).await?;
    let st = crate::organisation::service::get(db, &a.structure_id).await?;
    let commune = match &s.code_insee {
        Some(c) => crate::referentiel::service::commune_nom(db, c).await?,
        None => None,
    };
    Ok(Some(SeanceDetail {
        id: s.id.clone(),
        titre: a.titre.clone(),
        description: a.description.clone(),
        competences: list(&a.competences),
        accessibilite: a.accessibilite.clone(),
        themes: list(&a.themes).iter().filter_map(|t| up.themes.get(t).cloned()).collect(),
        structure: st.as_ref().map(|x| x.nom.clone()).unwrap_or_default(),
        structure_telephone: st.and_then(|x| x.telephone),
        quand: dates::quand(s.debut, s.fin),
        debut_fin: (s.debut.timestamp(), s.fin.timestamp()),
        adresse: s.lieu.clone(),
        commune,
        a_distance: s.code_insee.is_none(),
        capacite: s.capacite,
        places_restantes: Ord::max(s.capacite - s.inscrits, 0),
        en_attente: s.en_attente,
        annulee: s.annulee,
        motif_annulation: s.motif_annulation.clone(),
        ouverte: !s.annulee && !a.archived && s.fin > now,
        autres: up.seances.iter().filter(|o| o.id != s.id).filter_map(|o| up.card(o, now)).collect(),
    }))
}

/// The registration behind a private link.
/// The id of the registration behind a private link (for the rooms above: its badge).
pub async fn inscription_id(db: &impl ConnectionTrait, token: &str) -> Result<Option<String>, DbErr> {
    Ok(inscription::Entity::find().filter(by_token(&token_hash(token))).one(db).await?.map(|i| i.id))
}

pub async fn mon_inscription(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<MonInscription>, DbErr> {
    use inscription::Column as I;
    let Some(i) = inscription::Entity::find().filter(by_token(&token_hash(token))).one(db).await? else {
        return Ok(None);
    };
    let Some(detail) = seance_detail(db, &i.seance_id, now).await? else { return Ok(None) };
    let statut = Statut::from_code(&i.statut);
    let rang = if statut == Statut::Attente {
        let before = inscription::Entity::find()
            .filter(I::SeanceId.eq(&i.seance_id))
            .filter(I::Statut.eq(Statut::Attente.code()))
            .filter(
                Condition::any()
                    .add(I::CreatedAt.lt(i.created_at))
                    .add(Condition::all().add(I::CreatedAt.eq(i.created_at)).add(I::Id.lt(&i.id))),
            )
            .count(db)
            .await?;
        Some(before as i32 + 1)
    } else {
        None
    };
    let s = seance::Entity::find_by_id(i.seance_id.clone()).one(db).await?;
    let lien_visio = s.as_ref().filter(|_| statut == Statut::Inscrit).and_then(|s| s.lien_visio.clone());
    Ok(Some(MonInscription {
        statut,
        prenom: i.prenom,
        rang,
        lien_visio,
        passee: s.is_some_and(|s| s.fin <= now),
        // The badges' to say (see `itineraire::inscription`): this room does not know them.
        badge: None,
        seance: detail,
    }))
}

/// The registration's session as an iCalendar file (to add to the phone's calendar).
pub async fn calendar(db: &DatabaseConnection, token: &str) -> Result<Option<String>, DbErr> {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
    let Some(i) = inscription::Entity::find().filter(by_token(&token_hash(token))).one(db).await? else {
        return Ok(None);
    };
    let Some(s) = seance::Entity::find_by_id(i.seance_id.clone()).one(db).await? else { return Ok(None) };
    let Some(a) = atelier::Entity::find_by_id(s.atelier_id.clone()).one(db).await? else { return Ok(None) };
    let commune = match &s.code_insee {
        Some(c) => crate::referentiel::service::commune_nom(db, c).await?,
        None => None,
    };
    let lieu = match (&s.lieu, commune) {
        (Some(l), Some(c)) => format!("{l}, {c}"),
        (Some(l), None) => l.clone(),
        (None, Some(c)) => c,
        (None, None) => "En ligne".to_owned(),
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}@itineraire", s.id))
        .summary(&a.titre)
        .description(&a.description)
        .location(&lieu)
        .starts(s.debut)
        .ends(s.fin)
        .timestamp(s.updated_at);
    if s.annulee || Statut::from_code(&i.statut) == Statut::Annule {
        event.status(EventStatus::Cancelled);
    }
    if let Some(url) = s.lien_visio.as_ref().filter(|_| Statut::from_code(&i.statut) == Statut::Inscrit) {
        event.url(url);
    }
    let mut cal = Calendar::new();
    cal.name("Itinéraire").push(event.done());
    Ok(Some(cal.done().to_string()))
}

/// What [`purge`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurgeReport {
    pub inscriptions: u64,
    pub messages: u64,
}

/// Data protection: `days` after a session ended, its registrants' names and contacts are
/// erased (attendance stays, without a name, for statistics), and older messages deleted.
pub async fn purge(db: &DatabaseConnection, now: DateTime<Utc>, days: i64) -> Result<PurgeReport, DbErr> {
    use inscription::Column as I;
    let before = now - Duration::days(days);
    let ended: Vec<String> = seance::Entity::find()
        .select_only()
        .column(seance::Column::Id)
        .filter(seance::Column::Fin.lt(before))
        .into_tuple()
        .all(db)
        .await?;
    let mut inscriptions = 0;
    for chunk in ended.chunks(500) {
        inscriptions += inscription::Entity::update_many()
            .col_expr(I::Prenom, Expr::value(""))
            .col_expr(I::Nom, Expr::value(""))
            .col_expr(I::Telephone, Expr::value(Option::<String>::None))
            .col_expr(I::Courriel, Expr::value(Option::<String>::None))
            .col_expr(I::JetonHash, Expr::value(Option::<String>::None))
            .col_expr(I::RappelJetonHash, Expr::value(Option::<String>::None))
            .col_expr(I::AnonymisedAt, Expr::value(now))
            .filter(I::SeanceId.is_in(chunk.to_vec()))
            .filter(I::AnonymisedAt.is_null())
            .exec(db)
            .await?
            .rows_affected;
    }
    let messages = outbox::purge(db, before, now).await?;
    Ok(PurgeReport { inscriptions, messages })
}
