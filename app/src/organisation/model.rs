//! A structure as the other rooms see it (shared by the server and the browser build).
use serde::{Deserialize, Serialize};

/// A structure (association, France Travail agency, the département's services…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::FromQueryResult))]
pub struct Structure {
    pub id: String,
    pub nom: String,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
}
