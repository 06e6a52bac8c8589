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
