//! Everyday words and the words offers use ("manger" → alimentaire, épicerie, colis…), per theme
//! of the référentiel: a search for a word on the left also finds offers with a word on the
//! right. Loaded from `reference/synonymes.json` by a migration; national admins edit the list
//! at `/pro/synonymes` (one line per word: `manger : alimentaire, épicerie, colis`). ssr only.
use super::db::{catalogue_state, synonyme};
use super::search::{stem, terms};
use super::version::bump as bump_version;
use crate::error::EditError;
use crate::text::fold;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use std::collections::{BTreeMap, HashMap};

use super::model::SYNONYMES_MAX_CHARS as MAX_TEXT;
/// Longest word.
const MAX_WORD: usize = 60;

/// Theme code → word → its equivalents, as stored and as the form shows them.
pub type Liste = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The search form of a word: folded and stemmed like the offers' terms.
pub fn key(word: &str) -> String {
    stem(&fold(word.trim()))
}

/// For the index: a query term → the equivalents' terms (each equivalent may be several words,
/// all of which an offer must contain).
pub fn expansions(liste: &Liste) -> HashMap<String, Vec<Vec<String>>> {
    let mut out: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for words in liste.values() {
        for (mot, equivalents) in words {
            let entry = out.entry(key(mot)).or_default();
            for e in equivalents {
                let t = terms(e);
                if !t.is_empty() && !entry.contains(&t) {
                    entry.push(t);
                }
            }
        }
    }
    out
}

pub async fn load(db: &impl ConnectionTrait) -> Result<(Liste, i64), DbErr> {
    let rows = synonyme::Entity::find()
        .order_by_asc(synonyme::Column::ThemeCode)
        .order_by_asc(synonyme::Column::Mot)
        .all(db)
        .await?;
    let mut liste = Liste::new();
    for r in rows {
        let equivalents: Vec<String> = serde_json::from_str(&r.equivalents).unwrap_or_default();
        liste.entry(r.theme_code).or_default().insert(r.mot, equivalents);
    }
    let version = catalogue_state::Entity::find_by_id(1).one(db).await?.map_or(1, |s| s.synonymes_version);
    Ok((liste, version))
}

/// One theme's lines as the form shows them: `mot : équivalent, équivalent`.
pub fn to_text(words: &BTreeMap<String, Vec<String>>) -> String {
    words.iter().map(|(m, e)| format!("{m} : {}", e.join(", "))).collect::<Vec<_>>().join("\n")
}

/// Reads one theme's lines; each problem is a French message naming the line.
pub fn parse(text: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    if text.chars().count() > MAX_TEXT {
        return Err(format!("La liste est trop longue (plus de {MAX_TEXT} caractères)."));
    }
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() {
            continue;
        }
        let Some((mot, rest)) = line.split_once(':') else {
            return Err(format!("Ligne {n} : écrivez le mot, deux-points, puis les mots des offres séparés par des virgules (par exemple « manger : alimentaire, épicerie »)."));
        };
        let mot = mot.trim().to_lowercase();
        let equivalents: Vec<String> =
            rest.split(',').map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty()).collect();
        if key(&mot).is_empty() || mot.split_whitespace().count() != 1 {
            return Err(format!("Ligne {n} : avant les deux-points, un seul mot."));
        }
        if equivalents.is_empty() {
            return Err(format!("Ligne {n} : donnez au moins un mot après les deux-points."));
        }
        if mot.chars().count() > MAX_WORD || equivalents.iter().any(|e| e.chars().count() > MAX_WORD) {
            return Err(format!("Ligne {n} : un mot fait au plus {MAX_WORD} caractères."));
        }
        if out.insert(mot.clone(), equivalents).is_some() {
            return Err(format!("Ligne {n} : « {mot} » est déjà dans la liste."));
        }
    }
    Ok(out)
}

/// Replaces one theme's words if the list is still at `version`; the search uses them at once.
pub async fn save(
    db: &DatabaseConnection,
    theme: &str,
    words: &BTreeMap<String, Vec<String>>,
    version: i32,
) -> Result<i32, EditError> {
    let txn = db.begin().await?;
    // Only from the version the form was opened at: two edits at once, the second is refused.
    use catalogue_state::Column as S;
    let bumped = catalogue_state::Entity::update_many()
        .col_expr(S::SynonymesVersion, Expr::col(S::SynonymesVersion).add(1))
        .filter(S::Id.eq(1))
        .filter(S::SynonymesVersion.eq(i64::from(version)))
        .exec(&txn)
        .await?;
    if bumped.rows_affected == 0 {
        txn.rollback().await?;
        let (liste, v) = load(db).await?;
        let stored = liste.get(theme).map(to_text).unwrap_or_default();
        return Err(EditError::Conflict { stored: vec![("mots".into(), stored)], version: v as i32 });
    }
    // The search index reloads the words with the catalogue's next version.
    bump_version(&txn).await?;
    synonyme::Entity::delete_many().filter(synonyme::Column::ThemeCode.eq(theme)).exec(&txn).await?;
    let rows: Vec<synonyme::ActiveModel> = words
        .iter()
        .map(|(mot, equivalents)| synonyme::ActiveModel {
            theme_code: Set(theme.to_owned()),
            mot: Set(mot.clone()),
            equivalents: Set(serde_json::to_string(equivalents).unwrap_or_else(|_| "[]".into())),
        })
        .collect();
    if !rows.is_empty() {
        synonyme::Entity::insert_many(rows).exec_without_returning(&txn).await?;
    }
    txn.commit().await?;
    Ok(version + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_with_a_message_per_mistake() {
        let words = parse("Manger : alimentaire, Épicerie,colis\n\npsy: psychologue").unwrap();
        assert_eq!(words["manger"], ["alimentaire", "épicerie", "colis"]);
        assert_eq!(words["psy"], ["psychologue"]);
        assert!(parse("manger alimentaire").unwrap_err().starts_with("Ligne 1"));
        assert!(parse("psy : psychologue\nmanger :").unwrap_err().starts_with("Ligne 2"));
        assert!(parse("aide alimentaire : colis").unwrap_err().contains("un seul mot"));
        assert!(parse("psy : a\npsy : b").unwrap_err().contains("déjà"));
        assert!(parse(&"x".repeat(MAX_TEXT + 1)).is_err());
        let round = parse(&to_text(&words)).unwrap();
        assert_eq!(round, words);
    }

    #[test]
    fn expansions_use_the_search_terms() {
        let mut liste = Liste::new();
        liste
            .entry("sante".into())
            .or_default()
            .insert("Psy".into(), vec!["psychologue".into(), "santé mentale".into()]);
        let x = expansions(&liste);
        assert_eq!(x["psy"], vec![vec!["psychologue".to_string()], vec!["sante".to_string(), "mentale".to_string()]]);
    }
}
