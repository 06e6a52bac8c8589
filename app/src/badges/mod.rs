//! Open Badges 3.0: badges earned in the socle's workshops (from the roll call), signed by
//! Itinéraire (`did:web`) with an `eddsa-rdfc-2022` Data Integrity proof, verifiable by anyone —
//! checked against an independent implementation in the tests.

/// The verifier and the wallet's door (a badge's own page is not in the shared cache).
pub const PUBLIC_PAGES: crate::ui::PublicPages =
    crate::ui::PublicPages { exact: &["/verifier", "/mes-badges"], under: &[] };
pub mod api;
pub mod model;
mod views;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub mod issue;
#[cfg(feature = "ssr")]
pub mod issuer;
#[cfg(feature = "ssr")]
pub mod proof;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(feature = "ssr")]
pub mod wallet;

pub use views::{BadgePage, MesBadgesPage, PorteBadgesPage, VerifierPage};
