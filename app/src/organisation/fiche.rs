//! A structure's data·inclusion record (ssr only): where it comes from, its public contacts, the
//! day it was last updated — what the catalogue's import writes and its export reads.
use super::db::structure;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

/// A structure as data·inclusion describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fiche {
    pub source: String,
    pub source_id: String,
    pub nom: String,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub site_web: Option<String>,
    pub date_maj: NaiveDate,
}

impl From<structure::Model> for Fiche {
    fn from(s: structure::Model) -> Fiche {
        Fiche {
            source: s.source,
            source_id: s.source_id,
            nom: s.nom,
            telephone: s.telephone,
            courriel: s.courriel,
            site_web: s.site_web,
            date_maj: s.date_maj,
        }
    }
}

/// What writing a record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecriture {
    Created,
    Updated,
    /// Updated, and its name changed (what its offers show).
    Renamed,
    Unchanged,
}

/// The structure of a data·inclusion record: (id, name).
pub async fn by_source(
    db: &impl ConnectionTrait,
    source: &str,
    source_id: &str,
) -> Result<Option<(String, String)>, DbErr> {
    Ok(structure::Entity::find()
        .filter(structure::Column::Source.eq(source))
        .filter(structure::Column::SourceId.eq(source_id))
        .one(db)
        .await?
        .map(|s| (s.id, s.nom)))
}

/// Creates the structure of a record, or brings it up to date; the structure's own settings
/// (its update period, chosen in Itinéraire) stay. Returns its id and what was done.
pub async fn upsert(db: &impl ConnectionTrait, f: Fiche, now: DateTime<Utc>) -> Result<(String, Ecriture), DbErr> {
    let existing = structure::Entity::find()
        .filter(structure::Column::Source.eq(f.source.clone()))
        .filter(structure::Column::SourceId.eq(f.source_id.clone()))
        .one(db)
        .await?;
    match existing {
        Some(e)
            if e.nom == f.nom
                && e.telephone == f.telephone
                && e.courriel == f.courriel
                && e.site_web == f.site_web
                && e.date_maj == f.date_maj =>
        {
            Ok((e.id, Ecriture::Unchanged))
        }
        Some(e) => {
            let id = e.id.clone();
            let renamed = e.nom != f.nom;
            let mut m: structure::ActiveModel = e.into();
            m.nom = Set(f.nom);
            m.telephone = Set(f.telephone);
            m.courriel = Set(f.courriel);
            m.site_web = Set(f.site_web);
            m.date_maj = Set(f.date_maj);
            m.updated_at = Set(now);
            m.update(db).await?;
            Ok((id, if renamed { Ecriture::Renamed } else { Ecriture::Updated }))
        }
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            structure::ActiveModel {
                id: Set(id.clone()),
                source: Set(f.source),
                source_id: Set(f.source_id),
                nom: Set(f.nom),
                telephone: Set(f.telephone),
                courriel: Set(f.courriel),
                site_web: Set(f.site_web),
                date_maj: Set(f.date_maj),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            Ok((id, Ecriture::Created))
        }
    }
}

/// Every structure's record with its id, by source then source id (stable diffs of an export).
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<(String, Fiche)>, DbErr> {
    Ok(structure::Entity::find()
        .order_by_asc(structure::Column::Source)
        .order_by_asc(structure::Column::SourceId)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id.clone(), Fiche::from(s)))
        .collect())
}
