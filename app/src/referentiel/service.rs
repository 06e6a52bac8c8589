//! Reads of the référentiel for the other rooms (they never open its tables).
use super::db::{action, commune, objectif, situation, theme};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Theme code → label (the labels go into the search text and the filters).
pub async fn theme_labels(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, DbErr> {
    Ok(super::db::theme::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.label)).collect())
}

/// A commune's name by its INSEE code (`None`: no such commune).
pub async fn commune_nom(db: &impl ConnectionTrait, code: &str) -> Result<Option<String>, DbErr> {
    Ok(commune::Entity::find_by_id(code.to_owned()).one(db).await?.map(|c| c.nom))
}

/// Commune names by INSEE code, for these codes (unknown ones left out).
pub async fn commune_noms(db: &impl ConnectionTrait, codes: Vec<String>) -> Result<HashMap<String, String>, DbErr> {
    Ok(commune::Entity::find()
        .filter(commune::Column::Code.is_in(codes))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.code, c.nom))
        .collect())
}

/// Every commune as (INSEE code, name), by name.
pub async fn communes(db: &impl ConnectionTrait) -> Result<Vec<(String, String)>, DbErr> {
    Ok(commune::Entity::find()
        .order_by_asc(commune::Column::Nom)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.code, c.nom))
        .collect())
}

/// One item of the référentiel under a theme (a situation, an objective, an action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i32,
    pub theme_code: String,
    pub label: String,
}

/// A theme's label (`None`: no such theme in the référentiel).
pub async fn theme_label(db: &impl ConnectionTrait, code: &str) -> Result<Option<String>, DbErr> {
    Ok(theme::Entity::find_by_id(code.to_owned()).one(db).await?.map(|t| t.label))
}

/// The 10 themes as (code, label), in the référentiel's order.
pub async fn themes(db: &impl ConnectionTrait) -> Result<Vec<(String, String)>, DbErr> {
    Ok(theme::Entity::find()
        .order_by_asc(theme::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.code, t.label))
        .collect())
}

/// Every situation, in the référentiel's order (`theme`: only that theme's).
pub async fn situations(db: &impl ConnectionTrait, theme: Option<&str>) -> Result<Vec<Item>, DbErr> {
    let mut q = situation::Entity::find().order_by_asc(situation::Column::Position);
    if let Some(t) = theme {
        q = q.filter(situation::Column::ThemeCode.eq(t));
    }
    Ok(q.all(db).await?.into_iter().map(|s| Item { id: s.id, theme_code: s.theme_code, label: s.label }).collect())
}

/// A theme's objectives, in the référentiel's order.
pub async fn objectifs(db: &impl ConnectionTrait, theme: &str) -> Result<Vec<Item>, DbErr> {
    Ok(objectif::Entity::find()
        .filter(objectif::Column::ThemeCode.eq(theme))
        .order_by_asc(objectif::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|o| Item { id: o.id, theme_code: o.theme_code, label: o.label })
        .collect())
}

/// A theme's actions, in the référentiel's order.
pub async fn actions(db: &impl ConnectionTrait, theme: &str) -> Result<Vec<Item>, DbErr> {
    Ok(action::Entity::find()
        .filter(action::Column::ThemeCode.eq(theme))
        .order_by_asc(action::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|a| Item { id: a.id, theme_code: a.theme_code, label: a.label })
        .collect())
}

/// A commune with what distances need.
#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    pub code: String,
    pub nom: String,
    /// Comma-separated.
    pub codes_postaux: String,
    pub population: Option<i64>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl From<commune::Model> for Commune {
    fn from(c: commune::Model) -> Commune {
        Commune {
            code: c.code,
            nom: c.nom,
            codes_postaux: c.codes_postaux,
            population: c.population,
            latitude: c.latitude,
            longitude: c.longitude,
        }
    }
}

/// A commune by its INSEE code.
pub async fn commune(db: &impl ConnectionTrait, code: &str) -> Result<Option<Commune>, DbErr> {
    Ok(commune::Entity::find_by_id(code.to_owned()).one(db).await?.map(Commune::from))
}

/// Every commune, by name.
pub async fn all_communes(db: &impl ConnectionTrait) -> Result<Vec<Commune>, DbErr> {
    Ok(commune::Entity::find()
        .order_by_asc(commune::Column::Nom)
        .all(db)
        .await?
        .into_iter()
        .map(Commune::from)
        .collect())
}

/// Loads the 10 themes with their situations, objectifs and actions (4 queries, not 1 + 3×10).
pub async fn load_themes(db: &impl ConnectionTrait) -> Result<Vec<super::model::Theme>, DbErr> {
    let themes = theme::Entity::find().order_by_asc(theme::Column::Position).all(db).await?;
    let mut by_code: HashMap<String, super::model::Theme> = themes
        .iter()
        .map(|t| {
            (
                t.code.clone(),
                super::model::Theme {
                    code: t.code.clone(),
                    label: t.label.clone(),
                    situations: vec![],
                    objectifs: vec![],
                    actions: vec![],
                },
            )
        })
        .collect();
    for s in situation::Entity::find().order_by_asc(situation::Column::Position).all(db).await? {
        if let Some(t) = by_code.get_mut(&s.theme_code) {
            t.situations.push(s.label);
        }
    }
    for o in objectif::Entity::find().order_by_asc(objectif::Column::Position).all(db).await? {
        if let Some(t) = by_code.get_mut(&o.theme_code) {
            t.objectifs.push(o.label);
        }
    }
    for a in action::Entity::find().order_by_asc(action::Column::Position).all(db).await? {
        if let Some(t) = by_code.get_mut(&a.theme_code) {
            t.actions.push(a.label);
        }
    }
    Ok(themes.into_iter().filter_map(|t| by_code.remove(&t.code)).collect())
}
