//! Everyday words and the words offers use ("manger" → alimentaire, épicerie, colis…), per theme
//! of the référentiel: a search for a word on the left also finds offers with a word on the
//! right. Loaded from `reference/synonymes.json` by a migration; national admins edit the list
//! at `/pro/synonymes` (one line per word: `manger : alimentaire, épicerie, colis`). ssr only.
use super::search::{stem, terms};
use super::version::bump as bump_version;
use crate::error::EditError;
use crate::text::fold;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement, TransactionTrait, Value};
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
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT theme_code, mot, equivalents FROM synonyme ORDER BY theme_code, mot",
        ))
        .await?;
    let mut liste = Liste::new();
    for r in rows {
        let theme: String = r.try_get("", "theme_code")?;
        let mot: String = r.try_get("", "mot")?;
        let equivalents: Vec<String> =
            serde_json::from_str(&r.try_get::<String>("", "equivalents")?).unwrap_or_default();
        liste.entry(theme).or_default().insert(mot, equivalents);
    }
    let version = db
        .query_one_raw(Statement::from_string(backend, "SELECT synonymes_version FROM catalogue_state WHERE id = 1"))
        .await?
        .and_then(|r| r.try_get::<i64>("", "synonymes_version").ok())
        .unwrap_or(1);
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
    let backend = db.get_database_backend();
    let txn = db.begin().await?;
    let bumped = txn
        .execute_raw(Statement::from_sql_and_values(
            backend,
            crate::db::numbered(backend, "UPDATE catalogue_state SET synonymes_version = synonymes_version + 1 WHERE id = 1 AND synonymes_version = ?"),
            [Value::from(i64::from(version))],
        ))
        .await?;
    if bumped.rows_affected() == 0 {
        txn.rollback().await?;
        let (liste, v) = load(db).await?;
        let stored = liste.get(theme).map(to_text).unwrap_or_default();
        return Err(EditError::Conflict { stored: vec![("mots".into(), stored)], version: v as i32 });
    }
    // The search index reloads the words with the catalogue's next version.
    bump_version(&txn).await?;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        crate::db::numbered(backend, "DELETE FROM synonyme WHERE theme_code = ?"),
        [Value::from(theme)],
    ))
    .await?;
    for (mot, equivalents) in words {
        let json = serde_json::to_string(equivalents).unwrap_or_else(|_| "[]".into());
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            crate::db::numbered(backend, "INSERT INTO synonyme (theme_code, mot, equivalents) VALUES (?, ?, ?)"),
            [Value::from(theme), Value::from(mot.as_str()), Value::from(json)],
        ))
        .await?;
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
