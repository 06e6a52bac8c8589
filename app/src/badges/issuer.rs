//! Itinéraire as an issuer (ssr only): its Ed25519 key, kept in a file outside the database
//! (created by `server badge-key`, permissions 0600, never sent to a browser), and its
//! `did:web` identifier derived from the public URL.
use ed25519_dalek::{SigningKey, VerifyingKey};
use std::path::Path;

/// Multicodec prefix of an Ed25519 private key (`ed25519-priv`, 0x1300 as varint).
const PRIV_PREFIX: [u8; 2] = [0x80, 0x26];

/// The issuer as pages and routes find it (`None`: no key configured, no badges issued).
pub type SharedIssuer = Option<std::sync::Arc<Issuer>>;

pub struct Issuer {
    pub did: String,
    pub public_url: String,
    key: SigningKey,
    /// Public keys of earlier signing keys (key rotation): still published, still verified.
    retired: Vec<VerifyingKey>,
    /// The revocation list as last signed, with the bits it was signed from: signed again only
    /// when a revocation changes them (signing costs a canonicalisation, ~15 ms of CPU).
    pub(crate) status: std::sync::Mutex<Option<SignedStatus>>,
}

/// A signed revocation list and the bits it holds (SHA-256 of them, to compare).
#[derive(Clone)]
pub(crate) struct SignedStatus {
    pub digest: [u8; 32],
    pub bits: std::sync::Arc<Vec<u8>>,
    pub list: std::sync::Arc<serde_json::Value>,
}

impl std::fmt::Debug for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issuer").field("did", &self.did).finish_non_exhaustive()
    }
}

/// `did:web:<host>` for a public URL (`https://itineraire.example.fr` →
/// `did:web:itineraire.example.fr`; a port is written `%3A`).
pub fn did_web(public_url: &str) -> String {
    let host = public_url.split("://").nth(1).unwrap_or(public_url).split('/').next().unwrap_or_default();
    format!("did:web:{}", host.replace(':', "%3A"))
}

impl Issuer {
    pub fn new(key: SigningKey, public_url: &str) -> Issuer {
        let public_url = public_url.trim_end_matches('/').to_owned();
        Issuer { did: did_web(&public_url), public_url, key, retired: vec![], status: Default::default() }
    }

    /// Also publishes these earlier public keys (`z6Mk…`, as in the DID document before the
    /// rotation), so the badges they signed keep verifying.
    pub fn with_retired(mut self, keys: &[String]) -> Result<Issuer, String> {
        for k in keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
            let key = super::proof::parse_public_key_multibase(k)
                .ok_or_else(|| format!("ancienne clé publique illisible : {k}"))?;
            if key != self.verifying_key() && !self.retired.contains(&key) {
                self.retired.push(key);
            }
        }
        Ok(self)
    }

    /// Reads the key file written by [`generate_key_file`].
    pub fn load(path: &Path, public_url: &str) -> Result<Issuer, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("clé des badges {} : {e}", path.display()))?;
        let (_, bytes) = multibase::decode(text.trim()).map_err(|e| format!("clé des badges illisible : {e}"))?;
        let seed: [u8; 32] = bytes
            .strip_prefix(&PRIV_PREFIX)
            .and_then(|s| s.try_into().ok())
            .ok_or("clé des badges illisible : ce n’est pas une clé Ed25519")?;
        Ok(Issuer::new(SigningKey::from_bytes(&seed), public_url))
    }

    /// The verification method of the current key (the one that signs).
    pub fn verification_method(&self) -> String {
        super::proof::method_id(&self.did, &self.verifying_key())
    }

    /// The key of one of our verification methods (current or retired).
    pub fn key_for(&self, method: &str) -> Option<VerifyingKey> {
        std::iter::once(self.verifying_key())
            .chain(self.retired.iter().copied())
            .find(|k| super::proof::method_id(&self.did, k) == method)
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.key
    }

    pub fn did_document(&self) -> serde_json::Value {
        let keys: Vec<VerifyingKey> =
            std::iter::once(self.verifying_key()).chain(self.retired.iter().copied()).collect();
        super::proof::did_document(&self.did, &keys)
    }
}

/// Writes a new random key to `path` (0600). Refuses to overwrite one: badges already issued
/// would no longer verify (see "Key rotation" in the README).
pub fn generate_key_file(path: &Path) -> Result<VerifyingKey, String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| format!("aléa : {e}"))?;
    let key = SigningKey::from_bytes(&seed);
    let mut bytes = PRIV_PREFIX.to_vec();
    bytes.extend_from_slice(&seed);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("{} : {e} (une clé existe déjà ? elle n’est jamais remplacée)", path.display()))?;
    writeln!(file, "{}", multibase::encode(multibase::Base::Base58Btc, bytes)).map_err(|e| e.to_string())?;
    Ok(key.verifying_key())
}
