//! Tables of the référentiel (created and filled by the migration from `reference/`).

pub mod theme {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "ref_theme")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub label: String,
        pub position: i32,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The référentiel's situations of a theme (what the diagnostic ticks).
pub mod situation {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "ref_situation")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub theme_code: String,
        pub label: String,
        pub position: i32,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The référentiel's objectives of a theme (a carnet's objectives are chosen among them).
pub mod objectif {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "ref_objectif")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub theme_code: String,
        pub label: String,
        pub position: i32,
        pub sous_theme_code: Option<String>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The référentiel's actions of a theme.
pub mod action {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "ref_action")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub theme_code: String,
        pub label: String,
        pub position: i32,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The communes of the territory (geo.api.gouv.fr): names, postcodes, centres.
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
