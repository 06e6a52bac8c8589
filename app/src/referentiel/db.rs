//! Tables of the référentiel (created and filled by the migration from `reference/`).
use super::model::Theme;
use sea_orm::{entity::prelude::*, QueryOrder};
use std::collections::HashMap;

pub mod theme {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "ref_theme")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub label: String,
        pub position: i32,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// Situations, objectifs and actions have the same columns; one macro keeps them in step.
macro_rules! item_entity {
    ($module:ident, $table:literal $(, $extra:ident : $ty:ty)?) => {
        pub mod $module {
            use sea_orm::entity::prelude::*;
            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub theme_code: String,
                pub label: String,
                pub position: i32,
                $(pub $extra: $ty,)?
            }
            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}
            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}
item_entity!(situation, "ref_situation");
item_entity!(objectif, "ref_objectif", sous_theme_code: Option<String>);
item_entity!(action, "ref_action");

/// Loads the 10 themes with their situations, objectifs and actions (4 queries, not 1 + 3×10).
pub async fn load_themes(db: &DatabaseConnection) -> Result<Vec<Theme>, DbErr> {
    let themes = theme::Entity::find().order_by_asc(theme::Column::Position).all(db).await?;
    let mut by_code: HashMap<String, Theme> = themes
        .iter()
        .map(|t| {
            (
                t.code.clone(),
                Theme {
                    code: t.code.clone(),
                    label: t.label.clone(),
                    situations: vec![],
                    objectifs: vec![],
                    actions: vec![],
                },
            )
        })
        .collect();
    for s in situation::Entity::find().order_by_asc(situation::Column::Position).all(db).await? {
        if let Some(t) = by_code.get_mut(&s.theme_code) {
            t.situations.push(s.label);
        }
    }
    for o in objectif::Entity::find().order_by_asc(objectif::Column::Position).all(db).await? {
        if let Some(t) = by_code.get_mut(&o.theme_code) {
            t.objectifs.push(o.label);
        }
    }
    for a in action::Entity::find().order_by_asc(action::Column::Position).all(db).await? {
        if let Some(t) = by_code.get_mut(&a.theme_code) {
            t.actions.push(a.label);
        }
    }
    Ok(themes.into_iter().filter_map(|t| by_code.remove(&t.code)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::TestDb;

    /// The migration loads the whole reference file: same themes, same counts, labels verbatim.
    #[tokio::test]
    async fn referentiel_is_loaded_verbatim_on_every_backend() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../../reference/referentiel-carnet-de-bord.json")).unwrap();
        let expected = file["themes"].as_array().unwrap();
        for t in TestDb::all().await {
            let themes = load_themes(&t.db).await.unwrap();
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
}
