//! The invitation links' table (ssr only), private to the room. A link's token is never stored:
//! its SHA-256 is the row's id.
pub mod invitation {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "invitation")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        /// The territory's code (`content/territoires`).
        pub territoire: String,
        /// The account that printed the letter.
        pub created_by: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        /// When the person first opened it (the letter reached her).
        pub opened_at: Option<DateTimeUtc>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}
