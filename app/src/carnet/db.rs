//! The carnet's tables (ssr only).
macro_rules! carnet_entity {
    ($module:ident, $table:literal, { $($field:ident : $ty:ty),* $(,)? }) => {
        pub mod $module {
            use sea_orm::entity::prelude::*;
            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                #[sea_orm(primary_key, auto_increment = false)]
                pub id: String,
                $(pub $field: $ty,)*
            }
            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}
            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

carnet_entity!(carnet, "carnet", {
    prenom: String,
    nom: String,
    date_naissance: Date,
    numero_caf: Option<String>,
    telephone: Option<String>,
    courriel: Option<String>,
    adresse: Option<String>,
    version: i32,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    nouvelles_le: Option<DateTimeUtc>,
});

carnet_entity!(membre, "carnet_membre", {
    carnet_id: String,
    account_id: String,
    referent_unique: bool,
    granted_at: DateTimeUtc,
    granted_by: String,
    revoked_at: Option<DateTimeUtc>,
    revoked_by: Option<String>,
});

carnet_entity!(diagnostic, "carnet_diagnostic", {
    carnet_id: String,
    theme_code: String,
    situations: String,
    commentaire: Option<String>,
    commentaire_personne: Option<String>,
    version: i32,
    updated_at: DateTimeUtc,
});

carnet_entity!(historique, "carnet_historique", {
    carnet_id: String,
    at: DateTimeUtc,
    auteur_id: String,
    auteur_nom: String,
    objet: String,
    avant: Option<String>,
    apres: Option<String>,
});

carnet_entity!(lecture, "carnet_lecture", {
    carnet_id: String,
    account_id: String,
    auteur_nom: String,
    structure_nom: Option<String>,
    at: DateTimeUtc,
});

carnet_entity!(objectif, "carnet_objectif", {
    carnet_id: String,
    theme_code: String,
    libelle: String,
    statut: String,
    version: i32,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
});

carnet_entity!(action, "carnet_action", {
    carnet_id: String,
    objectif_id: String,
    libelle: String,
    offre_id: Option<String>,
    statut: String,
    echeance: Option<Date>,
    version: i32,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
});

carnet_entity!(evenement, "carnet_evenement", {
    carnet_id: String,
    kind: String,
    at: DateTimeUtc,
    texte: String,
    lieu: Option<String>,
    auteur_id: String,
    auteur_nom: String,
    version: i32,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    rappel_le: Option<DateTimeUtc>,
});
