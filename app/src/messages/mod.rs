//! Messages as people and professionals see them: the person's « STOP » page, reached from a
//! reminder (`/messages/arret/<jeton>`, in her language), and the failures of the last 7 days
//! for a structure's administrators (`/pro/messages`), with « Renvoyer ». The sending itself is
//! the outbox's (`crate::outbox`).
pub mod api;
pub mod model;
mod views;

#[cfg(feature = "ssr")]
pub mod routes;

pub use views::{ArretPage, MessagesProPage};
