//! The carnet de bord: one carnet per person, shared by the professionals who follow them
//! (membership granted and revoked explicitly), structured by the référentiel's themes. Every
//! edited item carries a version (optimistic concurrency); every change is kept in the history,
//! every read by a professional in the access log the person can see.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Carnet {
    Table,
    Id,
    Prenom,
    Nom,
    DateNaissance,
    NumeroCaf,
    Telephone,
    Courriel,
    Adresse,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetMembre {
    Table,
    Id,
    CarnetId,
    AccountId,
    /// The person's référent unique (one at most among the current members).
    ReferentUnique,
    GrantedAt,
    GrantedBy,
    /// Set when access is withdrawn: a former member reads nothing any more.
    RevokedAt,
    RevokedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetDiagnostic {
    Table,
    Id,
    CarnetId,
    ThemeCode,
    /// JSON array of `ref_situation` ids.
    Situations,
    /// The professionals' comment.
    Commentaire,
    /// The person's own words on this theme.
    CommentairePersonne,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetObjectif {
    Table,
    Id,
    CarnetId,
    ThemeCode,
    Libelle,
    /// `en_cours`, `atteint`, `abandonne`.
    Statut,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetAction {
    Table,
    Id,
    CarnetId,
    ObjectifId,
    Libelle,
    /// The catalogue's offer prescribed, when the action is one.
    OffreId,
    /// `a_faire`, `en_cours`, `fait`.
    Statut,
    Echeance,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetEvenement {
    Table,
    Id,
    CarnetId,
    /// `rendez_vous` or `note`.
    Kind,
    At,
    Texte,
    Lieu,
    AuteurId,
    AuteurNom,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetHistorique {
    Table,
    Id,
    CarnetId,
    At,
    /// An account id, or `personne` when the person made the change.
    AuteurId,
    AuteurNom,
    /// What changed: `identite`, `diagnostic:<theme>`, `objectif:<id>`, `membre:<id>`…
    Objet,
    /// JSON of the values before and after (`null` for a creation or a deletion).
    Avant,
    Apres,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetLecture {
    Table,
    Id,
    CarnetId,
    AccountId,
    AuteurNom,
    StructureNom,
    At,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(table: impl IntoIden, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Carnet::Table, Carnet::Id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Carnet::Table)
                    .if_not_exists()
                    .col(string_len(Carnet::Id, 36).primary_key())
                    .col(string_len(Carnet::Prenom, 100))
                    .col(string_len(Carnet::Nom, 100))
                    .col(date(Carnet::DateNaissance))
                    .col(string_len_null(Carnet::NumeroCaf, 20))
                    .col(string_len_null(Carnet::Telephone, 20))
                    .col(string_len_null(Carnet::Courriel, 320))
                    .col(text_null(Carnet::Adresse))
                    .col(integer(Carnet::Version))
                    .col(timestamp_with_time_zone(Carnet::CreatedAt))
                    .col(timestamp_with_time_zone(Carnet::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetMembre::Table)
                    .if_not_exists()
                    .col(string_len(CarnetMembre::Id, 36).primary_key())
                    .col(string_len(CarnetMembre::CarnetId, 36))
                    .col(string_len(CarnetMembre::AccountId, 36))
                    .col(boolean(CarnetMembre::ReferentUnique).default(false))
                    .col(timestamp_with_time_zone(CarnetMembre::GrantedAt))
                    .col(string_len(CarnetMembre::GrantedBy, 36))
                    .col(timestamp_with_time_zone_null(CarnetMembre::RevokedAt))
                    .col(string_len_null(CarnetMembre::RevokedBy, 36))
                    .foreign_key(&mut fk(CarnetMembre::Table, CarnetMembre::CarnetId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("carnet_membre_account")
                    .table(CarnetMembre::Table)
                    .col(CarnetMembre::AccountId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("carnet_membre_carnet")
                    .table(CarnetMembre::Table)
                    .col(CarnetMembre::CarnetId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetDiagnostic::Table)
                    .if_not_exists()
                    .col(string_len(CarnetDiagnostic::Id, 36).primary_key())
                    .col(string_len(CarnetDiagnostic::CarnetId, 36))
                    .col(string_len(CarnetDiagnostic::ThemeCode, 64))
                    .col(text(CarnetDiagnostic::Situations))
                    .col(text_null(CarnetDiagnostic::Commentaire))
                    .col(text_null(CarnetDiagnostic::CommentairePersonne))
                    .col(integer(CarnetDiagnostic::Version))
                    .col(timestamp_with_time_zone(CarnetDiagnostic::UpdatedAt))
                    .foreign_key(&mut fk(CarnetDiagnostic::Table, CarnetDiagnostic::CarnetId))
                    .index(
                        Index::create()
                            .name("carnet_diagnostic_theme")
                            .col(CarnetDiagnostic::CarnetId)
                            .col(CarnetDiagnostic::ThemeCode)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetObjectif::Table)
                    .if_not_exists()
                    .col(string_len(CarnetObjectif::Id, 36).primary_key())
                    .col(string_len(CarnetObjectif::CarnetId, 36))
                    .col(string_len(CarnetObjectif::ThemeCode, 64))
                    .col(text(CarnetObjectif::Libelle))
                    .col(string_len(CarnetObjectif::Statut, 20))
                    .col(integer(CarnetObjectif::Version))
                    .col(timestamp_with_time_zone(CarnetObjectif::CreatedAt))
                    .col(timestamp_with_time_zone(CarnetObjectif::UpdatedAt))
                    .foreign_key(&mut fk(CarnetObjectif::Table, CarnetObjectif::CarnetId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetAction::Table)
                    .if_not_exists()
                    .col(string_len(CarnetAction::Id, 36).primary_key())
                    .col(string_len(CarnetAction::CarnetId, 36))
                    .col(string_len(CarnetAction::ObjectifId, 36))
                    .col(text(CarnetAction::Libelle))
                    .col(string_len_null(CarnetAction::OffreId, 64))
                    .col(string_len(CarnetAction::Statut, 20))
                    .col(date_null(CarnetAction::Echeance))
                    .col(integer(CarnetAction::Version))
                    .col(timestamp_with_time_zone(CarnetAction::CreatedAt))
                    .col(timestamp_with_time_zone(CarnetAction::UpdatedAt))
                    .foreign_key(&mut fk(CarnetAction::Table, CarnetAction::CarnetId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetEvenement::Table)
                    .if_not_exists()
                    .col(string_len(CarnetEvenement::Id, 36).primary_key())
                    .col(string_len(CarnetEvenement::CarnetId, 36))
                    .col(string_len(CarnetEvenement::Kind, 20))
                    .col(timestamp_with_time_zone(CarnetEvenement::At))
                    .col(text(CarnetEvenement::Texte))
                    .col(text_null(CarnetEvenement::Lieu))
                    .col(string_len(CarnetEvenement::AuteurId, 36))
                    .col(text(CarnetEvenement::AuteurNom))
                    .col(integer(CarnetEvenement::Version))
                    .col(timestamp_with_time_zone(CarnetEvenement::CreatedAt))
                    .col(timestamp_with_time_zone(CarnetEvenement::UpdatedAt))
                    .foreign_key(&mut fk(CarnetEvenement::Table, CarnetEvenement::CarnetId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetHistorique::Table)
                    .if_not_exists()
                    .col(string_len(CarnetHistorique::Id, 36).primary_key())
                    .col(string_len(CarnetHistorique::CarnetId, 36))
                    .col(timestamp_with_time_zone(CarnetHistorique::At))
                    .col(string_len(CarnetHistorique::AuteurId, 36))
                    .col(text(CarnetHistorique::AuteurNom))
                    .col(string_len(CarnetHistorique::Objet, 120))
                    .col(text_null(CarnetHistorique::Avant))
                    .col(text_null(CarnetHistorique::Apres))
                    .foreign_key(&mut fk(CarnetHistorique::Table, CarnetHistorique::CarnetId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CarnetLecture::Table)
                    .if_not_exists()
                    .col(string_len(CarnetLecture::Id, 36).primary_key())
                    .col(string_len(CarnetLecture::CarnetId, 36))
                    .col(string_len(CarnetLecture::AccountId, 36))
                    .col(text(CarnetLecture::AuteurNom))
                    .col(text_null(CarnetLecture::StructureNom))
                    .col(timestamp_with_time_zone(CarnetLecture::At))
                    .foreign_key(&mut fk(CarnetLecture::Table, CarnetLecture::CarnetId))
                    .to_owned(),
            )
            .await?;
        for (name, table, col) in [
            ("carnet_objectif_carnet", CarnetObjectif::Table.into_iden(), CarnetObjectif::CarnetId.into_iden()),
            ("carnet_action_carnet", CarnetAction::Table.into_iden(), CarnetAction::CarnetId.into_iden()),
            ("carnet_evenement_carnet", CarnetEvenement::Table.into_iden(), CarnetEvenement::CarnetId.into_iden()),
            ("carnet_historique_carnet", CarnetHistorique::Table.into_iden(), CarnetHistorique::CarnetId.into_iden()),
            ("carnet_lecture_carnet", CarnetLecture::Table.into_iden(), CarnetLecture::CarnetId.into_iden()),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CarnetLecture::Table.into_iden(),
            CarnetHistorique::Table.into_iden(),
            CarnetEvenement::Table.into_iden(),
            CarnetAction::Table.into_iden(),
            CarnetObjectif::Table.into_iden(),
            CarnetDiagnostic::Table.into_iden(),
            CarnetMembre::Table.into_iden(),
            Carnet::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
