//! The organisation's table (ssr only), private to the room: structures, whether imported from
//! data·inclusion or made in Itinéraire. Other rooms read them through [`super::service`], and
//! the catalogue's import writes them through [`super::fiche`].
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
