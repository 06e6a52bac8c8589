//! The socle's tables (ssr only).
pub mod atelier {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "atelier")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub structure_id: String,
        pub titre: String,
        pub description: String,
        /// JSON array of référentiel theme codes.
        pub themes: String,
        /// JSON array of skills.
        pub competences: String,
        pub accessibilite: Option<String>,
        /// The badge awarded at the roll call: its name (the title when `None`), description,
        /// criteria (defaults in plain French when `None`) and picture (`badges::image`).
        pub badge_nom: Option<String>,
        pub badge_description: Option<String>,
        pub badge_criteres: Option<String>,
        pub badge_image: String,
        pub archived: bool,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

pub mod seance {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "seance")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub atelier_id: String,
        pub debut: DateTimeUtc,
        pub fin: DateTimeUtc,
        pub lieu: Option<String>,
        pub code_insee: Option<String>,
        pub lien_visio: Option<String>,
        pub capacite: i32,
        pub inscrits: i32,
        pub en_attente: i32,
        pub annulee: bool,
        pub motif_annulation: Option<String>,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

pub mod inscription {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "inscription")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub seance_id: String,
        pub prenom: String,
        pub nom: String,
        pub telephone: Option<String>,
        pub courriel: Option<String>,
        pub statut: crate::socle::model::Statut,
        pub jeton_hash: Option<String>,
        pub presence: Option<crate::socle::model::Presence>,
        pub presence_at: Option<DateTimeUtc>,
        pub presence_par: Option<String>,
        pub consentement_at: DateTimeUtc,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub anonymised_at: Option<DateTimeUtc>,
        /// The language the person registered in (her messages are written in it).
        pub langue: Option<String>,
        /// When the day-before reminder was written (claimed once, across servers).
        pub rappel_le: Option<DateTimeUtc>,
        /// The reminder's private link (shorter than the confirmation's; both open the page).
        pub rappel_jeton_hash: Option<String>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// A JSON array column as a list (empty when unreadable).
pub fn list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}
