//! Helpers shared by the rooms' tests: the sample catalogue, professionals, forms.
use crate::auth::model::{Role, Staff};
use sea_orm::DatabaseConnection;

pub const SAMPLE: &[u8] = include_bytes!("../../server/seed/catalogue-exemple.json");

/// A professional of a structure of the sample catalogue (`mobil-comminges`, …).
pub async fn staff_of(db: &DatabaseConnection, structure: &str, role: Role) -> Staff {
    let s = crate::catalogue::db::find_structure(db, &format!("itineraire-exemple:{structure}")).await.unwrap().unwrap();
    Staff {
        id: uuid::Uuid::new_v4().to_string(),
        email: format!("{structure}@example.org"),
        nom: "Camille".into(),
        role,
        structure_id: Some(s.id),
        structure_nom: Some(s.nom),
    }
}

pub fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Loads the sample catalogue (structures and offers).
pub async fn load_sample(db: &DatabaseConnection) {
    crate::catalogue::db::import::import_json(db, SAMPLE, |_, _| {}).await.unwrap();
}
