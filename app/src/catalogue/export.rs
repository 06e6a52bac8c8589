//! Export of the catalogue in the data·inclusion schema: what `import` reads, so the two round-trip.
use super::db::offre;
use crate::organisation::fiche::{self, Fiche};
use sea_orm::{entity::prelude::*, QueryOrder};
use serde_json::{json, Map, Value as Json};
use std::collections::HashMap;

fn list(json_text: &str) -> Json {
    serde_json::from_str(json_text).unwrap_or_else(|_| json!([]))
}

/// Inserts `key: value` only when there is a value, as data·inclusion exports do.
fn put(obj: &mut Map<String, Json>, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        obj.insert(key.to_owned(), Json::String(v.clone()));
    }
}

/// Every structure and every offer that is not archived, ordered for stable diffs.
pub async fn export_json(db: &DatabaseConnection) -> Result<Json, DbErr> {
    let structures = fiche::all(db).await?;
    let by_id: HashMap<&str, &Fiche> = structures.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let offres = offre::Entity::find()
        .filter(offre::Column::Archived.eq(false))
        .order_by_asc(offre::Column::Source)
        .order_by_asc(offre::Column::SourceId)
        .all(db)
        .await?;

    let structures_json: Vec<Json> = structures
        .iter()
        .map(|(_, s)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(s.source_id));
            o.insert("source".into(), json!(s.source));
            o.insert("nom".into(), json!(s.nom));
            o.insert("date_maj".into(), json!(s.date_maj.format("%Y-%m-%d").to_string()));
            put(&mut o, "telephone", &s.telephone);
            put(&mut o, "courriel", &s.courriel);
            put(&mut o, "site_web", &s.site_web);
            Json::Object(o)
        })
        .collect();
    let services_json: Vec<Json> = offres
        .iter()
        .filter_map(|x| {
            let s = by_id.get(x.structure_id.as_str())?;
            let mut o = Map::new();
            o.insert("id".into(), json!(x.source_id));
            o.insert("source".into(), json!(x.source));
            o.insert("structure_id".into(), json!(s.source_id));
            o.insert("nom".into(), json!(x.nom));
            o.insert("description".into(), json!(x.description));
            o.insert("date_maj".into(), json!(x.date_maj.format("%Y-%m-%d").to_string()));
            o.insert("thematiques".into(), list(&x.thematiques));
            o.insert("publics".into(), list(&x.publics));
            o.insert("modes_accueil".into(), list(&x.modes_accueil));
            o.insert("modes_mobilisation".into(), list(&x.modes_mobilisation));
            put(&mut o, "frais", &x.frais);
            put(&mut o, "frais_precisions", &x.frais_precisions);
            put(&mut o, "conditions_acces", &x.conditions_acces);
            put(&mut o, "adresse", &x.adresse);
            put(&mut o, "complement_adresse", &x.complement_adresse);
            put(&mut o, "code_postal", &x.code_postal);
            put(&mut o, "code_insee", &x.code_insee);
            put(&mut o, "commune", &x.commune);
            if let Some(p) = super::db::write::stored_position(x.latitude, x.longitude) {
                o.insert("latitude".into(), json!(p.lat));
                o.insert("longitude".into(), json!(p.lon));
            }
            put(&mut o, "horaires_accueil", &x.horaires_accueil);
            put(&mut o, "telephone", &x.telephone);
            put(&mut o, "courriel", &x.courriel);
            put(&mut o, "lien_source", &x.lien);
            Some(Json::Object(o))
        })
        .collect();
    Ok(json!({ "structures": structures_json, "services": services_json }))
}
