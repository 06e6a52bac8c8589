//! Everyday words people search with ("manger", "psy", "crèche") and the words offers use, per
//! theme of the référentiel: loaded from `reference/synonymes.json`, then edited by admins.
use sea_orm_migration::prelude::*;
use std::collections::BTreeMap;

const SYNONYMES_JSON: &str = include_str!("../../../reference/synonymes.json");

#[derive(serde::Deserialize)]
struct File {
    themes: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for sql in [
            "CREATE TABLE synonyme (theme_code VARCHAR(40) NOT NULL, mot VARCHAR(60) NOT NULL, \
             equivalents TEXT NOT NULL, PRIMARY KEY (theme_code, mot))",
            // The list is edited as a whole; its version guards against two admins at once.
            "ALTER TABLE catalogue_state ADD COLUMN synonymes_version BIGINT NOT NULL DEFAULT 1",
        ] {
            db.execute_unprepared(sql).await?;
        }
        let file: File =
            serde_json::from_str(SYNONYMES_JSON).map_err(|e| DbErr::Migration(format!("synonymes.json: {e}")))?;
        let mut insert = Query::insert();
        insert.into_table(Alias::new("synonyme")).columns([
            Alias::new("theme_code"),
            Alias::new("mot"),
            Alias::new("equivalents"),
        ]);
        for (theme, words) in &file.themes {
            for (mot, equivalents) in words {
                let json = serde_json::to_string(equivalents).map_err(|e| DbErr::Migration(e.to_string()))?;
                insert
                    .values([theme.clone().into(), mot.clone().into(), json.into()])
                    .map_err(|e| DbErr::Migration(e.to_string()))?;
            }
        }
        manager.exec_stmt(insert.to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared("DROP TABLE IF EXISTS synonyme").await?;
        Ok(())
    }
}
