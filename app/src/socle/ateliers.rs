//! A structure's workshops, as its organisers write them (ssr only): the workshop form (with its
//! badge), the list, creating and editing — every edit conditional on the version opened.
use super::db::{atelier, list};
use super::model::AtelierLigne;
use super::regles::{count_error, load_atelier, optional_text, LIST_MAX};
use super::seances::seance_lignes;
use crate::auth::model::{Role, Staff};
use crate::db::json_list;
use crate::error::{EditError, FieldErrors};
use crate::referentiel::service::theme_labels;
use crate::ui::form::{given, given_all};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::BTreeSet;

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

/// The workshop form as posted (its inputs' names; `action` from its buttons).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AtelierForm {
    pub action: AtelierAction,
    pub titre: String,
    pub description: String,
    pub themes: Vec<String>,
    /// One a line.
    pub competences: String,
    pub accessibilite: String,
    pub badge_nom: String,
    pub badge_description: String,
    pub badge_criteres: String,
    pub badge_image: String,
}

/// What the workshop form's buttons ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AtelierAction {
    #[default]
    Enregistrer,
    Archiver,
    Restaurer,
}

fn validate_achievement(errors: &mut FieldErrors, f: &AtelierForm) -> Achievement {
    let nom = optional_text(errors, "badge_nom", &f.badge_nom, 120);
    if nom.as_ref().is_some_and(|n| n.chars().count() < 3) {
        errors.add("badge_nom", "Ce champ doit faire au moins 3 caractères.");
    }
    let description = optional_text(errors, "badge_description", &f.badge_description, 1000);
    let criteres = optional_text(errors, "badge_criteres", &f.badge_criteres, 1000);
    let image = given(&f.badge_image).unwrap_or_else(|| crate::socle::badge_image::DEFAULT_DESIGN.to_owned());
    if !crate::socle::badge_image::is_design(&image) {
        errors.add("badge_image", "Choisissez une couleur dans la liste.");
    }
    Achievement { nom, description, criteres, image }
}

/// Checks a posted workshop form into the content to write, or its fields in error
/// (`EditError::Invalid`).
pub async fn validate_atelier(db: &impl ConnectionTrait, f: &AtelierForm) -> Result<AtelierContent, EditError> {
    let mut errors = FieldErrors::new();
    let titre = f.titre.trim().to_owned();
    count_error(&mut errors, "titre", &titre, 3, 120, "Indiquez le titre de l’atelier.");
    let description = f.description.trim().to_owned();
    count_error(&mut errors, "description", &description, 20, 2000, "Décrivez l’atelier en quelques phrases.");
    let labels = theme_labels(db).await?;
    let themes: BTreeSet<String> = given_all(&f.themes).into_iter().collect();
    if themes.is_empty() {
        errors.add("themes", "Choisissez au moins un thème.");
    } else if themes.iter().any(|t| !labels.contains_key(t)) {
        errors.add("themes", "Un des thèmes choisis n’existe pas. Choisissez dans la liste.");
    }
    let competences: Vec<String> = f
        .competences
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '•']).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if competences.is_empty() {
        errors.add("competences", "Indiquez au moins une compétence travaillée (une par ligne).");
    } else if competences.len() > 10 {
        errors.add("competences", "Indiquez au plus 10 compétences.");
    } else if competences.iter().any(|c| c.chars().count() > 150) {
        errors.add("competences", "Chaque compétence doit faire au plus 150 caractères.");
    }
    let accessibilite = optional_text(&mut errors, "accessibilite", &f.accessibilite, 1000);
    let badge = validate_achievement(&mut errors, f);
    Ok(errors.or_valid(|| AtelierContent { titre, description, themes, competences, accessibilite, badge })?)
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
