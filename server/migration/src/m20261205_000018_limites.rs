//! Rate limits in the database (`limite`), so that they hold across several server processes:
//! one row per bucket and key (`inscription:198.51.100.7`, `message-destination:<hash>`) and per
//! window (its start, in seconds), counted by an atomic upsert. Old windows are purged.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Limite {
    Table,
    Cle,
    Fenetre,
    N,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Limite::Table)
                    .if_not_exists()
                    .col(string_len(Limite::Cle, 200))
                    .col(big_integer(Limite::Fenetre))
                    .col(integer(Limite::N).default(0))
                    .primary_key(Index::create().col(Limite::Cle).col(Limite::Fenetre))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_limite_fenetre").table(Limite::Table).col(Limite::Fenetre).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Limite::Table).if_exists().to_owned()).await
    }
}
