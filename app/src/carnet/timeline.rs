//! Appointments and notes on the carnet's timeline (ssr only): members write them, everyone who
//! reads the carnet — the person included — sees them, newest first.
use super::acces;
use super::db::evenement;
use super::model::Evenement;
use crate::auth::model::Staff;
use crate::error::EditError;
use crate::ui::form::given;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};
use serde_json::json;

use super::model::KINDS;

/// The timeline of a carnet, newest first (200 at most).
pub async fn of(db: &impl ConnectionTrait, carnet_id: &str, now: DateTime<Utc>) -> Result<Vec<Evenement>, DbErr> {
    Ok(evenement::Entity::find()
        .filter(evenement::Column::CarnetId.eq(carnet_id))
        .order_by_desc(evenement::Column::At)
        .order_by_desc(evenement::Column::Id)
        .limit(200)
        .all(db)
        .await?
        .into_iter()
        .map(|e| Evenement {
            rendez_vous: e.kind == "rendez_vous",
            a_venir: e.kind == "rendez_vous" && e.at > now,
            quand: if e.kind == "rendez_vous" { crate::dates::jour_heure(e.at) } else { crate::dates::jour(e.at) },
            texte: e.texte,
            lieu: e.lieu,
            auteur: e.auteur_nom,
        })
        .collect())
}

/// The journal's form: an appointment (`kind=rendez_vous`: date, time, place) or a note.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct EvenementForm {
    /// One of [`KINDS`].
    pub kind: String,
    pub texte: String,
    pub lieu: String,
    /// `AAAA-MM-JJ` and `HH:MM`, Paris time (an appointment's).
    pub date: String,
    pub heure: String,
}

/// Adds an appointment (date, time, place) or a note (dated now) — a member.
pub async fn add(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    f: &EvenementForm,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    acces::membership(db, staff, carnet_id).await?;
    let mut errors = vec![];
    let kind = f.kind.trim().to_owned();
    if !KINDS.iter().any(|(k, _)| *k == kind) {
        errors.push(("kind".to_owned(), "Choisissez : rendez-vous ou note.".to_owned()));
    }
    let texte = f.texte.trim().to_owned();
    match texte.chars().count() {
        0 => errors.push(("texte".into(), "Écrivez le motif du rendez-vous ou le texte de la note.".into())),
        n if n > 4000 => errors.push(("texte".into(), "Ce champ doit faire au plus 4000 caractères.".into())),
        _ => {}
    }
    let lieu = given(&f.lieu);
    if lieu.as_ref().is_some_and(|l| l.chars().count() > 300) {
        errors.push(("lieu".into(), "Ce champ doit faire au plus 300 caractères.".into()));
    }
    let at = if kind == "rendez_vous" {
        match crate::dates::parse_local(f.date.trim(), f.heure.trim()) {
            // A typing slip (year 0202, 20266) is caught rather than stored.
            Ok(at) if !(2000..2100).contains(&chrono::Datelike::year(&at)) => {
                errors.push(("date".into(), "Cette date n’est pas possible. Vérifiez l’année.".into()));
                None
            }
            Ok(at) => Some(at),
            Err(m) => {
                errors.push(("date".into(), m.into()));
                None
            }
        }
    } else {
        Some(now)
    };
    let (Some(at), true) = (at, errors.is_empty()) else { return Err(EditError::Invalid(errors)) };
    let txn = db.begin().await?;
    evenement::Entity::insert(evenement::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        carnet_id: Set(carnet_id.to_owned()),
        kind: Set(kind.clone()),
        at: Set(at),
        texte: Set(texte.clone()),
        lieu: Set(lieu.clone()),
        auteur_id: Set(staff.id.clone()),
        auteur_nom: Set(acces::Author::from(staff).nom),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        rappel_le: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    let what = if kind == "rendez_vous" { "Rendez-vous" } else { "Note" };
    acces::history(
        &txn,
        carnet_id,
        staff,
        "evenement",
        None,
        Some(json!({"type": what, "texte": texte, "lieu": lieu.unwrap_or_default()})),
        now,
    )
    .await?;
    super::plan::touch(&txn, carnet_id, now).await?;
    txn.commit().await?;
    Ok(())
}
