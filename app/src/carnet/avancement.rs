//! A plan's progress (ssr only): objectives' and actions' statuses (the person marks her own
//! actions done), and an item's wording and due date edited — versioned and historised.
use super::acces;
use super::acces::Author;
use super::db::action::{self, StatutAction};
use super::db::objectif::{self, StatutObjectif};
use super::plan::{action_of, commit_with_history, echeance, objective_of};
use crate::auth::model::Staff;
use crate::error::EditError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use serde_json::json;

fn unknown_status() -> EditError {
    EditError::Invalid(vec![("statut".into(), "Ce statut n’existe pas.".into())])
}

/// Changes an objective's status from `version` (a member).
pub async fn set_objective_status(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    id: &str,
    version: i32,
    statut: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    acces::membership(db, staff, carnet_id).await?;
    let statut = StatutObjectif::from_code(statut).ok_or_else(unknown_status)?;
    let o = objective_of(db, carnet_id, id).await?;
    let txn = db.begin().await?;
    let res = objectif::Entity::update_many()
        .col_expr(objectif::Column::Statut, Expr::value(statut))
        .col_expr(objectif::Column::Version, Expr::value(version + 1))
        .col_expr(objectif::Column::UpdatedAt, Expr::value(now))
        .filter(objectif::Column::Id.eq(id))
        .filter(objectif::Column::Version.eq(version))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        let stored = objective_of(db, carnet_id, id).await?;
        let stored_statut = stored.statut.code().to_owned();
        return Err(EditError::Conflict { stored: vec![("statut".into(), stored_statut)], version: stored.version });
    }
    let label = super::model::statut_label;
    commit_with_history(
        txn,
        carnet_id,
        Author::from(staff),
        &format!("objectif:{}", o.theme_code),
        Some(json!({"objectif": o.libelle, "statut": label(o.statut.code())})),
        Some(json!({"objectif": o.libelle, "statut": label(statut.code())})),
        now,
    )
    .await?;
    Ok(())
}

/// Changes an action's status from `version`: a member (any status), or the person (done / to do).
pub async fn set_action_status(
    db: &DatabaseConnection,
    who: &Author,
    carnet_id: &str,
    id: &str,
    version: i32,
    statut: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let statut = StatutAction::from_code(statut).ok_or_else(unknown_status)?;
    let a = action::Entity::find_by_id(id.to_owned())
        .filter(action::Column::CarnetId.eq(carnet_id))
        .one(db)
        .await?
        .ok_or(EditError::NotFound)?;
    let o = objective_of(db, carnet_id, &a.objectif_id).await?;
    let txn = db.begin().await?;
    let res = action::Entity::update_many()
        .col_expr(action::Column::Statut, Expr::value(statut))
        .col_expr(action::Column::Version, Expr::value(version + 1))
        .col_expr(action::Column::UpdatedAt, Expr::value(now))
        .filter(action::Column::Id.eq(id))
        .filter(action::Column::Version.eq(version))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        return Err(EditError::Conflict {
            stored: vec![("statut".into(), a.statut.code().to_owned())],
            version: a.version,
        });
    }
    let label = super::model::statut_label;
    commit_with_history(
        txn,
        carnet_id,
        who.clone(),
        &format!("action:{}", o.theme_code),
        Some(json!({"action": a.libelle, "statut": label(a.statut.code())})),
        Some(json!({"action": a.libelle, "statut": label(statut.code())})),
        now,
    )
    .await?;
    Ok(())
}

/// A member changes an action's status.
pub async fn set_action_status_as_member(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    id: &str,
    version: i32,
    statut: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    acces::membership(db, staff, carnet_id).await?;
    set_action_status(db, &Author::from(staff), carnet_id, id, version, statut, now).await
}

/// An objective's or an action's stored values, as its form holds them.
struct ItemValues {
    theme_code: String,
    libelle: String,
    statut: String,
    echeance: Option<NaiveDate>,
    version: i32,
}

impl ItemValues {
    fn form(&self) -> Vec<(String, String)> {
        vec![
            ("libelle".into(), self.libelle.clone()),
            ("statut".into(), self.statut.clone()),
            ("echeance".into(), self.echeance.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()),
        ]
    }
    fn history(&self, objectif: bool) -> serde_json::Value {
        let mut v = json!({"libellé": self.libelle, "statut": super::model::statut_label(&self.statut)});
        if !objectif {
            v["échéance"] = json!(self.echeance.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default());
        }
        v
    }
}

async fn item_values(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    objectif: bool,
    id: &str,
) -> Result<ItemValues, EditError> {
    Ok(if objectif {
        let o = objective_of(db, carnet_id, id).await?;
        ItemValues {
            theme_code: o.theme_code,
            libelle: o.libelle,
            statut: o.statut.code().to_owned(),
            echeance: None,
            version: o.version,
        }
    } else {
        let a = action_of(db, carnet_id, id).await?;
        let theme_code = objective_of(db, carnet_id, &a.objectif_id).await?.theme_code;
        let statut = a.statut.code().to_owned();
        ItemValues { theme_code, libelle: a.libelle, statut, echeance: a.echeance, version: a.version }
    })
}

/// An objective (`objectif`) or an action, for its edit form (after a logged read).
pub async fn item(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    objectif: bool,
    id: &str,
) -> Result<super::model::PlanItem, EditError> {
    let (_, c) = acces::read(db, staff, carnet_id, Utc::now()).await?;
    let v = item_values(db, carnet_id, objectif, id).await?;
    let theme = crate::referentiel::service::theme_label(db, &v.theme_code).await?.unwrap_or_default();
    let values = v.form();
    Ok(super::model::PlanItem {
        staff: staff.clone(),
        carnet_id: carnet_id.to_owned(),
        nom: format!("{} {}", c.prenom, c.nom),
        theme,
        objectif,
        id: id.to_owned(),
        values,
        version: v.version,
    })
}

/// An objective's or an action's edit form: its wording, status and (an action's) due date.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ItemForm {
    pub libelle: String,
    pub statut: String,
    pub echeance: String,
}

/// Saves an objective's (`objectif`) or an action's wording, status and due date from `version`
/// (a member). A stale version is a conflict carrying the stored values.
#[allow(clippy::too_many_arguments)]
pub async fn update_item(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    objectif: bool,
    id: &str,
    version: i32,
    f: &ItemForm,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    acces::membership(db, staff, carnet_id).await?;
    let before = item_values(db, carnet_id, objectif, id).await?;
    let mut errors = vec![];
    let libelle = f.libelle.trim().to_owned();
    if !(3..=300).contains(&libelle.chars().count()) {
        errors.push(("libelle".to_owned(), "Écrivez-le en 3 à 300 caractères.".to_owned()));
    }
    let statut = f.statut.trim().to_owned();
    let known = if objectif {
        StatutObjectif::from_code(&statut).is_some()
    } else {
        StatutAction::from_code(&statut).is_some()
    };
    if !known {
        errors.push(("statut".to_owned(), "Choisissez un statut dans la liste.".to_owned()));
    }
    let echeance = if objectif {
        None
    } else {
        echeance(&f.echeance, now).unwrap_or_else(|e| {
            errors.push(e);
            None
        })
    };
    if !errors.is_empty() {
        return Err(EditError::Invalid(errors));
    }
    let txn = db.begin().await?;
    let rows = if objectif {
        objectif::Entity::update_many()
            .col_expr(objectif::Column::Libelle, Expr::value(libelle.clone()))
            .col_expr(objectif::Column::Statut, Expr::value(statut.clone()))
            .col_expr(objectif::Column::Version, Expr::value(version + 1))
            .col_expr(objectif::Column::UpdatedAt, Expr::value(now))
            .filter(objectif::Column::Id.eq(id))
            .filter(objectif::Column::Version.eq(version))
            .exec(&txn)
            .await?
            .rows_affected
    } else {
        action::Entity::update_many()
            .col_expr(action::Column::Libelle, Expr::value(libelle.clone()))
            .col_expr(action::Column::Statut, Expr::value(statut.clone()))
            .col_expr(action::Column::Echeance, Expr::value(echeance))
            .col_expr(action::Column::Version, Expr::value(version + 1))
            .col_expr(action::Column::UpdatedAt, Expr::value(now))
            .filter(action::Column::Id.eq(id))
            .filter(action::Column::Version.eq(version))
            .exec(&txn)
            .await?
            .rows_affected
    };
    if rows == 0 {
        txn.rollback().await?;
        let stored = item_values(db, carnet_id, objectif, id).await?;
        return Err(EditError::Conflict { stored: stored.form(), version: stored.version });
    }
    let after = ItemValues { theme_code: before.theme_code.clone(), libelle, statut, echeance, version: version + 1 };
    let objet = format!("{}:{}", if objectif { "objectif" } else { "action" }, before.theme_code);
    commit_with_history(
        txn,
        carnet_id,
        Author::from(staff),
        &objet,
        Some(before.history(objectif)),
        Some(after.history(objectif)),
        now,
    )
    .await
}
