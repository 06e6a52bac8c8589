//! The outbox's tables: the messages, the contacts that said « STOP », the STOP links.

/// A message, from the change that wrote it to its delivery (or failure).
pub mod entity {
    use super::super::model::Statut;
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub kind: String,
        pub canal: String,
        /// The contact while the message waits; once sent, its masked form only.
        pub destinataire: String,
        pub sujet: String,
        /// Erased once sent (it may hold a code or a private link).
        pub corps: String,
        pub lien: Option<String>,
        pub created_at: DateTimeUtc,
        pub claimed_at: Option<DateTimeUtc>,
        pub sent_at: Option<DateTimeUtc>,
        pub attempts: i32,
        pub last_error: Option<String>,
        pub statut: Statut,
        pub urgent: bool,
        pub prochain_essai: Option<DateTimeUtc>,
        pub destinataire_masque: String,
        pub reference: Option<String>,
        pub structure_id: Option<String>,
        pub fournisseur_ref: Option<String>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// A contact that asked for no more reminders nor news (peppered SHA-256 of the contact).
pub mod arret {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "message_arret")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub contact_hash: String,
        pub arrete_le: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// A « STOP » link of a reminder (SHA-256 of its token), and whose contact it stops.
pub mod jeton {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "message_jeton")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub jeton_hash: String,
        pub contact_hash: String,
        pub destinataire_masque: String,
        pub created_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// Server-wide secrets kept in the database (the contacts' pepper).
pub mod secret {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "secret")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub nom: String,
        pub valeur: String,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}
