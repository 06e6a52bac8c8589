//! A workshop's sessions (ssr only): the session form, creating, editing (the registrants told
//! of a change) and cancelling a session; the seats taken.
use super::db::{atelier, inscription, seance};
use super::inscriptions::fill_from_waiting;
use super::messages;
use super::model::{SeanceLigne, Statut};
use super::regles::{load_atelier, MAX_CAPACITE, PAST_DAYS};
use crate::auth::model::Staff;
use crate::dates;
use crate::error::{EditError, FieldErrors};
use crate::ui::form::given;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use std::collections::HashMap;

/// A session form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeanceContent {
    pub debut: DateTime<Utc>,
    pub fin: DateTime<Utc>,
    pub lieu: Option<String>,
    pub code_insee: Option<String>,
    pub lien_visio: Option<String>,
    pub capacite: i32,
}

/// The session form as posted (its inputs' names; `action` and `motif` from the cancel button).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SeanceForm {
    pub action: SeanceAction,
    /// `AAAA-MM-JJ`, Paris time, as `<input type="date">` sends it.
    pub date: String,
    pub heure_debut: String,
    pub heure_fin: String,
    pub lieu: String,
    pub code_insee: String,
    pub lien_visio: String,
    /// Checked into a number by [`validate_seance`] (a message next to the field otherwise).
    pub capacite: String,
    /// Why a session is cancelled (told to the registrants).
    pub motif: String,
}

/// What the session form's buttons ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeanceAction {
    #[default]
    Enregistrer,
    Annuler,
}

/// Checks a posted session form into the content to write, or its fields in error
/// (`EditError::Invalid`). `inscrits`: seats already taken (the capacity cannot go below).
pub async fn validate_seance(
    db: &impl ConnectionTrait,
    f: &SeanceForm,
    now: DateTime<Utc>,
    inscrits: i32,
) -> Result<SeanceContent, EditError> {
    let mut errors = FieldErrors::new();
    let date = f.date.trim().to_owned();
    let debut = if date.is_empty() {
        errors.add("date", "Indiquez la date de la séance.");
        None
    } else {
        match dates::parse_local(&date, f.heure_debut.trim()) {
            Ok(d) => Some(d),
            Err(m) => {
                let k =
                    if chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").is_ok() { "heure_debut" } else { "date" };
                errors.add(k, m);
                None
            }
        }
    };
    let fin = match dates::parse_local(&date, f.heure_fin.trim()) {
        Ok(fin) => Some(fin),
        Err(m) if !date.is_empty() => {
            errors.add("heure_fin", m);
            None
        }
        Err(_) => None,
    };
    if let (Some(d), Some(fin)) = (debut, fin) {
        if fin <= d {
            errors.add("heure_fin", "L’heure de fin doit être après l’heure de début.");
        }
        if dates::today(d) < dates::today(now) {
            errors.add("date", "Cette date est passée. Choisissez aujourd’hui ou une date à venir.");
        }
    }
    let lieu = given(&f.lieu);
    if lieu.as_ref().is_some_and(|l| l.chars().count() > 300) {
        errors.add("lieu", "Ce champ doit faire au plus 300 caractères.");
    }
    let code_insee = given(&f.code_insee);
    if let Some(c) = &code_insee {
        if crate::referentiel::service::commune_nom(db, c).await?.is_none() {
            errors.add("code_insee", "Choisissez une commune de Haute-Garonne dans la liste.");
        }
    }
    let lien_visio = given(&f.lien_visio);
    if lien_visio.as_ref().is_some_and(|l| !l.starts_with("https://") || !crate::validation::is_web_link(l)) {
        errors.add("lien_visio", "Ce lien n’est pas valide. Il commence par https://.");
    }
    if code_insee.is_none() && lien_visio.is_none() {
        errors
            .add("code_insee", "Indiquez la commune où a lieu la séance, ou un lien de visio si elle a lieu en ligne.");
    }
    if lieu.is_some() && code_insee.is_none() {
        errors.add("code_insee", "Choisissez la commune de cette adresse.");
    }
    let capacite = match f.capacite.trim().parse::<i32>() {
        Ok(c) if (1..=MAX_CAPACITE).contains(&c) && c >= inscrits => Some(c),
        Ok(c) if (1..=MAX_CAPACITE).contains(&c) => {
            errors.add("capacite", capacity_message(inscrits));
            Some(c)
        }
        _ => {
            errors.add("capacite", format!("Indiquez un nombre de places entre 1 et {MAX_CAPACITE}."));
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors.into());
    }
    match (debut, fin, capacite) {
        (Some(debut), Some(fin), Some(capacite)) => {
            Ok(SeanceContent { debut, fin, lieu, code_insee, lien_visio, capacite })
        }
        _ => Err(EditError::Invalid(vec![("date".into(), "Indiquez la date et les heures de la séance.".into())])),
    }
}

fn capacity_message(inscrits: i32) -> String {
    format!("{inscrits} personnes sont déjà inscrites : le nombre de places ne peut pas être plus petit.")
}

/// The form values of a stored session (`version` included).
pub fn seance_values(s: &seance::Model) -> Vec<(String, String)> {
    let (date, heure_debut) = dates::local_fields(s.debut);
    let (_, heure_fin) = dates::local_fields(s.fin);
    let mut v = vec![
        ("date".to_owned(), date),
        ("heure_debut".to_owned(), heure_debut),
        ("heure_fin".to_owned(), heure_fin),
        ("capacite".to_owned(), s.capacite.to_string()),
        ("version".to_owned(), s.version.to_string()),
    ];
    for (k, x) in [("lieu", &s.lieu), ("code_insee", &s.code_insee), ("lien_visio", &s.lien_visio)] {
        if let Some(x) = x {
            v.push((k.to_owned(), x.clone()));
        }
    }
    v
}

/// The session and its workshop, if this professional may manage them.
pub async fn load_seance(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: &str,
) -> Result<(seance::Model, atelier::Model), EditError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(EditError::NotFound);
    }
    let s = seance::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    let a = load_atelier(db, staff, &s.atelier_id).await?;
    Ok((s, a))
}

fn ligne(s: &seance::Model, communes: &HashMap<String, String>, now: DateTime<Utc>) -> SeanceLigne {
    let lieu = match &s.code_insee {
        Some(c) => communes.get(c).cloned().unwrap_or_else(|| c.clone()),
        None => "En ligne".to_owned(),
    };
    SeanceLigne {
        id: s.id.clone(),
        quand: dates::quand(s.debut, s.fin),
        lieu,
        inscrits: s.inscrits,
        capacite: s.capacite,
        en_attente: s.en_attente,
        annulee: s.annulee,
        passee: s.fin <= now,
    }
}

/// Sessions of these workshops, from `PAST_DAYS` ago, by date.
pub(super) async fn seance_lignes(
    db: &impl ConnectionTrait,
    ateliers: Vec<String>,
    now: DateTime<Utc>,
) -> Result<Vec<(String, SeanceLigne)>, DbErr> {
    let seances = seance::Entity::find()
        .filter(seance::Column::AtelierId.is_in(ateliers))
        .filter(seance::Column::Fin.gt(now - Duration::days(PAST_DAYS)))
        .order_by_asc(seance::Column::Debut)
        .all(db)
        .await?;
    let codes: Vec<String> = seances.iter().filter_map(|s| s.code_insee.clone()).collect();
    let communes = crate::referentiel::service::commune_noms(db, codes).await?;
    Ok(seances.iter().map(|s| (s.atelier_id.clone(), ligne(s, &communes, now))).collect())
}

/// The sessions of one workshop (for its page).
pub async fn seances_of(
    db: &impl ConnectionTrait,
    atelier_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<SeanceLigne>, DbErr> {
    Ok(seance_lignes(db, vec![atelier_id.to_owned()], now).await?.into_iter().map(|(_, l)| l).collect())
}

pub async fn create_seance(
    db: &DatabaseConnection,
    staff: &Staff,
    atelier_id: &str,
    c: SeanceContent,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    load_atelier(db, staff, atelier_id).await?;
    let id = insert_seance(db, atelier_id, c, now).await?;
    tracing::info!(seance = %id, account = %staff.id, "session created");
    Ok(id)
}

/// Writes a new session of a workshop (also used to load the demo data).
pub async fn insert_seance(
    db: &impl ConnectionTrait,
    atelier_id: &str,
    c: SeanceContent,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let id = uuid::Uuid::new_v4().to_string();
    seance::ActiveModel {
        id: Set(id.clone()),
        atelier_id: Set(atelier_id.to_owned()),
        debut: Set(c.debut),
        fin: Set(c.fin),
        lieu: Set(c.lieu),
        code_insee: Set(c.code_insee),
        lien_visio: Set(c.lien_visio),
        capacite: Set(c.capacite),
        inscrits: Set(0),
        en_attente: Set(0),
        annulee: Set(false),
        motif_annulation: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn seance_conflict(db: &impl ConnectionTrait, staff: &Staff, id: &str) -> EditError {
    match load_seance(db, staff, id).await {
        Ok((s, _)) => EditError::Conflict { stored: seance_values(&s), version: s.version },
        Err(e) => e,
    }
}

/// Tells every registrant (seat or waiting list) of a session, each in her language.
async fn tell_registrants(
    txn: &impl ConnectionTrait,
    seance_id: &str,
    kind: &'static str,
    texts: impl Fn(crate::i18n::Langue, &messages::SeanceInfo) -> (String, String),
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    use inscription::Column as I;
    let people = inscription::Entity::find()
        .filter(I::SeanceId.eq(seance_id))
        .filter(I::Statut.is_in([Statut::Inscrit, Statut::Attente]))
        .all(txn)
        .await?;
    let info = messages::seance_info(txn, seance_id).await?;
    let urgence = messages::urgence_before(&info, now);
    let mut n = 0;
    for p in people {
        let t = texts(messages::langue_of(&p), &info);
        if let Some(m) = messages::to_registrant(&p, &info, kind, t) {
            crate::outbox::enqueue(txn, m.urgence(urgence), now).await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Saves a session edit made from `version`. More seats go to the people waiting; a new date or
/// place is sent to every registrant.
pub async fn update_seance(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    c: SeanceContent,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    use seance::Column as S;
    let (stored, _) = load_seance(db, staff, id).await?;
    let moved = stored.debut != c.debut
        || stored.fin != c.fin
        || stored.lieu != c.lieu
        || stored.code_insee != c.code_insee
        || stored.lien_visio != c.lien_visio;
    let txn = db.begin().await?;
    let res = seance::Entity::update_many()
        .set(seance::ActiveModel {
            debut: Set(c.debut),
            fin: Set(c.fin),
            lieu: Set(c.lieu.clone()),
            code_insee: Set(c.code_insee.clone()),
            lien_visio: Set(c.lien_visio.clone()),
            capacite: Set(c.capacite),
            version: Set(version + 1),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(S::Id.eq(id))
        .filter(S::Version.eq(version))
        // Registrations taken meanwhile count: the capacity never goes below the seats taken.
        .filter(S::Inscrits.lte(c.capacite))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        let (now_stored, _) = load_seance(db, staff, id).await?;
        if now_stored.version == version {
            return Err(EditError::Invalid(vec![("capacite".into(), capacity_message(now_stored.inscrits))]));
        }
        return Err(seance_conflict(db, staff, id).await);
    }
    fill_from_waiting(&txn, id, now).await?;
    if moved && !stored.annulee {
        tell_registrants(&txn, id, "seance_modifiee", messages::modifiee, now).await?;
    }
    txn.commit().await?;
    tracing::info!(seance = %id, account = %staff.id, version = version + 1, "session updated");
    Ok(())
}

/// Cancels a session and tells every registrant, with the reason.
pub async fn cancel_seance(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    motif: &str,
    now: DateTime<Utc>,
) -> Result<usize, EditError> {
    use seance::Column as S;
    if motif.trim().is_empty() || motif.chars().count() > 300 {
        return Err(EditError::Invalid(vec![(
            "motif".into(),
            "Indiquez en quelques mots pourquoi la séance est annulée (300 caractères au plus) : les inscrits le recevront.".into(),
        )]));
    }
    let (stored, _) = load_seance(db, staff, id).await?;
    let txn = db.begin().await?;
    let res = seance::Entity::update_many()
        .col_expr(S::Annulee, Expr::value(true))
        .col_expr(S::MotifAnnulation, Expr::value(motif.trim()))
        .col_expr(S::Version, Expr::col(S::Version).add(1))
        .col_expr(S::UpdatedAt, Expr::value(now))
        .filter(S::Id.eq(id))
        .filter(S::Version.eq(version))
        .filter(S::Annulee.eq(false))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        return Err(seance_conflict(db, staff, id).await);
    }
    let motif = motif.trim().to_owned();
    let told = tell_registrants(&txn, id, "seance_annulee", |l, info| messages::annulee(l, info, &motif), now).await?;
    txn.commit().await?;
    tracing::info!(seance = %stored.id, account = %staff.id, told, "session cancelled");
    Ok(told)
}

/// The seats taken on a session (for the form's capacity check).
pub async fn seats_taken(db: &impl ConnectionTrait, seance_id: &str) -> Result<i32, DbErr> {
    Ok(seance::Entity::find_by_id(seance_id.to_owned())
        .select_only()
        .column(seance::Column::Inscrits)
        .into_tuple::<i32>()
        .one(db)
        .await?
        .unwrap_or(0))
}
