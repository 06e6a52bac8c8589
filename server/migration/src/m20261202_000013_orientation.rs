//! Orientation requests: a professional sends a person, with their consent, to an offer's
//! structure, which answers through a link sent by e-mail (no account). Closed after 30 days
//! without answer; the person's data in them is erased after a configurable period.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden)]
enum Orientation {
    Table,
    Id,
    OffreId,
    StructureId,
    AccountId,
    CarnetId,
    PersonneNom,
    PersonneContact,
    /// `telephone`, `sms` or `courriel`.
    Preference,
    /// What the orientation is for, as told to the person.
    Objet,
    Message,
    ConsentementAt,
    /// SHA-256 of the structure's link token.
    LienHash,
    /// `envoyee`, `acceptee`, `refusee` or `close`.
    Statut,
    Motif,
    ReponseAt,
    CreatedAt,
    AnonymiseeAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Orientation::Table)
                    .if_not_exists()
                    .col(string_len(Orientation::Id, 36).primary_key())
                    .col(string_len(Orientation::OffreId, 36))
                    .col(string_len(Orientation::StructureId, 36))
                    .col(string_len(Orientation::AccountId, 36))
                    .col(string_len_null(Orientation::CarnetId, 36))
                    .col(string_len(Orientation::PersonneNom, 200))
                    .col(string_len(Orientation::PersonneContact, 320))
                    .col(string_len(Orientation::Preference, 20))
                    .col(string_len(Orientation::Objet, 500))
                    .col(text(Orientation::Message))
                    .col(timestamp_with_time_zone(Orientation::ConsentementAt))
                    .col(string_len(Orientation::LienHash, 64).unique_key())
                    .col(string_len(Orientation::Statut, 20))
                    .col(text_null(Orientation::Motif))
                    .col(timestamp_with_time_zone_null(Orientation::ReponseAt))
                    .col(timestamp_with_time_zone(Orientation::CreatedAt))
                    .col(timestamp_with_time_zone_null(Orientation::AnonymiseeAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_orientation_account")
                    .table(Orientation::Table)
                    .col(Orientation::AccountId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Orientation::Table).to_owned()).await
    }
}
