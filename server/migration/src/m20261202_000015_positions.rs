//! Positions, for sorting the catalogue by distance: each commune's centre (reference data,
//! from `reference/communes-31.json`) and an offer's own place when its source gives it
//! (data·inclusion `latitude`/`longitude`). Offers without one are placed at their commune's centre.
use sea_orm_migration::{prelude::*, schema::*};
use serde::Deserialize;

const COMMUNES_JSON: &str = include_str!("../../../reference/communes-31.json");

#[derive(Deserialize)]
struct CommunesFile {
    communes: Vec<CommuneCentre>,
}
#[derive(Deserialize)]
struct CommuneCentre {
    code: String,
    latitude: f64,
    longitude: f64,
}

#[derive(DeriveIden, Clone, Copy)]
enum Commune {
    Table,
    Code,
    Latitude,
    Longitude,
}

#[derive(DeriveIden, Clone, Copy)]
enum Offre {
    Table,
    Latitude,
    Longitude,
}

/// The new columns (table, column), added one per statement: SQLite alters one at a time.
fn columns() -> [(DynIden, DynIden); 4] {
    [
        (Commune::Table.into_iden(), Commune::Latitude.into_iden()),
        (Commune::Table.into_iden(), Commune::Longitude.into_iden()),
        (Offre::Table.into_iden(), Offre::Latitude.into_iden()),
        (Offre::Table.into_iden(), Offre::Longitude.into_iden()),
    ]
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in columns() {
            manager.alter_table(Table::alter().table(table).add_column(double_null(col)).to_owned()).await?;
        }
        let file: CommunesFile =
            serde_json::from_str(COMMUNES_JSON).map_err(|e| DbErr::Custom(format!("communes-31.json: {e}")))?;
        for c in file.communes {
            manager
                .exec_stmt(
                    Query::update()
                        .table(Commune::Table)
                        .values([(Commune::Latitude, c.latitude.into()), (Commune::Longitude, c.longitude.into())])
                        .and_where(Expr::col(Commune::Code).eq(c.code))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in columns() {
            manager.alter_table(Table::alter().table(table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
