//! Types the catalogue pages share between server and browser.
use serde::{Deserialize, Serialize};

/// The filters of the catalogue, exactly as in the page's URL query (a GET form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filtres {
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub commune: Option<String>,
    #[serde(default)]
    pub gratuit: Option<String>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub public: Option<String>,
    /// `1`: only offers open today.
    #[serde(default)]
    pub ouvert: Option<String>,
    /// The person's commune as typed (name or postcode): nearest offers first.
    #[serde(default)]
    pub pres: Option<String>,
    /// The phone's position, `lat,lon` rounded to about a kilometre: nearest offers first.
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub page: Option<String>,
}

impl Filtres {
    /// The query string of these filters (for links: next page, shareable results).
    pub fn to_query(&self, page: Option<u32>) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut add = |k: &str, v: &Option<String>| {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={}", crate::text::urlencode(v)));
            }
        };
        add("q", &self.q);
        add("theme", &self.theme);
        add("commune", &self.commune);
        add("gratuit", &self.gratuit);
        add("mode", &self.mode);
        add("public", &self.public);
        add("ouvert", &self.ouvert);
        add("pres", &self.pres);
        add("position", &self.position);
        if let Some(p) = page.filter(|p| *p > 1) {
            parts.push(format!("page={p}"));
        }
        parts.join("&")
    }
}

/// A run of text, `true` when it matched the search (shown highlighted).
pub type Segment = (String, bool);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffreResume {
    pub id: String,
    pub nom: Vec<Segment>,
    pub structure: String,
    pub commune: Option<String>,
    pub themes: Vec<String>,
    pub gratuit: Option<bool>,
    pub a_distance: bool,
    pub en_presentiel: bool,
    pub extrait: Vec<Segment>,
    /// `None` when the offer's hours are not given in the OpenStreetMap syntax.
    pub aujourdhui: Option<OuvertureDuJour>,
    /// Whole km from where the person is (sorted by distance), when the offer has a place.
    pub km: Option<u32>,
}

/// Where distances are counted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origine {
    /// The centre of the commune the person gave (its name).
    Commune(String),
    /// The phone's position.
    Position,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resultats {
    pub total: u64,
    pub page: u32,
    pub pages: u32,
    pub offres: Vec<OffreResume>,
    /// When a word was corrected: (what was typed, what was searched).
    pub corrections: Vec<(String, String)>,
    /// Sorted nearest first from there.
    pub origine: Option<Origine>,
    /// The commune typed fits several: their names, for the person to choose.
    pub communes_possibles: Vec<String>,
    /// Sorted by distance: the first offers done at a distance (no place to go), and how many.
    pub a_distance: Vec<OffreResume>,
    pub a_distance_total: u64,
}

/// Choices offered by the filter form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiltreOptions {
    pub themes: Vec<(String, String)>,
    /// Offers per theme code (themes without offers are absent).
    pub par_theme: Vec<(String, u64)>,
    /// Communes that have at least one offer (code INSEE, name).
    pub communes: Vec<(String, String)>,
    pub publics: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffreDetail {
    pub id: String,
    pub nom: String,
    pub description: String,
    pub structure: String,
    pub themes: Vec<(String, String)>,
    pub publics: Vec<String>,
    pub conditions_acces: Option<String>,
    pub gratuit: Option<bool>,
    pub frais_precisions: Option<String>,
    pub modes_accueil: Vec<String>,
    pub modes_mobilisation: Vec<String>,
    pub adresse: Option<String>,
    pub complement_adresse: Option<String>,
    pub code_postal: Option<String>,
    pub commune: Option<String>,
    pub horaires: Option<String>,
    pub aujourdhui: Option<OuvertureDuJour>,
    /// The next seven days (empty when the hours are not in the OpenStreetMap syntax).
    pub semaine: Vec<JourHoraires>,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub lien: Option<String>,
    /// `YYYY-MM-DD`
    pub date_maj: String,
    pub source: String,
}

/// Longest list of synonyms accepted from the form (characters).
pub const SYNONYMES_MAX_CHARS: usize = 20_000;

/// Offers shown at first; each "voir plus" shows this many more, up to `MAX_PLUS` times.
pub const PAR_PAGE: u64 = 10;
pub const MAX_PLUS: u32 = 20;

/// An offer's opening today (from its `horaires_accueil`, Paris time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OuvertureDuJour {
    /// Open at some time today.
    pub ouvert: bool,
    /// Open at the moment the page was made.
    pub maintenant: bool,
    /// Today's opening ranges, e.g. "9 h – 12 h".
    pub plages: Vec<String>,
}

/// One day of an offer's week ("Mercredi 11"), its opening ranges (empty: closed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourHoraires {
    /// "Lundi 9" (French, for the printed list).
    pub jour: String,
    /// 0 = Monday … 6 = Sunday, and the day of the month: the pages write them in their language.
    pub jour_semaine: u8,
    pub jour_mois: u32,
    pub ferie: bool,
    pub plages: Vec<String>,
}

/// The range written for a day open around the clock (the pages translate it).
pub const TOUTE_LA_JOURNEE: &str = "toute la journée";
