//! A structure's settings chosen in Itinéraire (ssr only): how often its offers must be checked,
//! and when its administrators were last reminded. Each change is conditional on the version the
//! page was opened at; a reminder is claimed by a conditional write, so two servers never send it
//! twice. What the settings mean is the catalogue's (`catalogue::edition::periode`).
use super::db::structure;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// A structure's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reglages {
    pub nom: String,
    /// Days within which its offers must be updated (`None`: the server's period).
    pub periode_maj_jours: Option<u32>,
    /// Bumped by each change of the settings.
    pub version: i32,
    /// The day its administrators were last reminded of offers to update.
    pub rappel_maj_le: Option<NaiveDate>,
}

fn days(s: &structure::Model) -> Option<u32> {
    s.periode_maj_jours.and_then(|d| u32::try_from(d).ok())
}

/// A structure's settings (`None`: no such structure).
pub async fn get(db: &impl ConnectionTrait, id: &str) -> Result<Option<Reglages>, DbErr> {
    Ok(structure::Entity::find_by_id(id.to_owned()).one(db).await?.map(|s| Reglages {
        periode_maj_jours: days(&s),
        nom: s.nom,
        version: s.version,
        rappel_maj_le: s.rappel_maj_le,
    }))
}

/// The structures that chose their own update period: (id, days).
pub async fn periodes_choisies(db: &impl ConnectionTrait) -> Result<Vec<(String, u32)>, DbErr> {
    Ok(structure::Entity::find()
        .filter(structure::Column::PeriodeMajJours.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| days(&s).map(|d| (s.id, d)))
        .collect())
}

/// Sets the update period (`None`: back to the server's) if the settings are still at
/// `version`; `false` when someone changed them since (or there is no such structure).
pub async fn set_periode(
    db: &impl ConnectionTrait,
    id: &str,
    version: i32,
    jours: Option<u32>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let change = structure::ActiveModel {
        periode_maj_jours: Set(jours.map(|d| d as i32)),
        version: Set(version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    let res = structure::Entity::update_many()
        .set(change)
        .filter(structure::Column::Id.eq(id))
        .filter(structure::Column::Version.eq(version))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Claims today's reminder when none was sent after `since`: `true` for the one caller that
/// wrote it (call it in the transaction that writes the messages).
pub async fn claim_rappel(
    db: &impl ConnectionTrait,
    id: &str,
    today: NaiveDate,
    since: NaiveDate,
) -> Result<bool, DbErr> {
    let claimed = structure::Entity::update_many()
        .set(structure::ActiveModel { rappel_maj_le: Set(Some(today)), ..Default::default() })
        .filter(structure::Column::Id.eq(id))
        .filter(
            Condition::any()
                .add(structure::Column::RappelMajLe.is_null())
                .add(structure::Column::RappelMajLe.lte(since)),
        )
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}
