//! What the badge pages show (shared by server and browser).
use serde::{Deserialize, Serialize};

/// The result of a real verification, one line per check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub signature_valide: bool,
    /// Why the signature does not hold, when it does not.
    pub signature_detail: Option<String>,
    /// The issuer's DID was resolved to a key.
    pub emetteur_resolu: bool,
    pub revoque: bool,
    pub motif_revocation: Option<String>,
    /// Why the revocation list could not be checked, when it could not.
    pub statut_detail: Option<String>,
    /// The credential names no revocation list: its issuer cannot revoke it.
    pub sans_liste: bool,
    pub expire: bool,
    /// Its `validFrom` is still to come.
    pub pas_encore_valable: bool,
}

impl Verification {
    pub fn valide(&self) -> bool {
        self.signature_valide
            && self.emetteur_resolu
            && self.statut_detail.is_none()
            && !self.revoque
            && !self.expire
            && !self.pas_encore_valable
    }
}

/// A badge as its public page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeView {
    pub id: String,
    pub titre: String,
    pub description: String,
    pub criteres: String,
    pub competences: Vec<String>,
    pub personne: String,
    /// "mardi 1er décembre 2026"
    pub date: String,
    pub emetteur: String,
    pub emetteur_id: String,
    pub verification: Verification,
    /// Its picture (our badges only: a foreign picture is not shown).
    pub image: Option<String>,
    /// The signed-in professional may revoke it.
    pub peut_revoquer: bool,
}

/// One badge in the person's "Mes badges".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeLigne {
    pub id: String,
    pub titre: String,
    pub date: String,
    /// The structure whose workshop awarded it.
    pub structure: String,
    pub revoque: bool,
    /// Its public page, full URL (to share).
    pub lien: String,
}

/// What a private link to "Mes badges" shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MesBadges {
    pub badges: Vec<BadgeLigne>,
}
