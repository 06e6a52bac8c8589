//! The catalogue is searched by an index the server keeps in memory (see `app::catalogue::index`):
//! the database's own full-text structures go, and every write of offers is stamped so the
//! index can load just what changed.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let pg = manager.get_database_backend() == sea_orm::DbBackend::Postgres;
        let mut statements = vec![
            // Which catalogue version wrote the row (see catalogue_state).
            "ALTER TABLE offre ADD COLUMN seq BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX ix_offre_seq ON offre (seq)",
            "CREATE TABLE catalogue_state (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
            "INSERT INTO catalogue_state (id, version) VALUES (1, 0)",
            "DROP TABLE IF EXISTS search_term",
        ];
        if pg {
            statements
                .extend(["DROP INDEX IF EXISTS ix_offre_search", "ALTER TABLE offre DROP COLUMN IF EXISTS search_tsv"]);
        } else {
            statements.extend([
                "DROP TRIGGER IF EXISTS offre_fts_ai",
                "DROP TRIGGER IF EXISTS offre_fts_ad",
                "DROP TRIGGER IF EXISTS offre_fts_au",
                "DROP TABLE IF EXISTS offre_fts",
            ]);
        }
        for sql in statements {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for sql in ["DROP TABLE IF EXISTS catalogue_state", "DROP INDEX IF EXISTS ix_offre_seq"] {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared("ALTER TABLE offre DROP COLUMN seq").await?;
        Ok(())
    }
}
