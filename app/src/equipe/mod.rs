//! A structure's team, as its administrators run it (`/pro/equipe`): invite a professional, change
//! a role, disable an account when someone leaves — their carnets handed over to a colleague —
//! send a password link. A workflow over two rooms: auth's accounts and the carnets' members.
pub mod api;
mod views;

#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;

pub use views::{CompteEditionPage, EquipePage};

#[cfg(all(test, feature = "ssr"))]
mod tests;
