//! What the invitation pages show, and the words printed (shared by the server and the browser).
use crate::auth::model::Staff;
use crate::itineraire::model::Territoire;
use crate::ui::help::Contact;
use serde::{Deserialize, Serialize};

/// Most letters made at once.
pub const MAX_LETTRES: u32 = 200;

/// What a person finds behind an invitation link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ouverture {
    /// Go on to the territory's next steps.
    Valide(String),
    /// Too late: the territory's contact.
    Expiree(Territoire),
    /// No such link (mistyped): the département's contact.
    Inconnue(Territoire),
}

/// One printed letter: the link as typed from paper, and its QR code (SVG markup we draw).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lettre {
    pub lien: String,
    pub lien_court: String,
    pub qr_svg: String,
    pub expire_le: String,
    /// The letter's paragraphs (its territory's contact in the last one).
    pub texte: [String; 3],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationsPage {
    pub staff: Staff,
    pub territoires: Vec<(String, String)>,
    pub jours: u32,
}

/// How long an invitation link stays valid, in days (server configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationJours(pub u32);

impl Default for InvitationJours {
    fn default() -> Self {
        InvitationJours(60)
    }
}

/// The words of the letter and of the SMS: the same for every person, never "RSA".
pub fn texte_lettre(contact: &Contact) -> [String; 3] {
    [
        "Bonjour,".to_owned(),
        "Vous allez être accompagné pour avancer vers l’emploi. Avant votre premier rendez-vous, ouvrez le lien ci-dessous \
         sur votre téléphone ou scannez le code : vous y trouverez les prochaines étapes et les aides près de chez vous."
            .to_owned(),
        format!("Une question ? Appelez le {} ({}).", contact.telephone, contact.horaires),
    ]
}

pub fn texte_sms(lien: &str) -> String {
    format!("Itinéraire : vos prochaines étapes et les aides près de chez vous : {lien}")
}
