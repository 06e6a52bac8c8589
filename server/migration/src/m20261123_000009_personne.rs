//! The person's own access to their carnet, without a password: a one-time code sent to the
//! phone or e-mail written in the carnet, then a server-side session.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum PersonneCode {
    Table,
    /// Random token carried by the code form (`/mon-carnet/code?d=…`); only its hash is stored.
    DemandeHash,
    /// `None` when the contact matched no carnet (the form still asks for a code: nobody learns
    /// whether a contact is known).
    CarnetId,
    /// SHA-256 of the demand's token and the six digits.
    CodeHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    Attempts,
}

#[derive(DeriveIden, Clone, Copy)]
enum PersonneSession {
    Table,
    /// SHA-256 of the cookie's token.
    Id,
    CarnetId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PersonneCode::Table)
                    .if_not_exists()
                    .col(string_len(PersonneCode::DemandeHash, 64).primary_key())
                    .col(string_len_null(PersonneCode::CarnetId, 36))
                    .col(string_len(PersonneCode::CodeHash, 64))
                    .col(timestamp_with_time_zone(PersonneCode::CreatedAt))
                    .col(timestamp_with_time_zone(PersonneCode::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PersonneCode::UsedAt))
                    .col(integer(PersonneCode::Attempts).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("personne_code_carnet")
                    .table(PersonneCode::Table)
                    .col(PersonneCode::CarnetId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PersonneSession::Table)
                    .if_not_exists()
                    .col(string_len(PersonneSession::Id, 64).primary_key())
                    .col(string_len(PersonneSession::CarnetId, 36))
                    .col(timestamp_with_time_zone(PersonneSession::CreatedAt))
                    .col(timestamp_with_time_zone(PersonneSession::ExpiresAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PersonneSession::Table).if_exists().to_owned()).await?;
        manager.drop_table(Table::drop().table(PersonneCode::Table).if_exists().to_owned()).await
    }
}
