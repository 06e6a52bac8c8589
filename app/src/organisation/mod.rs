//! The organisation: the structures professionals belong to. Below auth and every feature room,
//! which read structures through [`service`].
#[cfg(feature = "ssr")]
pub mod db;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
