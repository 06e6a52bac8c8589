//! Professionals' sign-in: password accounts (argon2), sessions kept in the database behind an
//! HttpOnly cookie, roles. Other rooms ask this one "who is signing this request?" through
//! [`session::current_staff`] / [`session::require_staff`], never by reading its tables.
pub mod api;
pub mod model;
mod views;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod session;

pub use views::{failure, ConnexionPage, ProBar, SignOutButton};

#[cfg(all(test, feature = "ssr"))]
mod tests;
