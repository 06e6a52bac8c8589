//! What the carnet pages show (shared by server and browser).
use crate::auth::model::Staff;
use serde::{Deserialize, Serialize};

/// One carnet in a professional's list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarnetLigne {
    pub id: String,
    pub nom: String,
    /// "12/03/1985"
    pub date_naissance: String,
    pub referent_unique: Option<String>,
    /// Themes whose diagnostic names at least one situation.
    pub themes_a_traiter: Vec<String>,
    /// "lundi 23 novembre 2026"
    pub mis_a_jour: String,
    /// The last appointment held, and the next one planned (their days).
    pub dernier_rdv: Option<String>,
    pub prochain_rdv: Option<String>,
}

/// The carnets a professional follows, filtered and paginated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MesCarnets {
    pub staff: Staff,
    pub carnets: Vec<CarnetLigne>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub themes: Vec<(String, String)>,
    /// The appointment filters: (code, label).
    pub rdv_filtres: Vec<(String, String)>,
}

/// A professional who follows the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membre {
    pub id: String,
    pub account_id: String,
    pub nom: String,
    pub structure: Option<String>,
    pub role: String,
    pub referent_unique: bool,
    pub depuis: String,
}

/// The diagnostic of one theme of the référentiel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeDiagnostic {
    pub code: String,
    pub label: String,
    /// (id, label) of every situation of the theme, and which are chosen.
    pub situations: Vec<(String, String)>,
    pub choisies: Vec<String>,
    pub commentaire: String,
    pub commentaire_personne: String,
    /// 0: never written.
    pub version: i32,
    pub objectifs: Vec<Objectif>,
}

/// An objective of a theme, with its actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objectif {
    pub id: String,
    pub libelle: String,
    /// `en_cours`, `atteint`, `abandonne`.
    pub statut: String,
    pub version: i32,
    pub actions: Vec<Action>,
}

/// An action towards an objective (possibly an offer of the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub libelle: String,
    /// (id, name) of the catalogue's offer prescribed.
    pub offre: Option<(String, String)>,
    /// `a_faire`, `en_cours`, `fait`.
    pub statut: String,
    /// "12/01/2027"
    pub echeance: Option<String>,
    pub version: i32,
}

pub fn statut_label(code: &str) -> &'static str {
    match code {
        "en_cours" => "En cours",
        "atteint" => "Atteint",
        "abandonne" => "Abandonné",
        "a_faire" => "À faire",
        "fait" => "Fait",
        _ => "",
    }
}

/// The choices of a new objective or action form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choix {
    pub staff: Staff,
    pub carnet_id: String,
    pub nom: String,
    /// What the form adds to: the theme's or the objective's name.
    pub titre: String,
    /// From the référentiel: (id, label).
    pub referentiel: Vec<(String, String)>,
    /// Offers of the catalogue on the theme: (id, "name — structure").
    pub offres: Vec<(String, String)>,
}

/// A read of the carnet by a professional (the person sees them all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lecture {
    pub qui: String,
    pub structure: Option<String>,
    pub quand: String,
}

/// One change, with what was there before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changement {
    pub qui: String,
    pub quand: String,
    pub objet: String,
    pub avant: Vec<(String, String)>,
    pub apres: Vec<(String, String)>,
}

/// A carnet as a member sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarnetVue {
    pub staff: Staff,
    pub id: String,
    pub nom: String,
    /// Form values of the identity (`version` included).
    pub identite: Vec<(String, String)>,
    pub membres: Vec<Membre>,
    pub diagnostic: Vec<ThemeDiagnostic>,
    pub lectures: Vec<Lecture>,
    pub historique: Vec<Changement>,
    pub evenements: Vec<Evenement>,
    /// The messages sent to the person about her carnet (codes, reminders, news), newest first.
    pub messages: Vec<crate::ui::livraison::Livraison>,
    /// The signed-in professional may add and remove members.
    pub gere_membres: bool,
    /// (account id, "Nom — Structure") of the professionals who can be added.
    pub comptes: Vec<(String, String)>,
}

/// The person's own carnet, as they read it (signed in with a code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonCarnet {
    pub prenom: String,
    pub nom: String,
    pub date_naissance: String,
    /// Form values of the identity (`version` included); the person edits the contact part.
    pub contact: Vec<(String, String)>,
    pub diagnostic: Vec<ThemeDiagnostic>,
    pub membres: Vec<Membre>,
    pub lectures: Vec<Lecture>,
    pub historique: Vec<Changement>,
    pub evenements: Vec<Evenement>,
}

/// An appointment or a note on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evenement {
    pub rendez_vous: bool,
    /// An appointment still to come.
    pub a_venir: bool,
    /// "mardi 1er décembre 2026 à 9 h 30" (a note: its day).
    pub quand: String,
    pub texte: String,
    pub lieu: Option<String>,
    pub auteur: String,
}

/// An objective or an action, as its edit form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub staff: Staff,
    pub carnet_id: String,
    /// The person's name.
    pub nom: String,
    /// The theme's label.
    pub theme: String,
    /// An objective (else an action).
    pub objectif: bool,
    pub id: String,
    /// Form values: `libelle`, `statut`, `echeance` (YYYY-MM-DD or empty).
    pub values: Vec<(String, String)>,
    pub version: i32,
}

/// The kinds of timeline entries: (code, label).
pub const KINDS: [(&str, &str); 2] = [("rendez_vous", "Rendez-vous"), ("note", "Note")];

/// The status buttons of an objective (`objective`) or an action: every status but the current.
pub(crate) fn plan_statuts(current: &str, objective: bool) -> Vec<(&'static str, &'static str)> {
    let all: &[&'static str] =
        if objective { &["en_cours", "atteint", "abandonne"] } else { &["a_faire", "en_cours", "fait"] };
    all.iter().filter(|c| **c != current).map(|c| (*c, statut_label(c))).collect()
}
