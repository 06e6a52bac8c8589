//! The orientation's table (ssr only), private to the room.
pub mod orientation {
    use sea_orm::entity::prelude::*;

    /// Where a request is: waiting for the structure's answer, answered, or closed unanswered.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "Text")]
    pub enum Statut {
        #[sea_orm(string_value = "envoyee")]
        Envoyee,
        #[sea_orm(string_value = "acceptee")]
        Acceptee,
        #[sea_orm(string_value = "refusee")]
        Refusee,
        /// No answer within 30 days.
        #[sea_orm(string_value = "close")]
        Close,
    }

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "orientation")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub offre_id: String,
        pub structure_id: String,
        pub account_id: String,
        pub carnet_id: Option<String>,
        /// Emptied when the request is anonymised.
        pub personne_nom: String,
        pub personne_contact: String,
        /// `telephone`, `sms` or `courriel` (see `model::PREFERENCES`).
        pub preference: String,
        pub objet: String,
        pub message: String,
        pub consentement_at: DateTimeUtc,
        /// SHA-256 of the structure's link token.
        #[sea_orm(unique)]
        pub lien_hash: String,
        pub statut: Statut,
        pub motif: Option<String>,
        pub reponse_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub anonymisee_at: Option<DateTimeUtc>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}
