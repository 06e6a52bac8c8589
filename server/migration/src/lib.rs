//! Database schema of Itinéraire, one migration per change, run at server start-up.
pub use sea_orm_migration::prelude::*;

mod m20261123_000001_referentiel;
mod m20261123_000002_catalogue;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_referentiel::Migration),
            Box::new(m20261123_000002_catalogue::Migration),
        ]
    }
}
