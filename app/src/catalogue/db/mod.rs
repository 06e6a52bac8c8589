//! The catalogue's tables (ssr only): structures, offres, their themes, communes, search terms.
pub mod export;
pub mod import;
pub mod query;
pub mod schema;
pub mod write;

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

/// The name of a structure (for who is signed in, and for offers).
pub async fn structure_nom(db: &impl sea_orm::ConnectionTrait, id: &str) -> Result<Option<String>, sea_orm::DbErr> {
    use sea_orm::EntityTrait;
    Ok(structure::Entity::find_by_id(id.to_owned()).one(db).await?.map(|s| s.nom))
}

/// A structure by its id, or by `source:id` as in data·inclusion files (for the command line).
pub async fn find_structure(
    db: &impl sea_orm::ConnectionTrait,
    key: &str,
) -> Result<Option<structure::Model>, sea_orm::DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    if let Some(s) = structure::Entity::find_by_id(key.to_owned()).one(db).await? {
        return Ok(Some(s));
    }
    let Some((source, source_id)) = key.split_once(':') else { return Ok(None) };
    structure::Entity::find()
        .filter(structure::Column::Source.eq(source))
        .filter(structure::Column::SourceId.eq(source_id))
        .one(db)
        .await
}

pub mod structure {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "structure")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub source: String,
        pub source_id: String,
        pub nom: String,
        pub telephone: Option<String>,
        pub courriel: Option<String>,
        pub site_web: Option<String>,
        pub date_maj: Date,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Days within which its offers must be updated (`None`: the server's period).
        pub periode_maj_jours: Option<i32>,
        /// Bumped by each change of the structure's settings made in Itinéraire.
        pub version: i32,
        /// The day its administrators were last reminded of offers to update.
        pub rappel_maj_le: Option<Date>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
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

pub mod commune {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "commune")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub nom: String,
        pub codes_postaux: String,
        pub arrondissement: Option<String>,
        pub population: Option<i64>,
        /// The commune's centre (geo.api.gouv.fr), for distances.
        pub latitude: Option<f64>,
        pub longitude: Option<f64>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

#[cfg(test)]
mod tests;
