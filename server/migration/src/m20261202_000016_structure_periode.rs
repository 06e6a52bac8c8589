//! A structure may choose how often its offers must be checked (`periode_maj_jours`, in days;
//! empty: the server's period). `version` guards that setting against two administrators
//! changing it at once. `rappel_maj_le`: the day its administrators were last e-mailed about
//! offers to update (at most one reminder a month).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Structure {
    Table,
    PeriodeMajJours,
    Version,
    RappelMajLe,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for col in [
            integer_null(Structure::PeriodeMajJours),
            integer(Structure::Version).default(0).to_owned(),
            date_null(Structure::RappelMajLe),
        ] {
            manager.alter_table(Table::alter().table(Structure::Table).add_column(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [Structure::PeriodeMajJours, Structure::Version, Structure::RappelMajLe] {
            manager.alter_table(Table::alter().table(Structure::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
