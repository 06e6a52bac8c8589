//! Objectives per theme and actions per objective (ssr only): from the référentiel, free words,
//! or an offer of the catalogue (prescribing it links to it; the person sees it). Members add
//! them and change their status; the person marks their actions done. Versioned and historised.
use super::acces;
use super::acces::Author;
use super::db::{action, carnet, objectif};
use super::model::{Action, Choix, Objectif};
use crate::auth::model::Staff;
use crate::error::EditError;
use crate::ui::form::given;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    sea_query::Expr, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;

const CHOICE_MESSAGE: &str = "Choisissez dans la liste, ou écrivez-le avec vos mots (3 à 300 caractères).";

/// The objectives and actions of a carnet, by theme code.
pub async fn by_theme(db: &impl ConnectionTrait, carnet_id: &str) -> Result<HashMap<String, Vec<Objectif>>, DbErr> {
    let objectifs = objectif::Entity::find()
        .filter(objectif::Column::CarnetId.eq(carnet_id))
        .order_by_asc(objectif::Column::CreatedAt)
        .order_by_asc(objectif::Column::Id)
        .all(db)
        .await?;
    let actions = action::Entity::find()
        .filter(action::Column::CarnetId.eq(carnet_id))
        .order_by_asc(action::Column::CreatedAt)
        .order_by_asc(action::Column::Id)
        .all(db)
        .await?;
    let offres =
        crate::catalogue::query::offer_names(db, actions.iter().filter_map(|a| a.offre_id.clone()).collect()).await?;
    let mut out: HashMap<String, Vec<Objectif>> = HashMap::new();
    for o in objectifs {
        let mine = actions
            .iter()
            .filter(|a| a.objectif_id == o.id)
            .map(|a| Action {
                id: a.id.clone(),
                libelle: a.libelle.clone(),
                offre: a.offre_id.as_ref().and_then(|id| offres.get(id).map(|n| (id.clone(), n.clone()))),
                statut: a.statut.code().to_owned(),
                echeance: a.echeance.map(|d| d.format("%d/%m/%Y").to_string()),
                version: a.version,
            })
            .collect();
        out.entry(o.theme_code.clone()).or_default().push(Objectif {
            id: o.id,
            libelle: o.libelle,
            statut: o.statut.code().to_owned(),
            version: o.version,
            actions: mine,
        });
    }
    Ok(out)
}

/// The new-objective and new-action forms: a choice of the référentiel (`ref`) or free words
/// (`libre`); for an action, an offer of the catalogue on the theme instead (`offre`) and an
/// optional due date (`echeance`, `AAAA-MM-JJ`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PlanForm {
    #[serde(rename = "ref")]
    pub choix: String,
    pub libre: String,
    pub offre: String,
    pub echeance: String,
}

/// A choice from a list (`ref`), or free words (`libre`).
fn chosen(f: &PlanForm, list: &[(String, String)]) -> Result<String, Vec<(String, String)>> {
    let picked = f.choix.trim();
    let free = f.libre.trim().to_owned();
    match (picked.is_empty(), free.chars().count()) {
        (false, _) => list
            .iter()
            .find(|(id, _)| *id == picked)
            .map(|(_, l)| l.clone())
            .ok_or_else(|| vec![("ref".into(), CHOICE_MESSAGE.into())]),
        (true, 3..=300) => Ok(free),
        _ => Err(vec![("ref".into(), CHOICE_MESSAGE.into())]),
    }
}

async fn objective_choices(db: &impl ConnectionTrait, theme_code: &str) -> Result<Vec<(String, String)>, DbErr> {
    Ok(crate::referentiel::service::objectifs(db, theme_code)
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o.label))
        .collect())
}

async fn action_choices(db: &impl ConnectionTrait, theme_code: &str) -> Result<Vec<(String, String)>, DbErr> {
    Ok(crate::referentiel::service::actions(db, theme_code)
        .await?
        .into_iter()
        .map(|a| (a.id.to_string(), a.label))
        .collect())
}

/// Offers of the catalogue on a theme (not archived), by name.
async fn offers_on(db: &impl ConnectionTrait, theme_code: &str) -> Result<Vec<(String, String)>, DbErr> {
    let offers = crate::catalogue::query::offers_on_theme(db, theme_code, 300).await?;
    let names =
        crate::organisation::service::by_ids(db, offers.iter().map(|o| o.structure_id.clone()).collect()).await?;
    Ok(offers
        .into_iter()
        .map(|o| {
            (o.id, format!("{} — {}", o.nom, names.get(&o.structure_id).map(|s| s.nom.clone()).unwrap_or_default()))
        })
        .collect())
}

/// The optional due date of an action's form (within a year back, before 2100).
pub(super) fn echeance(raw: &str, now: DateTime<Utc>) -> Result<Option<NaiveDate>, (String, String)> {
    let raw = raw.trim();
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) if d >= crate::dates::today(now) - chrono::Duration::days(365) && d.year_ce().1 < 2100 => Ok(Some(d)),
        Err(_) if raw.is_empty() => Ok(None),
        _ => Err(("echeance".into(), "Cette date n’est pas valable. Exemple : 31/01/2027.".into())),
    }
}

pub(super) async fn objective_of(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    id: &str,
) -> Result<objectif::Model, EditError> {
    objectif::Entity::find_by_id(id.to_owned())
        .filter(objectif::Column::CarnetId.eq(carnet_id))
        .one(db)
        .await?
        .ok_or(EditError::NotFound)
}

/// The new-objective form of a theme (after a logged read).
pub async fn objective_form(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    theme_code: &str,
) -> Result<Choix, EditError> {
    let (_, c) = acces::read(db, staff, carnet_id, Utc::now()).await?;
    let label = crate::referentiel::service::theme_label(db, theme_code).await?.ok_or(EditError::NotFound)?;
    Ok(Choix {
        staff: staff.clone(),
        carnet_id: carnet_id.to_owned(),
        nom: format!("{} {}", c.prenom, c.nom),
        titre: label,
        referentiel: objective_choices(db, theme_code).await?,
        offres: vec![],
    })
}

/// The new-action form of an objective (after a logged read).
pub async fn action_form(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    objectif_id: &str,
) -> Result<Choix, EditError> {
    let (_, c) = acces::read(db, staff, carnet_id, Utc::now()).await?;
    let o = objective_of(db, carnet_id, objectif_id).await?;
    Ok(Choix {
        staff: staff.clone(),
        carnet_id: carnet_id.to_owned(),
        nom: format!("{} {}", c.prenom, c.nom),
        titre: o.libelle,
        referentiel: action_choices(db, &o.theme_code).await?,
        offres: offers_on(db, &o.theme_code).await?,
    })
}

/// Marks the carnet as updated at `now` (its list shows the date).
pub(super) async fn touch(db: &impl ConnectionTrait, carnet_id: &str, now: DateTime<Utc>) -> Result<(), DbErr> {
    carnet::Entity::update_many()
        .col_expr(carnet::Column::UpdatedAt, Expr::value(now))
        .filter(carnet::Column::Id.eq(carnet_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends a change: its history line, the carnet marked updated, the transaction committed.
pub(super) async fn commit_with_history(
    txn: sea_orm::DatabaseTransaction,
    carnet_id: &str,
    who: Author,
    objet: &str,
    avant: Option<serde_json::Value>,
    apres: Option<serde_json::Value>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    acces::history(&txn, carnet_id, who, objet, avant, apres, now).await?;
    touch(&txn, carnet_id, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds an objective to a theme (a member).
pub async fn add_objective(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    theme_code: &str,
    f: &PlanForm,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    acces::membership(db, staff, carnet_id).await?;
    if crate::referentiel::service::theme_label(db, theme_code).await?.is_none() {
        return Err(EditError::NotFound);
    }
    let libelle = chosen(f, &objective_choices(db, theme_code).await?).map_err(EditError::Invalid)?;
    // Time-ordered ids: items added at the same instant keep their order.
    let id = uuid::Uuid::now_v7().to_string();
    let txn = db.begin().await?;
    objectif::Entity::insert(objectif::ActiveModel {
        id: Set(id.clone()),
        carnet_id: Set(carnet_id.to_owned()),
        theme_code: Set(theme_code.to_owned()),
        libelle: Set(libelle.clone()),
        statut: Set(objectif::StatutObjectif::EnCours),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    commit_with_history(
        txn,
        carnet_id,
        Author::from(staff),
        &format!("objectif:{theme_code}"),
        None,
        Some(json!({"objectif": libelle})),
        now,
    )
    .await?;
    Ok(id)
}

/// Adds an action to an objective (a member): from the référentiel, an offer of the catalogue on
/// the theme, or free words; an optional due date.
pub async fn add_action(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    objectif_id: &str,
    f: &PlanForm,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    acces::membership(db, staff, carnet_id).await?;
    let o = objective_of(db, carnet_id, objectif_id).await?;
    let offre_id = given(&f.offre);
    let mut errors = vec![];
    let libelle = match &offre_id {
        Some(id) => match offers_on(db, &o.theme_code).await?.into_iter().find(|(o, _)| o == id) {
            Some((_, name)) => Some(format!("Offre : {}", name.split(" — ").next().unwrap_or(&name))),
            None => {
                errors.push(("offre".to_owned(), "Choisissez une offre dans la liste.".to_owned()));
                None
            }
        },
        None => match chosen(f, &action_choices(db, &o.theme_code).await?) {
            Ok(l) => Some(l),
            Err(e) => {
                errors.extend(e);
                None
            }
        },
    };
    let echeance = echeance(&f.echeance, now).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let (Some(libelle), true) = (libelle, errors.is_empty()) else { return Err(EditError::Invalid(errors)) };
    // Time-ordered ids: items added at the same instant keep their order.
    let id = uuid::Uuid::now_v7().to_string();
    let txn = db.begin().await?;
    action::Entity::insert(action::ActiveModel {
        id: Set(id.clone()),
        carnet_id: Set(carnet_id.to_owned()),
        objectif_id: Set(o.id.clone()),
        libelle: Set(libelle.clone()),
        offre_id: Set(offre_id),
        statut: Set(action::StatutAction::AFaire),
        echeance: Set(echeance),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    commit_with_history(
        txn,
        carnet_id,
        Author::from(staff),
        &format!("action:{}", o.theme_code),
        None,
        Some(json!({"objectif": o.libelle, "action": libelle})),
        now,
    )
    .await?;
    Ok(id)
}

pub(super) async fn action_of(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    id: &str,
) -> Result<action::Model, EditError> {
    action::Entity::find_by_id(id.to_owned())
        .filter(action::Column::CarnetId.eq(carnet_id))
        .one(db)
        .await?
        .ok_or(EditError::NotFound)
}
