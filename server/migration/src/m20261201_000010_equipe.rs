//! The team of a structure, and appointments in the list of carnets. The team: one-time links to choose a password (invitation of a new
//! professional, forgotten password), and a version on accounts so two administrators editing
//! the same colleague never overwrite each other.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Account {
    Table,
    Id,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum AccountLien {
    Table,
    /// SHA-256 of the link's token (the e-mail carries the token; a stolen database gives none).
    Id,
    AccountId,
    /// `invitation` (first password) or `reinitialisation` (forgotten password).
    Kind,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

/// The list of carnets filters by appointments (kind, date).
#[derive(DeriveIden, Clone, Copy)]
enum CarnetEvenement {
    Table,
    Kind,
    At,
    CarnetId,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Account::Table).add_column(integer(Account::Version).default(1)).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountLien::Table)
                    .if_not_exists()
                    .col(string_len(AccountLien::Id, 64).primary_key())
                    .col(string_len(AccountLien::AccountId, 36))
                    .col(string_len(AccountLien::Kind, 20))
                    .col(timestamp_with_time_zone(AccountLien::CreatedAt))
                    .col(timestamp_with_time_zone(AccountLien::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccountLien::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccountLien::Table, AccountLien::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("account_lien_account")
                    .table(AccountLien::Table)
                    .col(AccountLien::AccountId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("carnet_evenement_kind_at")
                    .table(CarnetEvenement::Table)
                    .col(CarnetEvenement::Kind)
                    .col(CarnetEvenement::At)
                    .col(CarnetEvenement::CarnetId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("carnet_evenement_kind_at").table(CarnetEvenement::Table).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(AccountLien::Table).if_exists().to_owned()).await?;
        manager.alter_table(Table::alter().table(Account::Table).drop_column(Account::Version).to_owned()).await
    }
}
