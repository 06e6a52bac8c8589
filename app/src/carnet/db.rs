//! The carnet's tables (ssr only), private to the room: one module per table, declared as every
//! other room declares its entities; statuses are enums.

/// A person's carnet: who she is and how to reach her.
pub mod carnet {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub prenom: String,
        pub nom: String,
        pub date_naissance: Date,
        pub numero_caf: Option<String>,
        pub telephone: Option<String>,
        pub courriel: Option<String>,
        pub adresse: Option<String>,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub nouvelles_le: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A professional's access to a carnet (revoked accesses stay, for the history).
pub mod membre {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_membre")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub account_id: String,
        pub referent_unique: bool,
        pub granted_at: DateTimeUtc,
        pub granted_by: String,
        pub revoked_at: Option<DateTimeUtc>,
        pub revoked_by: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A theme's diagnostic: the référentiel's situations ticked, the professionals' and the person's words.
pub mod diagnostic {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_diagnostic")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub theme_code: String,
        pub situations: String,
        pub commentaire: Option<String>,
        pub commentaire_personne: Option<String>,
        pub version: i32,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Every change to a carnet: who, when, before and after.
pub mod historique {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_historique")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub at: DateTimeUtc,
        pub auteur_id: String,
        pub auteur_nom: String,
        pub objet: String,
        pub avant: Option<String>,
        pub apres: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Every time a professional opened a carnet (the person sees who read it).
pub mod lecture {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_lecture")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub account_id: String,
        pub auteur_nom: String,
        pub structure_nom: Option<String>,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An objective of the person's plan, on a theme.
pub mod objectif {
    use sea_orm::entity::prelude::*;

    /// Where an objective stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, serde::Deserialize)]
    #[sea_orm(rs_type = "String", db_type = "Text")]
    pub enum StatutObjectif {
        #[sea_orm(string_value = "en_cours")]
        #[serde(rename = "en_cours")]
        EnCours,
        #[sea_orm(string_value = "atteint")]
        #[serde(rename = "atteint")]
        Atteint,
        #[sea_orm(string_value = "abandonne")]
        #[serde(rename = "abandonne")]
        Abandonne,
    }

    impl StatutObjectif {
        pub const ALL: [StatutObjectif; 3] = [Self::EnCours, Self::Atteint, Self::Abandonne];
        /// As stored and as forms post it.
        pub fn code(self) -> &'static str {
            match self {
                Self::EnCours => "en_cours",
                Self::Atteint => "atteint",
                Self::Abandonne => "abandonne",
            }
        }
        pub fn from_code(code: &str) -> Option<Self> {
            Self::ALL.into_iter().find(|s| s.code() == code)
        }
    }

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_objectif")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub theme_code: String,
        pub libelle: String,
        pub statut: StatutObjectif,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An action towards an objective (from the référentiel, an offer of the catalogue, or free words).
pub mod action {
    use sea_orm::entity::prelude::*;

    /// Where an action stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, serde::Deserialize)]
    #[sea_orm(rs_type = "String", db_type = "Text")]
    pub enum StatutAction {
        #[sea_orm(string_value = "a_faire")]
        #[serde(rename = "a_faire")]
        AFaire,
        #[sea_orm(string_value = "en_cours")]
        #[serde(rename = "en_cours")]
        EnCours,
        #[sea_orm(string_value = "fait")]
        #[serde(rename = "fait")]
        Fait,
    }

    impl StatutAction {
        pub const ALL: [StatutAction; 3] = [Self::AFaire, Self::EnCours, Self::Fait];
        /// As stored and as forms post it.
        pub fn code(self) -> &'static str {
            match self {
                Self::AFaire => "a_faire",
                Self::EnCours => "en_cours",
                Self::Fait => "fait",
            }
        }
        pub fn from_code(code: &str) -> Option<Self> {
            Self::ALL.into_iter().find(|s| s.code() == code)
        }
    }

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_action")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub objectif_id: String,
        pub libelle: String,
        pub offre_id: Option<String>,
        pub statut: StatutAction,
        pub echeance: Option<Date>,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The journal: appointments and notes.
pub mod evenement {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "carnet_evenement")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub kind: String,
        pub at: DateTimeUtc,
        pub texte: String,
        pub lieu: Option<String>,
        pub auteur_id: String,
        pub auteur_nom: String,
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub rappel_le: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A code asked by the person to open her carnet (hashed; one use, a few tries).
pub mod personne_code {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "personne_code")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub demande_hash: String,
        pub carnet_id: Option<String>,
        pub code_hash: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
        pub attempts: i32,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// The person's session once her code is checked (its id hashed, a few hours).
pub mod personne_session {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "personne_session")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub carnet_id: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}
