//! The catalogue's tables (ssr only): offres, their themes, search terms. Structures are the
//! organisation's (`crate::organisation`), communes the référentiel's (`crate::referentiel`).
pub mod schema;
pub mod write;

/// Every commune of Haute-Garonne with its postcodes and centre, by name.
pub async fn commune_refs(
    db: &impl sea_orm::ConnectionTrait,
) -> Result<Vec<crate::catalogue::distance::CommuneRef>, sea_orm::DbErr> {
    use crate::catalogue::distance::CommuneRef;
    Ok(crate::referentiel::service::all_communes(db)
        .await?
        .into_iter()
        .map(|c| CommuneRef {
            centre: write::stored_position(c.latitude, c.longitude),
            codes_postaux: c.codes_postaux.split(',').filter(|p| !p.is_empty()).map(str::to_owned).collect(),
            population: c.population.unwrap_or(0),
            code: c.code,
            nom: c.nom,
        })
        .collect())
}

/// The theme codes of one offer, in code order.
pub async fn theme_codes(db: &impl sea_orm::ConnectionTrait, offre_id: &str) -> Result<Vec<String>, sea_orm::DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(offre_theme::Entity::find()
        .filter(offre_theme::Column::OffreId.eq(offre_id))
        .order_by_asc(offre_theme::Column::ThemeCode)
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_code)
        .collect())
}

pub mod offre {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "offre")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub structure_id: String,
        pub source: String,
        pub source_id: String,
        pub nom: String,
        pub description: String,
        pub conditions_acces: Option<String>,
        /// JSON array of data·inclusion `publics` codes.
        pub publics: String,
        pub frais: Option<String>,
        pub frais_precisions: Option<String>,
        /// JSON array of `modes_accueil` codes.
        pub modes_accueil: String,
        /// JSON array of `modes_mobilisation` codes.
        pub modes_mobilisation: String,
        pub adresse: Option<String>,
        pub complement_adresse: Option<String>,
        pub code_postal: Option<String>,
        pub code_insee: Option<String>,
        pub commune: Option<String>,
        pub horaires_accueil: Option<String>,
        pub telephone: Option<String>,
        pub courriel: Option<String>,
        pub lien: Option<String>,
        /// JSON array of the source's data·inclusion thématiques (kept for export).
        pub thematiques: String,
        pub date_maj: Date,
        pub archived: bool,
        pub search_text: String,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// The catalogue version that wrote this row (see `catalogue::index`).
        pub seq: i64,
        /// Where the offer takes place, when its source says (else its commune's centre is used).
        pub latitude: Option<f64>,
        pub longitude: Option<f64>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

pub mod offre_theme {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "offre_theme")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub offre_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub theme_code: String,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

#[cfg(test)]
mod tests;

/// The catalogue's one row of counters: its version (see `crate::catalogue::version`) and the
/// synonyms' version (an edit of the list is made from one).
pub mod catalogue_state {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "catalogue_state")]
    pub struct Model {
        /// Always 1.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub version: i64,
        pub synonymes_version: i64,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// Everyday words and the offers' words they stand for, per theme (see `crate::catalogue::synonymes`).
pub mod synonyme {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "synonyme")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub theme_code: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub mot: String,
        /// A JSON list of words.
        pub equivalents: String,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}
