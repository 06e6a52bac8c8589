//! A structure's update period: how often its offers must be checked before they are flagged
//! « à mettre à jour ». Its administrators choose it (within bounds, see `Fraicheur`); two of
//! them changing it at once never overwrite each other. ssr only.
use super::model::PeriodeMaj;
use crate::auth::model::{Role, Staff};
use crate::catalogue::db::structure;
use crate::catalogue::fraicheur::{Fraicheur, PERIODE_MIN_JOURS};
use crate::error::EditError;
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::HashMap;

pub const CONFLICT_MESSAGE: &str = "Quelqu’un a changé la durée pendant que vous la changiez. Votre choix n’est pas encore \
     enregistré. Vérifiez la durée enregistrée, puis enregistrez à nouveau si vous le souhaitez.";

/// Whether this professional may change their structure's settings.
fn may_change(staff: &Staff) -> bool {
    matches!(staff.role, Role::AdminStructure | Role::Admin) && staff.structure_id.is_some()
}

fn stored_days(s: &structure::Model) -> Option<u32> {
    s.periode_maj_jours.and_then(|d| u32::try_from(d).ok())
}

/// The update period of this professional's structure (`None`: they belong to none).
pub async fn periode(db: &impl ConnectionTrait, staff: &Staff, fraicheur: Fraicheur) -> Result<Option<PeriodeMaj>, DbErr> {
    let Some(id) = &staff.structure_id else { return Ok(None) };
    let Some(s) = structure::Entity::find_by_id(id.clone()).one(db).await? else { return Ok(None) };
    let choisie = stored_days(&s);
    Ok(Some(PeriodeMaj {
        jours: fraicheur.pour_structure(choisie).a_mettre_a_jour_jours,
        choisie: choisie.is_some(),
        habituelle: fraicheur.a_mettre_a_jour_jours,
        min: PERIODE_MIN_JOURS,
        max: fraicheur.periode_max(),
        masquee_jours: fraicheur.masquee_jours,
        version: s.version,
        modifiable: may_change(staff),
    }))
}

/// The periods in force for each structure that chose its own.
pub async fn par_structure(db: &impl ConnectionTrait, fraicheur: Fraicheur) -> Result<HashMap<String, Fraicheur>, DbErr> {
    Ok(structure::Entity::find()
        .filter(structure::Column::PeriodeMajJours.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            let f = fraicheur.pour_structure(stored_days(&s));
            (s.id, f)
        })
        .collect())
}

/// Sets the structure's update period (`None`: back to the server's), if nobody changed it since
/// `version`; a typed period is read by [`Fraicheur::lire_periode`] first.
pub async fn set_periode(
    db: &impl ConnectionTrait,
    staff: &Staff,
    fraicheur: Fraicheur,
    version: i32,
    jours: Option<u32>,
) -> Result<(), EditError> {
    if !may_change(staff) {
        return Err(if staff.structure_id.is_none() { EditError::NoStructure } else { EditError::Forbidden });
    }
    let id = staff.structure_id.clone().unwrap_or_default();
    let change = structure::ActiveModel {
        periode_maj_jours: Set(jours.map(|d| d as i32)),
        version: Set(version + 1),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    let res = structure::Entity::update_many()
        .set(change)
        .filter(structure::Column::Id.eq(id.clone()))
        .filter(structure::Column::Version.eq(version))
        .exec(db)
        .await?;
    if res.rows_affected == 1 {
        tracing::info!(structure = %id, account = %staff.id, jours = ?jours, "update period set");
        return Ok(());
    }
    match periode(db, staff, fraicheur).await? {
        Some(p) => Err(EditError::Conflict { stored: vec![("jours".into(), p.jours.to_string())], version: p.version }),
        None => Err(EditError::NotFound),
    }
}
