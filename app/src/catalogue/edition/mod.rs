//! Professionals keep their structure's offers up to date: create, edit, archive — only their
//! own structure's (admins: every structure's). Forms post without WASM; the server checks every
//! field and refuses an edit made on an outdated version instead of overwriting it.
pub mod api;
pub mod model;
mod views;

#[cfg(feature = "ssr")]
mod form;
#[cfg(feature = "ssr")]
pub mod periode;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;

pub use views::{EspaceProPage, OffreEditPage};

#[cfg(all(test, feature = "ssr"))]
mod tests;
