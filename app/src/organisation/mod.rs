//! The organisation: the structures professionals belong to. Below auth and every feature room,
//! which read structures through [`service`].
#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub mod fiche;
pub mod model;
#[cfg(feature = "ssr")]
pub mod reglages;
#[cfg(feature = "ssr")]
pub mod service;
