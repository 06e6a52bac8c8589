//! The référentiel as the migration loads it, on every backend.
use super::db::objectif;
use crate::db::testing::TestDb;
use crate::referentiel::model::Theme;
use sea_orm::entity::prelude::*;

/// The migration loads the whole reference file: same themes, same counts, labels verbatim.
#[tokio::test]
async fn referentiel_is_loaded_verbatim_on_every_backend() {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../../reference/referentiel-carnet-de-bord.json")).unwrap();
    let expected = file["themes"].as_array().unwrap();
    for t in TestDb::all().await {
        let themes = crate::referentiel::service::load_themes(&t.db).await.unwrap();
        assert_eq!(themes.len(), 10, "{}", t.backend());
        for (got, want) in themes.iter().zip(expected) {
            assert_eq!(got.code, want["code"].as_str().unwrap());
            assert_eq!(got.label, want["label"].as_str().unwrap());
            let labels = |k: &str| -> Vec<String> {
                want[k].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
            };
            assert_eq!(got.situations, labels("situations"), "{} {}", t.backend(), got.code);
            assert_eq!(got.objectifs, labels("objectifs"), "{} {}", t.backend(), got.code);
            assert_eq!(got.actions, labels("actions"), "{} {}", t.backend(), got.code);
        }
        let count = |f: fn(&Theme) -> usize| themes.iter().map(f).sum::<usize>();
        assert_eq!(count(|t| t.situations.len()), 88);
        assert_eq!(count(|t| t.objectifs.len()), 58);
        assert_eq!(count(|t| t.actions.len()), 134);
        let sous = objectif::Entity::find()
            .filter(objectif::Column::SousThemeCode.eq("se_former"))
            .count(&t.db)
            .await
            .unwrap();
        assert_eq!(sous, 2, "{}", t.backend());
        t.drop().await;
    }
}
