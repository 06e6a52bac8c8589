//! The badges' tables (ssr only), private to the room. The revocation index's counter
//! (`badge_state`) is bumped by one raw `UPDATE … RETURNING` (see `service::next_status_index`).

/// A badge issued: its signed credential (Open Badges 3.0), its place in the revocation list.
pub mod badge {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "badge")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub inscription_id: String,
        pub atelier_id: String,
        pub credential: String,
        pub status_index: i32,
        pub issued_at: DateTimeUtc,
        pub revoked_at: Option<DateTimeUtc>,
        pub motif_revocation: Option<String>,
        /// The person's "Mes badges" (none when they left no contact).
        pub porte_badges_id: Option<String>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// A person's « Mes badges »: her badges gathered, reached by private links.
pub mod porte_badges {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "porte_badges")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub created_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The hashes of the contacts a wallet is tied to (a lost link is sent again to them).
pub mod contact {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "porte_badges_contact")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub contact_hash: String,
        pub porte_badges_id: String,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The private links to a wallet (hashed), closed by the person or after their time.
pub mod lien {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "porte_badges_lien")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub porte_badges_id: String,
        pub created_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}
