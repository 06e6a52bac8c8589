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

/// Situations, objectifs and actions have the same columns; one macro keeps them in step.
macro_rules! item_entity {
    ($module:ident, $table:literal $(, $extra:ident : $ty:ty)?) => {
        pub mod $module {
            use sea_orm::entity::prelude::*;
            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub theme_code: String,
                pub label: String,
                pub position: i32,
                $(pub $extra: $ty,)?
            }
            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}
            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}
item_entity!(situation, "ref_situation");
item_entity!(objectif, "ref_objectif", sous_theme_code: Option<String>);
item_entity!(action, "ref_action");

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
