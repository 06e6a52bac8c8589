//! The data·inclusion schema's enums (from `reference/`) and our theme mapping, loaded once.
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const SCHEMA_JSON: &str = include_str!("../../../../reference/data-inclusion-schema.json");
const MAPPING_JSON: &str = include_str!("../../../../reference/thematiques-themes.json");

#[derive(Deserialize)]
struct EnumValue {
    value: String,
    label: String,
}

pub struct Schema {
    /// v1 and v0 thématiques (imports may use either).
    pub thematiques: HashMap<String, String>,
    pub publics: Vec<(String, String)>,
    pub frais: Vec<(String, String)>,
    pub modes_accueil: Vec<(String, String)>,
    pub modes_mobilisation: Vec<(String, String)>,
    codes: HashMap<String, Vec<String>>,
    categories: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Mapping {
    codes: HashMap<String, Vec<String>>,
    categories: HashMap<String, Vec<String>>,
}

fn enum_values(v: &serde_json::Value, version: &str, name: &str) -> Vec<(String, String)> {
    serde_json::from_value::<Vec<EnumValue>>(v[version]["enums"][name].clone())
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.value, e.label))
        .collect()
}

pub static SCHEMA: LazyLock<Schema> = LazyLock::new(|| {
    let v: serde_json::Value = serde_json::from_str(SCHEMA_JSON).unwrap_or_default();
    let mapping: Mapping =
        serde_json::from_str(MAPPING_JSON).unwrap_or(Mapping { codes: HashMap::new(), categories: HashMap::new() });
    let mut thematiques: HashMap<String, String> = enum_values(&v, "v0", "thematiques").into_iter().collect();
    thematiques.extend(enum_values(&v, "v1", "thematiques"));
    Schema {
        thematiques,
        publics: enum_values(&v, "v1", "publics"),
        frais: enum_values(&v, "v1", "frais"),
        modes_accueil: enum_values(&v, "v1", "modes_accueil"),
        modes_mobilisation: enum_values(&v, "v1", "modes_mobilisation"),
        codes: mapping.codes,
        categories: mapping.categories,
    }
});

impl Schema {
    /// Our themes for one data·inclusion thématique (exact code first, then its category).
    pub fn themes_of(&self, thematique: &str) -> &[String] {
        if let Some(t) = self.codes.get(thematique) {
            return t;
        }
        let category = thematique.split("--").next().unwrap_or(thematique);
        self.categories.get(category).map(Vec::as_slice).unwrap_or(&[])
    }

    /// data·inclusion thématiques for offers written here, one category per theme: the one named
    /// like the theme if any, else the first by name (e.g. `emploi` →
    /// `accompagnement-social-et-professionnel-personnalise`). Re-importing maps them back.
    pub fn thematiques_for<'a>(&self, themes: impl IntoIterator<Item = &'a String>) -> Vec<String> {
        let mut out: Vec<String> = themes
            .into_iter()
            .filter_map(|theme| {
                let mut candidates: Vec<&String> = self
                    .categories
                    .iter()
                    .filter(|(_, t)| t.as_slice() == std::slice::from_ref(theme))
                    .map(|(c, _)| c)
                    .collect();
                candidates.sort();
                let same_name = candidates.iter().find(|c| c.replace('-', "_") == *theme).copied();
                same_name.or(candidates.first().copied()).cloned()
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    pub fn label<'a>(list: &'a [(String, String)], code: &str) -> Option<&'a str> {
        list.iter().find(|(c, _)| c == code).map(|(_, l)| l.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_theme_maps_back_to_itself() {
        for theme in [
            "emploi",
            "logement",
            "sante",
            "mobilite",
            "numerique",
            "contraintes_familiales",
            "maitrise_langue",
            "formation",
            "difficulte_administrative",
            "difficulte_financiere",
        ] {
            let t = SCHEMA.thematiques_for([&theme.to_string()]);
            assert_eq!(t.len(), 1, "{theme}");
            assert_eq!(SCHEMA.themes_of(&t[0]), [theme.to_string()], "{theme}");
        }
        assert_eq!(SCHEMA.thematiques_for([&"sante".to_string()]), ["sante"]);
    }

    #[test]
    fn every_v1_thematique_has_a_mapping_entry() {
        let v: serde_json::Value = serde_json::from_str(SCHEMA_JSON).unwrap();
        let v1 = enum_values(&v, "v1", "thematiques");
        assert_eq!(v1.len(), 69);
        for (code, _) in &v1 {
            let category = code.split("--").next().unwrap();
            assert!(
                SCHEMA.codes.contains_key(code) || SCHEMA.categories.contains_key(category),
                "{code} has no mapping"
            );
        }
        assert_eq!(SCHEMA.themes_of("mobilite--preparer-un-permis"), ["mobilite"]);
        assert_eq!(SCHEMA.themes_of("lecture-ecriture-calcul--maitriser-le-calcul"), ["maitrise_langue"]);
        assert!(SCHEMA.themes_of("remobilisation--lien-social").is_empty());
        assert_eq!(SCHEMA.publics.len(), 14);
    }
}
