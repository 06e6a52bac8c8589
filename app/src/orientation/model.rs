//! What the orientation pages show (shared by the server and the browser build).
use crate::auth::model::Staff;
use serde::{Deserialize, Serialize};

/// Days a request waits for an answer before it closes.
pub const JOURS_SANS_REPONSE: i64 = 30;

pub const PREFERENCES: [(&str, &str); 3] =
    [("telephone", "Par téléphone"), ("sms", "Par SMS"), ("courriel", "Par e-mail")];

/// The form's context: the offer, and the carnets the professional follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Orienter {
    pub staff: Staff,
    pub offre_id: String,
    pub offre_nom: String,
    pub structure: String,
    /// (carnet id, person's name)
    pub carnets: Vec<(String, String)>,
}

/// A request as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrientationVue {
    pub offre_nom: String,
    pub structure: String,
    pub de: String,
    pub personne_nom: String,
    pub personne_contact: String,
    pub preference: String,
    pub objet: String,
    pub message: String,
    /// « En attente de réponse », « Acceptée », « Refusée : … », « Close sans réponse ».
    pub statut: String,
    pub en_attente: bool,
    pub envoyee_le: String,
    /// The messages about the request (to the structure, the answer, to the person) and their state.
    pub messages: Vec<crate::ui::livraison::Livraison>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MesOrientations {
    pub staff: Staff,
    pub orientations: Vec<OrientationVue>,
}
