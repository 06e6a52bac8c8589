//! Who a professional is, as pages and server functions see them.
use serde::{Deserialize, Serialize};

/// What a professional may do. The carnet de bord adds its own checks on top of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Follows people (référent).
    Referent,
    /// Assigns referents (chargé d'orientation).
    ChargeOrientation,
    /// Manages their structure's members and offers.
    AdminStructure,
    /// Manages everything.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Referent, Role::ChargeOrientation, Role::AdminStructure, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Referent => "referent",
            Role::ChargeOrientation => "charge_orientation",
            Role::AdminStructure => "admin_structure",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Referent => "Référent",
            Role::ChargeOrientation => "Chargé d’orientation",
            Role::AdminStructure => "Administrateur de structure",
            Role::Admin => "Administrateur",
        }
    }
}

/// A signed-in professional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: String,
    pub email: String,
    pub nom: String,
    pub role: Role,
    /// The structure they work for (`None` only for national admins).
    pub structure_id: Option<String>,
    pub structure_nom: Option<String>,
}

impl Staff {
    /// Whether this professional may change what belongs to `structure_id`.
    pub fn acts_for(&self, structure_id: &str) -> bool {
        self.role == Role::Admin || self.structure_id.as_deref() == Some(structure_id)
    }
}

/// The roles a structure's administrator gives (national admins are made on the command line).
pub const TEAM_ROLES: [Role; 3] = [Role::Referent, Role::ChargeOrientation, Role::AdminStructure];

/// A professional of a structure, as its administrators see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compte {
    pub id: String,
    pub nom: String,
    pub email: String,
    pub role: Role,
    pub etat: EtatCompte,
    /// Carnets they currently follow.
    pub carnets: u64,
    pub version: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EtatCompte {
    Actif,
    /// Invited: has not chosen a password yet.
    Invite,
    Desactive,
}

impl EtatCompte {
    pub fn label(self) -> &'static str {
        match self {
            EtatCompte::Actif => "Actif",
            EtatCompte::Invite => "Invitation envoyée",
            EtatCompte::Desactive => "Désactivé",
        }
    }
}

/// A structure's team page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equipe {
    pub staff: Staff,
    pub structure_id: String,
    pub structure_nom: String,
    pub comptes: Vec<Compte>,
    /// For national admins: every structure with its id, to pick one.
    pub structures: Vec<(String, String)>,
}

/// One professional's page, as their structure's administrator edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompteEdition {
    pub staff: Staff,
    pub structure_id: String,
    pub structure_nom: String,
    pub compte: Compte,
    /// Active colleagues who could take over their carnets: (account id, name).
    pub collegues: Vec<(String, String)>,
}

/// Who a password link is for (shown on its page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LienMotDePasse {
    pub nom: String,
    pub email: String,
    pub invitation: bool,
}

/// A password link that was used, is too old, or never existed.
pub const LINK_EXPIRED_MESSAGE: &str =
    "Ce lien n’est plus valable : il a déjà servi ou il est trop ancien. Demandez-en un nouveau \
    avec « Mot de passe oublié », ou demandez à l’administrateur de votre structure.";
