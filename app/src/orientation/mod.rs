//! Orientation: from an offer, a signed-in professional sends a person to the offer's structure,
//! with the person's explicit consent and the purpose told to them. The structure answers —
//! accepted, or refused with a reason — through a link e-mailed to it, without an account.
//! A request left unanswered closes after 30 days; the person's data in it is erased after
//! `ITINERAIRE_ORIENTATION_ANONYMISATION_JOURS` (2 years). When the professional links the
//! person's carnet, each step is a note on its timeline.
//!
//! A workflow over the catalogue (the offer and its structure) and the carnet (its notes).
pub mod api;
pub mod model;
mod views;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;

pub use views::{MesOrientationsPage, OrienterPage, ReponsePage};

#[cfg(all(test, feature = "ssr"))]
mod tests;
