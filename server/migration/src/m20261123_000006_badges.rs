//! Open Badges issued from the socle's roll call: one signed credential per attendance.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Badge {
    Table,
    /// Random (UUID v4): the public page is `/badges/<id>`.
    Id,
    InscriptionId,
    AtelierId,
    /// The signed OpenBadgeCredential (JSON), exactly as issued.
    Credential,
    /// Its place in the revocation status list.
    StatusIndex,
    IssuedAt,
    RevokedAt,
    MotifRevocation,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Badge::Table)
                    .if_not_exists()
                    .col(string_len(Badge::Id, 36).primary_key())
                    .col(string_len(Badge::InscriptionId, 36).unique_key())
                    .col(string_len(Badge::AtelierId, 36))
                    .col(text(Badge::Credential))
                    .col(integer(Badge::StatusIndex).unique_key())
                    .col(timestamp_with_time_zone(Badge::IssuedAt))
                    .col(timestamp_with_time_zone_null(Badge::RevokedAt))
                    .col(text_null(Badge::MotifRevocation))
                    .to_owned(),
            )
            .await?;
        // The next place in the status list, taken by `UPDATE … RETURNING` as the first write of
        // the issuing transaction (no read-then-write on SQLite).
        let db = manager.get_connection();
        db.execute_unprepared("CREATE TABLE badge_state (id INTEGER PRIMARY KEY, next_index INTEGER NOT NULL)").await?;
        db.execute_unprepared("INSERT INTO badge_state (id, next_index) VALUES (1, 0)").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared("DROP TABLE IF EXISTS badge_state").await?;
        manager.drop_table(Table::drop().table(Badge::Table).if_exists().to_owned()).await
    }
}
