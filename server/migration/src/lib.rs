//! Database schema of Itinéraire, one migration per change, run at server start-up.
pub use sea_orm_migration::prelude::*;

mod m20261123_000001_referentiel;
mod m20261123_000002_catalogue;
mod m20261123_000003_auth;
mod m20261123_000004_search_index;
mod m20261123_000005_socle;
mod m20261123_000006_badges;
mod m20261123_000007_porte_badges;
mod m20261123_000008_carnet;
mod m20261123_000009_personne;
mod m20261201_000010_equipe;
mod m20261202_000011_synonymes;
mod m20261202_000012_invitation;
mod m20261202_000013_orientation;
mod m20261202_000014_carnet_rdv;
mod m20261202_000015_positions;
mod m20261202_000016_structure_periode;
mod m20261205_000017_messages;
mod m20261205_000018_limites;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_referentiel::Migration),
            Box::new(m20261123_000002_catalogue::Migration),
            Box::new(m20261123_000003_auth::Migration),
            Box::new(m20261123_000004_search_index::Migration),
            Box::new(m20261123_000005_socle::Migration),
            Box::new(m20261123_000006_badges::Migration),
            Box::new(m20261123_000007_porte_badges::Migration),
            Box::new(m20261123_000008_carnet::Migration),
            Box::new(m20261123_000009_personne::Migration),
            Box::new(m20261201_000010_equipe::Migration),
            Box::new(m20261202_000011_synonymes::Migration),
            Box::new(m20261202_000012_invitation::Migration),
            Box::new(m20261202_000013_orientation::Migration),
            Box::new(m20261202_000014_carnet_rdv::Migration),
            Box::new(m20261202_000015_positions::Migration),
            Box::new(m20261202_000016_structure_periode::Migration),
            Box::new(m20261205_000017_messages::Migration),
            Box::new(m20261205_000018_limites::Migration),
        ]
    }
}
