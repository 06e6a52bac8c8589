//! The organisers' side of the socle (ssr only): their structure's workshops and sessions,
//! the registrants, the roll call. Every function checks that the professional acts for the
//! workshop's structure; every edit is conditional on the version the person started from.
use super::db::{atelier, inscription, list, seance};
use super::messages;
use super::model::{AtelierLigne, Inscrit, Inscrits, SeanceLigne, Statut};
use super::service::fill_from_waiting;
use crate::auth::model::{Role, Staff};
use crate::dates;
use crate::db::json_list;
use crate::error::EditError;
use crate::referentiel::service::theme_labels;
use crate::ui::form::{field, field_all};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};

/// Workshops listed at most.
pub const LIST_MAX: u64 = 200;
/// Past sessions stay in the organisers' lists this long (for the roll call).
pub const PAST_DAYS: i64 = 60;
pub const MAX_CAPACITE: i32 = 500;

pub const ATELIER_FIELDS: [&str; 9] = [
    "titre",
    "description",
    "themes",
    "competences",
    "accessibilite",
    "badge_nom",
    "badge_description",
    "badge_criteres",
    "badge_image",
];
pub const SEANCE_FIELDS: [&str; 7] =
    ["date", "heure_debut", "heure_fin", "lieu", "code_insee", "lien_visio", "capacite"];
pub const CONFLICT_MESSAGE: &str = "Quelqu’un a modifié ceci pendant que vous le modifiiez. Vos changements ne sont pas encore \
    enregistrés. Sous chaque champ concerné, vous voyez la valeur enregistrée par l’autre personne. Vérifiez, puis enregistrez à nouveau.";

type Problems = Vec<(String, String)>;

/// A workshop form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtelierContent {
    pub titre: String,
    pub description: String,
    pub themes: BTreeSet<String>,
    pub competences: Vec<String>,
    pub accessibilite: Option<String>,
    pub badge: Achievement,
}

/// What the workshop's badge says (empty texts: the defaults drawn from the workshop).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Achievement {
    pub nom: Option<String>,
    pub description: Option<String>,
    pub criteres: Option<String>,
    pub image: String,
}

/// An optional text of at most `max` characters.
fn optional_text(errors: &mut Problems, fields: &[(String, String)], k: &str, max: usize) -> Option<String> {
    let v = field(fields, k);
    if v.chars().count() > max {
        errors.push((k.into(), format!("Ce champ doit faire au plus {max} caractères.")));
    }
    Some(v).filter(|v| !v.is_empty())
}

fn validate_achievement(errors: &mut Problems, fields: &[(String, String)]) -> Achievement {
    let nom = optional_text(errors, fields, "badge_nom", 120);
    if nom.as_ref().is_some_and(|n| n.chars().count() < 3) {
        errors.push(("badge_nom".into(), "Ce champ doit faire au moins 3 caractères.".into()));
    }
    let description = optional_text(errors, fields, "badge_description", 1000);
    let criteres = optional_text(errors, fields, "badge_criteres", 1000);
    let image = Some(field(fields, "badge_image"))
        .filter(|i| !i.is_empty())
        .unwrap_or_else(|| crate::socle::badge_image::DEFAULT_DESIGN.to_owned());
    if !crate::socle::badge_image::is_design(&image) {
        errors.push(("badge_image".into(), "Choisissez une couleur dans la liste.".into()));
    }
    Achievement { nom, description, criteres, image }
}

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

fn count_error(errors: &mut Problems, k: &str, v: &str, min: usize, max: usize, empty: &str) {
    match v.chars().count() {
        0 => errors.push((k.into(), empty.into())),
        n if n < min => errors.push((k.into(), format!("Ce champ doit faire au moins {min} caractères."))),
        n if n > max => errors.push((k.into(), format!("Ce champ doit faire au plus {max} caractères."))),
        _ => {}
    }
}

pub async fn validate_atelier(
    db: &impl ConnectionTrait,
    fields: &[(String, String)],
) -> Result<Result<AtelierContent, Problems>, DbErr> {
    let mut errors = Problems::new();
    let titre = field(fields, "titre");
    count_error(&mut errors, "titre", &titre, 3, 120, "Indiquez le titre de l’atelier.");
    let description = field(fields, "description");
    count_error(&mut errors, "description", &description, 20, 2000, "Décrivez l’atelier en quelques phrases.");
    let labels = theme_labels(db).await?;
    let themes: BTreeSet<String> = field_all(fields, "themes").into_iter().collect();
    if themes.is_empty() {
        errors.push(("themes".into(), "Choisissez au moins un thème.".into()));
    } else if themes.iter().any(|t| !labels.contains_key(t)) {
        errors.push(("themes".into(), "Un des thèmes choisis n’existe pas. Choisissez dans la liste.".into()));
    }
    let competences: Vec<String> = field(fields, "competences")
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '•']).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if competences.is_empty() {
        errors.push(("competences".into(), "Indiquez au moins une compétence travaillée (une par ligne).".into()));
    } else if competences.len() > 10 {
        errors.push(("competences".into(), "Indiquez au plus 10 compétences.".into()));
    } else if competences.iter().any(|c| c.chars().count() > 150) {
        errors.push(("competences".into(), "Chaque compétence doit faire au plus 150 caractères.".into()));
    }
    let accessibilite = optional_text(&mut errors, fields, "accessibilite", 1000);
    let badge = validate_achievement(&mut errors, fields);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(AtelierContent { titre, description, themes, competences, accessibilite, badge }))
}

/// Checks a session form. `inscrits`: seats already taken (the capacity cannot go below).
pub async fn validate_seance(
    db: &impl ConnectionTrait,
    fields: &[(String, String)],
    now: DateTime<Utc>,
    inscrits: i32,
) -> Result<Result<SeanceContent, Problems>, DbErr> {
    let mut errors = Problems::new();
    let date = field(fields, "date");
    let debut = if date.is_empty() {
        errors.push(("date".into(), "Indiquez la date de la séance.".into()));
        None
    } else {
        match dates::parse_local(&date, &field(fields, "heure_debut")) {
            Ok(d) => Some(d),
            Err(m) => {
                let k =
                    if chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").is_ok() { "heure_debut" } else { "date" };
                errors.push((k.into(), m.into()));
                None
            }
        }
    };
    let fin = match dates::parse_local(&date, &field(fields, "heure_fin")) {
        Ok(f) => Some(f),
        Err(m) if !date.is_empty() => {
            errors.push(("heure_fin".into(), m.into()));
            None
        }
        Err(_) => None,
    };
    if let (Some(d), Some(f)) = (debut, fin) {
        if f <= d {
            errors.push(("heure_fin".into(), "L’heure de fin doit être après l’heure de début.".into()));
        }
        if dates::today(d) < dates::today(now) {
            errors.push(("date".into(), "Cette date est passée. Choisissez aujourd’hui ou une date à venir.".into()));
        }
    }
    let lieu = Some(field(fields, "lieu")).filter(|v| !v.is_empty());
    if lieu.as_ref().is_some_and(|l| l.chars().count() > 300) {
        errors.push(("lieu".into(), "Ce champ doit faire au plus 300 caractères.".into()));
    }
    let code_insee = Some(field(fields, "code_insee")).filter(|v| !v.is_empty());
    if let Some(c) = &code_insee {
        if crate::referentiel::service::commune_nom(db, c).await?.is_none() {
            errors.push(("code_insee".into(), "Choisissez une commune de Haute-Garonne dans la liste.".into()));
        }
    }
    let lien_visio = Some(field(fields, "lien_visio")).filter(|v| !v.is_empty());
    if lien_visio.as_ref().is_some_and(|l| !l.starts_with("https://") || !crate::validation::is_web_link(l)) {
        errors.push(("lien_visio".into(), "Ce lien n’est pas valide. Il commence par https://.".into()));
    }
    if code_insee.is_none() && lien_visio.is_none() {
        errors.push((
            "code_insee".into(),
            "Indiquez la commune où a lieu la séance, ou un lien de visio si elle a lieu en ligne.".into(),
        ));
    }
    if lieu.is_some() && code_insee.is_none() {
        errors.push(("code_insee".into(), "Choisissez la commune de cette adresse.".into()));
    }
    let capacite = match field(fields, "capacite").parse::<i32>() {
        Ok(c) if (1..=MAX_CAPACITE).contains(&c) && c >= inscrits => Some(c),
        Ok(c) if (1..=MAX_CAPACITE).contains(&c) => {
            errors.push(("capacite".into(), capacity_message(inscrits)));
            Some(c)
        }
        _ => {
            errors.push(("capacite".into(), format!("Indiquez un nombre de places entre 1 et {MAX_CAPACITE}.")));
            None
        }
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    match (debut, fin, capacite) {
        (Some(debut), Some(fin), Some(capacite)) => {
            Ok(Ok(SeanceContent { debut, fin, lieu, code_insee, lien_visio, capacite }))
        }
        _ => Ok(Err(vec![("date".into(), "Indiquez la date et les heures de la séance.".into())])),
    }
}

fn capacity_message(inscrits: i32) -> String {
    format!("{inscrits} personnes sont déjà inscrites : le nombre de places ne peut pas être plus petit.")
}

/// The form values of a stored workshop (`version` included).
pub fn atelier_values(a: &atelier::Model) -> Vec<(String, String)> {
    let mut v = vec![
        ("titre".to_owned(), a.titre.clone()),
        ("description".to_owned(), a.description.clone()),
        ("competences".to_owned(), list(&a.competences).join("\n")),
        ("version".to_owned(), a.version.to_string()),
    ];
    v.push(("badge_image".into(), a.badge_image.clone()));
    let optional = [
        ("accessibilite", &a.accessibilite),
        ("badge_nom", &a.badge_nom),
        ("badge_description", &a.badge_description),
        ("badge_criteres", &a.badge_criteres),
    ];
    v.extend(optional.into_iter().filter_map(|(k, x)| x.clone().map(|x| (k.to_owned(), x))));
    v.extend(list(&a.themes).into_iter().map(|t| ("themes".to_owned(), t)));
    v
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

/// The workshop, if this professional may manage it.
pub async fn load_atelier(db: &impl ConnectionTrait, staff: &Staff, id: &str) -> Result<atelier::Model, EditError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(EditError::NotFound);
    }
    let a = atelier::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    if !staff.acts_for(&a.structure_id) {
        return Err(EditError::Forbidden);
    }
    Ok(a)
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
async fn seance_lignes(
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

/// The workshops this professional manages, with their recent and upcoming sessions.
pub async fn list_ateliers(
    db: &impl ConnectionTrait,
    staff: &Staff,
    now: DateTime<Utc>,
) -> Result<Vec<AtelierLigne>, DbErr> {
    let mut q = atelier::Entity::find()
        .order_by_asc(atelier::Column::Archived)
        .order_by_asc(atelier::Column::Titre)
        .limit(LIST_MAX);
    if staff.role != Role::Admin {
        let Some(s) = &staff.structure_id else { return Ok(vec![]) };
        q = q.filter(atelier::Column::StructureId.eq(s.clone()));
    }
    let ateliers = q.all(db).await?;
    let lignes = seance_lignes(db, ateliers.iter().map(|a| a.id.clone()).collect(), now).await?;
    Ok(ateliers
        .into_iter()
        .map(|a| AtelierLigne {
            seances: lignes.iter().filter(|(id, _)| *id == a.id).map(|(_, l)| l.clone()).collect(),
            id: a.id,
            titre: a.titre,
            archived: a.archived,
        })
        .collect())
}

/// The sessions of one workshop (for its page).
pub async fn seances_of(
    db: &impl ConnectionTrait,
    atelier_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<SeanceLigne>, DbErr> {
    Ok(seance_lignes(db, vec![atelier_id.to_owned()], now).await?.into_iter().map(|(_, l)| l).collect())
}

pub async fn create_atelier(
    db: &DatabaseConnection,
    staff: &Staff,
    c: AtelierContent,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    let structure_id = staff.structure_id.clone().ok_or(EditError::NoStructure)?;
    let id = insert_atelier(db, &structure_id, c, now).await?;
    tracing::info!(atelier = %id, account = %staff.id, "workshop created");
    Ok(id)
}

/// Writes a new workshop of a structure (also used to load the demo data).
pub async fn insert_atelier(
    db: &impl ConnectionTrait,
    structure_id: &str,
    c: AtelierContent,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let id = uuid::Uuid::new_v4().to_string();
    atelier::ActiveModel {
        id: Set(id.clone()),
        structure_id: Set(structure_id.to_owned()),
        titre: Set(c.titre),
        description: Set(c.description),
        themes: Set(json_list(&c.themes.into_iter().collect::<Vec<_>>())),
        competences: Set(json_list(&c.competences)),
        accessibilite: Set(c.accessibilite),
        badge_nom: Set(c.badge.nom),
        badge_description: Set(c.badge.description),
        badge_criteres: Set(c.badge.criteres),
        badge_image: Set(c.badge.image),
        archived: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn atelier_conflict(db: &impl ConnectionTrait, staff: &Staff, id: &str) -> EditError {
    match load_atelier(db, staff, id).await {
        Ok(a) => EditError::Conflict { stored: atelier_values(&a), version: a.version },
        Err(e) => e,
    }
}

/// Saves a workshop edit made from `version` (`content` `None`: only the archive flag).
pub async fn update_atelier(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    content: Option<AtelierContent>,
    archived: Option<bool>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let stored = load_atelier(db, staff, id).await?;
    let mut m = atelier::ActiveModel { version: Set(version + 1), updated_at: Set(now), ..Default::default() };
    if let Some(c) = content {
        m.titre = Set(c.titre);
        m.description = Set(c.description);
        m.themes = Set(json_list(&c.themes.into_iter().collect::<Vec<_>>()));
        m.competences = Set(json_list(&c.competences));
        m.accessibilite = Set(c.accessibilite);
        m.badge_nom = Set(c.badge.nom);
        m.badge_description = Set(c.badge.description);
        m.badge_criteres = Set(c.badge.criteres);
        m.badge_image = Set(c.badge.image);
    }
    if let Some(a) = archived {
        m.archived = Set(a);
    }
    let res = atelier::Entity::update_many()
        .set(m)
        .filter(atelier::Column::Id.eq(id))
        .filter(atelier::Column::Version.eq(version))
        .filter(atelier::Column::StructureId.eq(stored.structure_id))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(atelier_conflict(db, staff, id).await);
    }
    tracing::info!(atelier = %id, account = %staff.id, version = version + 1, "workshop updated");
    Ok(())
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
        .filter(I::Statut.is_in([Statut::Inscrit.code(), Statut::Attente.code()]))
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

/// The registrants of a session (seat first, then waiting list, then cancelled), for its organisers.
pub async fn inscrits(
    db: &DatabaseConnection,
    staff: &Staff,
    seance_id: &str,
    now: DateTime<Utc>,
) -> Result<Inscrits, EditError> {
    use inscription::Column as I;
    let (s, a) = load_seance(db, staff, seance_id).await?;
    let rows = inscription::Entity::find()
        .filter(I::SeanceId.eq(seance_id))
        .order_by_asc(I::CreatedAt)
        .order_by_asc(I::Id)
        .all(db)
        .await?;
    let order = |st: Statut| match st {
        Statut::Inscrit => 0,
        Statut::Attente => 1,
        Statut::Annule => 2,
    };
    let references: Vec<String> = rows.iter().map(|r| format!("inscription:{}", r.id)).collect();
    let mut sent: HashMap<String, Vec<crate::ui::livraison::Livraison>> = HashMap::new();
    for (reference, d) in crate::outbox::deliveries(db, &references).await? {
        sent.entry(reference).or_default().push((&d).into());
    }
    let mut personnes: Vec<Inscrit> = rows
        .into_iter()
        .map(|r| Inscrit {
            messages: sent.remove(&format!("inscription:{}", r.id)).unwrap_or_default(),
            id: r.id,
            prenom: r.prenom,
            nom: r.nom,
            telephone: r.telephone,
            courriel: r.courriel,
            statut: Statut::from_code(&r.statut),
            presence: r.presence,
        })
        .collect();
    personnes.sort_by_key(|p| order(p.statut));
    Ok(Inscrits {
        staff: staff.clone(),
        seance_id: s.id.clone(),
        atelier_id: a.id,
        titre: a.titre,
        quand: dates::quand(s.debut, s.fin),
        capacite: s.capacite,
        appel_ouvert: s.debut <= now && !s.annulee,
        badges_refus: None,
        annulee: s.annulee,
        personnes,
    })
}

/// Records the roll call: `marks` are (registration id, `present` | `absent`). Only people with
/// a seat of this session are marked; the call opens when the session starts.
pub async fn roll_call(
    db: &DatabaseConnection,
    staff: &Staff,
    seance_id: &str,
    marks: &[(String, String)],
    now: DateTime<Utc>,
) -> Result<usize, EditError> {
    use inscription::Column as I;
    let (s, _) = load_seance(db, staff, seance_id).await?;
    if s.annulee {
        return Err(EditError::Invalid(vec![("appel".into(), "Cette séance est annulée : pas d’appel.".into())]));
    }
    if s.debut > now {
        return Err(EditError::Invalid(vec![("appel".into(), "L’appel s’ouvre au début de la séance.".into())]));
    }
    if marks.iter().any(|(_, v)| v != "present" && v != "absent") {
        return Err(EditError::Invalid(vec![("appel".into(), "Choisissez « présent » ou « absent ».".into())]));
    }
    let txn = db.begin().await?;
    let mut marked = 0;
    for (id, value) in marks {
        marked += inscription::Entity::update_many()
            .col_expr(I::Presence, Expr::value(value.clone()))
            .col_expr(I::PresenceAt, Expr::value(now))
            .col_expr(I::PresencePar, Expr::value(staff.id.clone()))
            .col_expr(I::UpdatedAt, Expr::value(now))
            .filter(I::Id.eq(id))
            .filter(I::SeanceId.eq(seance_id))
            .filter(I::Statut.eq(Statut::Inscrit.code()))
            .exec(&txn)
            .await?
            .rows_affected as usize;
    }
    txn.commit().await?;
    tracing::info!(seance = %seance_id, account = %staff.id, marked, "roll call");
    Ok(marked)
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
