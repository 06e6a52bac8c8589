//! Open Badges 3.0: badges earned in the socle's workshops, signed by Itinéraire (did:web) with
//! an `eddsa-rdfc-2022` Data Integrity proof, verifiable by anyone. In progress: the proof
//! (sign, verify) and its interoperability with an independent verifier.
#[cfg(feature = "ssr")]
pub mod proof;
#[cfg(all(test, feature = "ssr"))]
mod tests;
