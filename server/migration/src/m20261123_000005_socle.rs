//! The offre socle: workshops (atelier), their dated sessions (seance), registrations without an
//! account (inscription), and the outbox of messages to send (SMS or e-mail, read by a sender).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Atelier {
    Table,
    Id,
    StructureId,
    Titre,
    Description,
    /// JSON array of référentiel theme codes.
    Themes,
    /// JSON array of skills, in plain French (the badges issue reads them).
    Competences,
    Accessibilite,
    Archived,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Seance {
    Table,
    Id,
    AtelierId,
    Debut,
    Fin,
    Lieu,
    CodeInsee,
    LienVisio,
    Capacite,
    /// Seats taken: kept by the same conditional UPDATE that takes a seat, so it never exceeds
    /// `capacite`, even under concurrent registrations.
    Inscrits,
    EnAttente,
    Annulee,
    MotifAnnulation,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Inscription {
    Table,
    Id,
    SeanceId,
    Prenom,
    Nom,
    /// Normalised (0612345678); NULL once cancelled or anonymised, so the same person can
    /// register again after cancelling.
    Telephone,
    Courriel,
    /// inscrit | attente | annule
    Statut,
    /// SHA-256 of the private link's token.
    JetonHash,
    /// present | absent (roll call)
    Presence,
    PresenceAt,
    PresencePar,
    ConsentementAt,
    CreatedAt,
    UpdatedAt,
    AnonymisedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Outbox {
    Table,
    Id,
    Kind,
    /// sms | courriel
    Canal,
    Destinataire,
    Sujet,
    Corps,
    /// A path of the site the message points to (the sender adds the public URL).
    Lien,
    CreatedAt,
    ClaimedAt,
    SentAt,
    Attempts,
    LastError,
}

#[derive(DeriveIden, Clone, Copy)]
enum Structure {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Commune {
    Table,
    Code,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Atelier::Table)
                    .if_not_exists()
                    .col(string_len(Atelier::Id, 36).primary_key())
                    .col(string_len(Atelier::StructureId, 36))
                    .col(text(Atelier::Titre))
                    .col(text(Atelier::Description))
                    .col(text(Atelier::Themes))
                    .col(text(Atelier::Competences))
                    .col(text_null(Atelier::Accessibilite))
                    .col(boolean(Atelier::Archived).default(false))
                    .col(integer(Atelier::Version).default(1))
                    .col(timestamp_with_time_zone(Atelier::CreatedAt))
                    .col(timestamp_with_time_zone(Atelier::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Atelier::Table, Atelier::StructureId)
                            .to(Structure::Table, Structure::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Seance::Table)
                    .if_not_exists()
                    .col(string_len(Seance::Id, 36).primary_key())
                    .col(string_len(Seance::AtelierId, 36))
                    .col(timestamp_with_time_zone(Seance::Debut))
                    .col(timestamp_with_time_zone(Seance::Fin))
                    .col(text_null(Seance::Lieu))
                    .col(string_len_null(Seance::CodeInsee, 5))
                    .col(text_null(Seance::LienVisio))
                    .col(integer(Seance::Capacite))
                    .col(integer(Seance::Inscrits).default(0))
                    .col(integer(Seance::EnAttente).default(0))
                    .col(boolean(Seance::Annulee).default(false))
                    .col(text_null(Seance::MotifAnnulation))
                    .col(integer(Seance::Version).default(1))
                    .col(timestamp_with_time_zone(Seance::CreatedAt))
                    .col(timestamp_with_time_zone(Seance::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Seance::Table, Seance::AtelierId)
                            .to(Atelier::Table, Atelier::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create().from(Seance::Table, Seance::CodeInsee).to(Commune::Table, Commune::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Inscription::Table)
                    .if_not_exists()
                    .col(string_len(Inscription::Id, 36).primary_key())
                    .col(string_len(Inscription::SeanceId, 36))
                    .col(text(Inscription::Prenom))
                    .col(text(Inscription::Nom))
                    .col(string_len_null(Inscription::Telephone, 20))
                    .col(string_len_null(Inscription::Courriel, 320))
                    .col(string_len(Inscription::Statut, 16))
                    .col(string_len_null(Inscription::JetonHash, 64).unique_key())
                    .col(string_len_null(Inscription::Presence, 16))
                    .col(timestamp_with_time_zone_null(Inscription::PresenceAt))
                    .col(string_len_null(Inscription::PresencePar, 36))
                    .col(timestamp_with_time_zone(Inscription::ConsentementAt))
                    .col(timestamp_with_time_zone(Inscription::CreatedAt))
                    .col(timestamp_with_time_zone(Inscription::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Inscription::AnonymisedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Inscription::Table, Inscription::SeanceId)
                            .to(Seance::Table, Seance::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .if_not_exists()
                    .col(string_len(Outbox::Id, 36).primary_key())
                    .col(string_len(Outbox::Kind, 32))
                    .col(string_len(Outbox::Canal, 16))
                    .col(text(Outbox::Destinataire))
                    .col(text(Outbox::Sujet))
                    .col(text(Outbox::Corps))
                    .col(text_null(Outbox::Lien))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::ClaimedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(text_null(Outbox::LastError))
                    .to_owned(),
            )
            .await?;
        let indexes = [
            Index::create().name("ix_atelier_structure").table(Atelier::Table).col(Atelier::StructureId).to_owned(),
            Index::create().name("ix_seance_debut").table(Seance::Table).col(Seance::Debut).to_owned(),
            Index::create().name("ix_seance_atelier").table(Seance::Table).col(Seance::AtelierId).to_owned(),
            // One seat per person and session: the same phone or e-mail cannot register twice.
            Index::create()
                .name("ux_inscription_telephone")
                .table(Inscription::Table)
                .col(Inscription::SeanceId)
                .col(Inscription::Telephone)
                .unique()
                .to_owned(),
            Index::create()
                .name("ux_inscription_courriel")
                .table(Inscription::Table)
                .col(Inscription::SeanceId)
                .col(Inscription::Courriel)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_inscription_seance_statut")
                .table(Inscription::Table)
                .col(Inscription::SeanceId)
                .col(Inscription::Statut)
                .col(Inscription::CreatedAt)
                .to_owned(),
            Index::create()
                .name("ix_outbox_pending")
                .table(Outbox::Table)
                .col(Outbox::SentAt)
                .col(Outbox::CreatedAt)
                .to_owned(),
        ];
        for index in indexes {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Outbox::Table.into_iden(),
            Inscription::Table.into_iden(),
            Seance::Table.into_iden(),
            Atelier::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
