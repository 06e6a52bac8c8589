//! Types of the professionals' offer pages.
use crate::auth::model::Staff;
use serde::{Deserialize, Serialize};

/// One offer in a structure's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffreLigne {
    pub id: String,
    pub nom: String,
    pub commune: Option<String>,
    pub themes: Vec<String>,
    pub archived: bool,
    /// `YYYY-MM-DD`
    pub date_maj: String,
    pub version: i32,
    /// Not updated within the update period: flagged to the structure.
    pub a_mettre_a_jour: bool,
    /// Not updated for longer still: hidden from the public until confirmed or edited.
    pub masquee: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EspacePro {
    pub staff: Staff,
    pub offres: Vec<OffreLigne>,
    /// More offers exist than are listed (admins of many structures).
    pub tronque: bool,
    /// The update period of their structure (`None`: national admins without one).
    pub periode: Option<PeriodeMaj>,
}

/// How often a structure's offers must be checked, in days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodeMaj {
    /// The period in force.
    pub jours: u32,
    /// The structure chose it (else it is the server's usual period).
    pub choisie: bool,
    pub habituelle: u32,
    /// The bounds a structure may choose within.
    pub min: u32,
    pub max: u32,
    /// After this many days without update, offers are hidden from the public (every structure).
    pub masquee_jours: u32,
    pub version: i32,
    /// The signed-in professional may change it (their structure's administrators).
    pub modifiable: bool,
}

/// The choices of the offer form (code, label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choix {
    pub themes: Vec<(String, String)>,
    pub publics: Vec<(String, String)>,
    pub frais: Vec<(String, String)>,
    pub modes_accueil: Vec<(String, String)>,
    pub modes_mobilisation: Vec<(String, String)>,
    /// Every commune of Haute-Garonne (code INSEE, name).
    pub communes: Vec<(String, String)>,
}

/// The offer form: a new offer (`id: None`) or the stored values of an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub staff: Staff,
    pub id: Option<String>,
    pub archived: bool,
    /// Field name → value, as the form posts them (several for checkboxes); includes `version`.
    pub values: Vec<(String, String)>,
    pub choix: Choix,
}
