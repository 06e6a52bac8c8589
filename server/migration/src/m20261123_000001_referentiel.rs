//! The national carnet de bord référentiel (10 themes, their situations, objectifs and actions),
//! loaded from the reference file shipped with the project. Catalogue and carnet share these tables.
use sea_orm_migration::{prelude::*, schema::*};
use serde::Deserialize;

/// Copied verbatim from `shared/data/`; see `reference/README.md` for provenance and licence.
const REFERENTIEL_JSON: &str = include_str!("../../../reference/referentiel-carnet-de-bord.json");

#[derive(Deserialize)]
struct Referentiel {
    themes: Vec<ThemeJson>,
}

#[derive(Deserialize)]
struct ThemeJson {
    code: String,
    label: String,
    situations: Vec<String>,
    objectifs: Vec<String>,
    actions: Vec<String>,
    #[serde(default)]
    objectifs_par_sous_theme: Vec<SousThemeJson>,
}

#[derive(Deserialize)]
struct SousThemeJson {
    code: String,
    label: String,
    objectifs: Vec<String>,
}

#[derive(DeriveIden, Clone, Copy)]
enum RefTheme {
    Table,
    Code,
    Label,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum RefSousTheme {
    Table,
    Code,
    ThemeCode,
    Label,
    Position,
}

/// Situations, objectifs and actions share one shape: a label under a theme, in the source's order.
#[derive(DeriveIden, Clone, Copy)]
enum Item {
    Id,
    ThemeCode,
    Label,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum RefSituation {
    Table,
}
#[derive(DeriveIden, Clone, Copy)]
enum RefObjectif {
    Table,
    SousThemeCode,
}
#[derive(DeriveIden, Clone, Copy)]
enum RefAction {
    Table,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

fn item_table<T: IntoIden + Clone + 'static>(table: T) -> TableCreateStatement {
    Table::create()
        .table(table.clone())
        .if_not_exists()
        .col(pk_auto(Item::Id))
        .col(string_len(Item::ThemeCode, 64))
        .col(text(Item::Label))
        .col(integer(Item::Position))
        .foreign_key(ForeignKey::create().from(table, Item::ThemeCode).to(RefTheme::Table, RefTheme::Code))
        .to_owned()
}

fn unique_label_index<T: IntoIden + Clone + 'static>(name: &str, table: T) -> IndexCreateStatement {
    Index::create().name(name).table(table).col(Item::ThemeCode).col(Item::Label).unique().to_owned()
}

fn insert_items<T: IntoIden + Clone + 'static>(
    table: T,
    rows: impl Iterator<Item = (String, String, i32)>,
) -> Result<InsertStatement, DbErr> {
    let mut insert = Query::insert();
    insert.into_table(table).columns([Item::ThemeCode, Item::Label, Item::Position]);
    for (theme, label, position) in rows {
        insert.values([theme.into(), label.into(), position.into()]).map_err(|e| DbErr::Migration(e.to_string()))?;
    }
    Ok(insert.to_owned())
}

fn positioned<'a>(theme: &'a str, labels: &'a [String]) -> impl Iterator<Item = (String, String, i32)> + 'a {
    labels.iter().enumerate().map(move |(i, l)| (theme.to_owned(), l.clone(), i as i32))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let referentiel: Referentiel = serde_json::from_str(REFERENTIEL_JSON)
            .map_err(|e| DbErr::Migration(format!("référentiel illisible : {e}")))?;

        manager
            .create_table(
                Table::create()
                    .table(RefTheme::Table)
                    .if_not_exists()
                    .col(string_len(RefTheme::Code, 64).primary_key())
                    .col(text(RefTheme::Label))
                    .col(integer(RefTheme::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RefSousTheme::Table)
                    .if_not_exists()
                    .col(string_len(RefSousTheme::Code, 64).primary_key())
                    .col(string_len(RefSousTheme::ThemeCode, 64))
                    .col(text(RefSousTheme::Label))
                    .col(integer(RefSousTheme::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefSousTheme::Table, RefSousTheme::ThemeCode)
                            .to(RefTheme::Table, RefTheme::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_table(item_table(RefSituation::Table)).await?;
        manager
            .create_table(
                item_table(RefObjectif::Table)
                    .col(string_len_null(RefObjectif::SousThemeCode, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefObjectif::Table, RefObjectif::SousThemeCode)
                            .to(RefSousTheme::Table, RefSousTheme::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_table(item_table(RefAction::Table)).await?;
        manager.create_index(unique_label_index("ux_ref_situation_label", RefSituation::Table)).await?;
        manager.create_index(unique_label_index("ux_ref_objectif_label", RefObjectif::Table)).await?;
        manager.create_index(unique_label_index("ux_ref_action_label", RefAction::Table)).await?;

        let mut themes = Query::insert();
        themes.into_table(RefTheme::Table).columns([RefTheme::Code, RefTheme::Label, RefTheme::Position]);
        let mut sous_themes = Query::insert();
        sous_themes.into_table(RefSousTheme::Table).columns([
            RefSousTheme::Code,
            RefSousTheme::ThemeCode,
            RefSousTheme::Label,
            RefSousTheme::Position,
        ]);
        let mut has_sous_themes = false;
        for (i, t) in referentiel.themes.iter().enumerate() {
            themes
                .values([t.code.clone().into(), t.label.clone().into(), (i as i32).into()])
                .map_err(|e| DbErr::Migration(e.to_string()))?;
            for (j, st) in t.objectifs_par_sous_theme.iter().enumerate() {
                has_sous_themes = true;
                sous_themes
                    .values([st.code.clone().into(), t.code.clone().into(), st.label.clone().into(), (j as i32).into()])
                    .map_err(|e| DbErr::Migration(e.to_string()))?;
            }
        }
        manager.exec_stmt(themes.to_owned()).await?;
        if has_sous_themes {
            manager.exec_stmt(sous_themes.to_owned()).await?;
        }

        let all = |f: fn(&ThemeJson) -> &[String]| {
            referentiel.themes.iter().flat_map(move |t| positioned(&t.code, f(t))).collect::<Vec<_>>()
        };
        manager.exec_stmt(insert_items(RefSituation::Table, all(|t| &t.situations).into_iter())?).await?;
        manager.exec_stmt(insert_items(RefAction::Table, all(|t| &t.actions).into_iter())?).await?;
        manager.exec_stmt(insert_items(RefObjectif::Table, all(|t| &t.objectifs).into_iter())?).await?;
        // Objectifs of `emploi` and `formation` sit under sub-themes in the source UI.
        for t in &referentiel.themes {
            for st in &t.objectifs_par_sous_theme {
                manager
                    .exec_stmt(
                        Query::update()
                            .table(RefObjectif::Table)
                            .value(RefObjectif::SousThemeCode, st.code.clone())
                            .and_where(Expr::col(Item::ThemeCode).eq(t.code.clone()))
                            .and_where(Expr::col(Item::Label).is_in(st.objectifs.clone()))
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            RefAction::Table.into_iden(),
            RefObjectif::Table.into_iden(),
            RefSituation::Table.into_iden(),
            RefSousTheme::Table.into_iden(),
            RefTheme::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
