//! Professionals' accounts (password sign-in) and their server-side sessions.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Account {
    Table,
    Id,
    Email,
    Nom,
    PasswordHash,
    Role,
    StructureId,
    Disabled,
    FailedLogins,
    LockedUntil,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Session {
    Table,
    /// SHA-256 of the cookie's token: a stolen database does not give usable cookies.
    Id,
    AccountId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Structure {
    Table,
    Id,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .if_not_exists()
                    .col(string_len(Account::Id, 36).primary_key())
                    .col(string_len(Account::Email, 320).unique_key())
                    .col(text(Account::Nom))
                    .col(text(Account::PasswordHash))
                    .col(string_len(Account::Role, 32))
                    .col(string_len_null(Account::StructureId, 36))
                    .col(boolean(Account::Disabled).default(false))
                    .col(integer(Account::FailedLogins).default(0))
                    .col(timestamp_with_time_zone_null(Account::LockedUntil))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .col(timestamp_with_time_zone(Account::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Account::Table, Account::StructureId)
                            .to(Structure::Table, Structure::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .if_not_exists()
                    .col(string_len(Session::Id, 64).primary_key())
                    .col(string_len(Session::AccountId, 36))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_session_account").table(Session::Table).col(Session::AccountId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [Session::Table.into_iden(), Account::Table.into_iden()] {
            manager.drop_table(Table::drop().table(t).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
