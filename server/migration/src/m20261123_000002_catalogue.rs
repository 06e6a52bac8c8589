//! The catalogue: communes of Haute-Garonne (reference), structures and their offres, the
//! themes of each offre, and a full-text index (FTS5 on SQLite, GIN tsvector on PostgreSQL) over
//! a search text the application normalises itself, so both databases match the same words.
use sea_orm_migration::{prelude::*, schema::*};
use serde::Deserialize;

/// Generated from Etalab's package by `scripts/gen-communes.mjs`; see `reference/README.md`.
const COMMUNES_JSON: &str = include_str!("../../../reference/communes-31.json");

#[derive(Deserialize)]
struct CommunesFile {
    communes: Vec<CommuneJson>,
}
#[derive(Deserialize)]
struct CommuneJson {
    code: String,
    nom: String,
    codes_postaux: Vec<String>,
    arrondissement: Option<String>,
    population: Option<i64>,
}

#[derive(DeriveIden, Clone, Copy)]
enum Commune {
    Table,
    Code,
    Nom,
    CodesPostaux,
    Arrondissement,
    Population,
}

#[derive(DeriveIden, Clone, Copy)]
enum Structure {
    Table,
    Id,
    Source,
    SourceId,
    Nom,
    Telephone,
    Courriel,
    SiteWeb,
    DateMaj,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Offre {
    Table,
    Id,
    StructureId,
    Source,
    SourceId,
    Nom,
    Description,
    ConditionsAcces,
    Publics,
    Frais,
    FraisPrecisions,
    ModesAccueil,
    ModesMobilisation,
    Adresse,
    ComplementAdresse,
    CodePostal,
    CodeInsee,
    Commune,
    HorairesAccueil,
    Telephone,
    Courriel,
    Lien,
    Thematiques,
    DateMaj,
    Archived,
    SearchText,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OffreTheme {
    Table,
    OffreId,
    ThemeCode,
}

#[derive(DeriveIden, Clone, Copy)]
enum RefTheme {
    Table,
    Code,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Commune::Table)
                    .if_not_exists()
                    .col(string_len(Commune::Code, 5).primary_key())
                    .col(text(Commune::Nom))
                    .col(text(Commune::CodesPostaux))
                    .col(string_len_null(Commune::Arrondissement, 3))
                    .col(big_integer_null(Commune::Population))
                    .to_owned(),
            )
            .await?;
        let file: CommunesFile =
            serde_json::from_str(COMMUNES_JSON).map_err(|e| DbErr::Migration(format!("communes illisibles : {e}")))?;
        let mut insert = Query::insert();
        insert.into_table(Commune::Table).columns([
            Commune::Code,
            Commune::Nom,
            Commune::CodesPostaux,
            Commune::Arrondissement,
            Commune::Population,
        ]);
        for c in file.communes {
            insert
                .values([
                    c.code.into(),
                    c.nom.into(),
                    c.codes_postaux.join(",").into(),
                    c.arrondissement.into(),
                    c.population.into(),
                ])
                .map_err(|e| DbErr::Migration(e.to_string()))?;
        }
        manager.exec_stmt(insert.to_owned()).await?;

        manager
            .create_table(
                Table::create()
                    .table(Structure::Table)
                    .if_not_exists()
                    .col(string_len(Structure::Id, 36).primary_key())
                    .col(string_len(Structure::Source, 100))
                    .col(string_len(Structure::SourceId, 200))
                    .col(text(Structure::Nom))
                    .col(string_len_null(Structure::Telephone, 40))
                    .col(string_len_null(Structure::Courriel, 320))
                    .col(text_null(Structure::SiteWeb))
                    .col(date(Structure::DateMaj))
                    .col(timestamp_with_time_zone(Structure::CreatedAt))
                    .col(timestamp_with_time_zone(Structure::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_structure_source")
                    .table(Structure::Table)
                    .col(Structure::Source)
                    .col(Structure::SourceId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Offre::Table)
                    .if_not_exists()
                    .col(string_len(Offre::Id, 36).primary_key())
                    .col(string_len(Offre::StructureId, 36))
                    .col(string_len(Offre::Source, 100))
                    .col(string_len(Offre::SourceId, 200))
                    .col(text(Offre::Nom))
                    .col(text(Offre::Description))
                    .col(text_null(Offre::ConditionsAcces))
                    .col(text(Offre::Publics))
                    .col(string_len_null(Offre::Frais, 20))
                    .col(text_null(Offre::FraisPrecisions))
                    .col(text(Offre::ModesAccueil))
                    .col(text(Offre::ModesMobilisation))
                    .col(text_null(Offre::Adresse))
                    .col(text_null(Offre::ComplementAdresse))
                    .col(string_len_null(Offre::CodePostal, 5))
                    .col(string_len_null(Offre::CodeInsee, 5))
                    .col(text_null(Offre::Commune))
                    .col(text_null(Offre::HorairesAccueil))
                    .col(string_len_null(Offre::Telephone, 40))
                    .col(string_len_null(Offre::Courriel, 320))
                    .col(text_null(Offre::Lien))
                    .col(text(Offre::Thematiques))
                    .col(date(Offre::DateMaj))
                    .col(boolean(Offre::Archived).default(false))
                    .col(text(Offre::SearchText))
                    .col(integer(Offre::Version).default(1))
                    .col(timestamp_with_time_zone(Offre::CreatedAt))
                    .col(timestamp_with_time_zone(Offre::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create().from(Offre::Table, Offre::StructureId).to(Structure::Table, Structure::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("ux_offre_source", vec![Offre::Source, Offre::SourceId]),
            ("ix_offre_structure", vec![Offre::StructureId]),
            ("ix_offre_code_insee", vec![Offre::CodeInsee]),
            // The catalogue's default order (by name), visible offers only.
            ("ix_offre_archived_nom", vec![Offre::Archived, Offre::Nom, Offre::Id]),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(Offre::Table);
            for c in cols {
                idx.col(c);
            }
            if name.starts_with("ux_") {
                idx.unique();
            }
            manager.create_index(idx.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OffreTheme::Table)
                    .if_not_exists()
                    .col(string_len(OffreTheme::OffreId, 36))
                    .col(string_len(OffreTheme::ThemeCode, 64))
                    .primary_key(Index::create().col(OffreTheme::OffreId).col(OffreTheme::ThemeCode))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OffreTheme::Table, OffreTheme::OffreId)
                            .to(Offre::Table, Offre::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OffreTheme::Table, OffreTheme::ThemeCode)
                            .to(RefTheme::Table, RefTheme::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_offre_theme_theme")
                    .table(OffreTheme::Table)
                    .col(OffreTheme::ThemeCode)
                    .col(OffreTheme::OffreId)
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        // Every word the catalogue contains, for typo correction. Byte order ("C") on PostgreSQL
        // so prefix ranges behave as on SQLite.
        db.execute_unprepared(match manager.get_database_backend() {
            sea_orm::DbBackend::Postgres => "CREATE TABLE search_term (term TEXT COLLATE \"C\" PRIMARY KEY)",
            _ => "CREATE TABLE search_term (term TEXT PRIMARY KEY)",
        })
        .await?;
        match manager.get_database_backend() {
            sea_orm::DbBackend::Sqlite => {
                // External-content FTS5 index kept in step by triggers: no second copy of the text.
                for sql in [
                    "CREATE VIRTUAL TABLE offre_fts USING fts5(search_text, content='offre', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
                    "CREATE TRIGGER offre_fts_ai AFTER INSERT ON offre BEGIN INSERT INTO offre_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
                    "CREATE TRIGGER offre_fts_ad AFTER DELETE ON offre BEGIN INSERT INTO offre_fts(offre_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END",
                    "CREATE TRIGGER offre_fts_au AFTER UPDATE OF search_text ON offre BEGIN INSERT INTO offre_fts(offre_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); INSERT INTO offre_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
                ] {
                    db.execute_unprepared(sql).await?;
                }
            }
            sea_orm::DbBackend::Postgres => {
                // A stored tsvector: ranking reads it instead of re-parsing every matching row.
                for sql in [
                    "ALTER TABLE offre ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
                    "CREATE INDEX ix_offre_search ON offre USING GIN (search_tsv)",
                ] {
                    db.execute_unprepared(sql).await?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DbBackend::Sqlite {
            manager.get_connection().execute_unprepared("DROP TABLE IF EXISTS offre_fts").await?;
        }
        manager.get_connection().execute_unprepared("DROP TABLE IF EXISTS search_term").await?;
        for t in [
            OffreTheme::Table.into_iden(),
            Offre::Table.into_iden(),
            Structure::Table.into_iden(),
            Commune::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
