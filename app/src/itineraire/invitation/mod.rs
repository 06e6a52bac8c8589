//! Invitation links for letters and SMS: a professional prints letters, each with a short link
//! made for one person (`/i/7KQ2-M9XD-4HTR`) and its QR code; the link opens the person's
//! territory and next steps until it expires, then a kind page with a human to call. The words
//! printed never say "RSA" (an envelope or a lock screen can be read by others). Only the
//! tokens' SHA-256 are stored.
pub mod api;
pub mod model;
mod views;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;

pub use model::InvitationJours;
pub use views::{InvitationPage, InvitationsProPage};

#[cfg(all(test, feature = "ssr"))]
mod tests;
