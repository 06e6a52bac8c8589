//! Invitation links printed on letters and sent by SMS: a short token per person, its territory,
//! when it expires and when it was first opened. Only the token's SHA-256 is stored.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden)]
enum Invitation {
    Table,
    /// SHA-256 (hex) of the token.
    Id,
    Territoire,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    OpenedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .if_not_exists()
                    .col(string_len(Invitation::Id, 64).primary_key())
                    .col(string_len(Invitation::Territoire, 60))
                    .col(string_len(Invitation::CreatedBy, 36))
                    .col(timestamp_with_time_zone(Invitation::CreatedAt))
                    .col(timestamp_with_time_zone(Invitation::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitation::OpenedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Invitation::Table).to_owned()).await
    }
}
