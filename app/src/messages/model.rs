//! What the messages' pages show (shared by the server and the browser build).
use crate::auth::model::Staff;
use serde::{Deserialize, Serialize};

/// The « STOP » page of a reminder's link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arret {
    /// The contact, masked (`06 •• •• •• 78`).
    pub destinataire: String,
    /// Reminders are stopped now.
    pub arrete: bool,
}

/// One failed message, as a structure's administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Echec {
    pub id: String,
    /// « lundi 7 décembre 2026 à 9 h 30 »
    pub quand: String,
    /// « Confirmation d’inscription »
    pub quoi: String,
    /// « SMS », « e-mail »
    pub canal: String,
    pub destinataire: String,
    pub raison: String,
    pub renvoyable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagesPro {
    pub staff: Staff,
    pub echecs: Vec<Echec>,
}
