//! Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (ssr only): the document and the
//! proof's options are expanded as JSON-LD (contexts embedded in the binary, never fetched),
//! canonicalised with RDFC-1.0, hashed with SHA-256, and the two hashes signed with Ed25519.
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use sophia_api::source::QuadSource;
use sophia_inmem::dataset::FastDataset;
use sophia_jsonld::loader::{ClosureLoader, FutureExt};
use sophia_jsonld::{JsonLdOptions, JsonLdParser};

pub const CREDENTIALS_V2: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_V3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";

/// The JSON-LD contexts we know, by URL (shipped with the binary).
pub const CONTEXTS: [(&str, &str); 2] = [
    (CREDENTIALS_V2, include_str!("contexts/credentials-v2.jsonld")),
    (OB_V3, include_str!("contexts/ob-v3p0-context-3.0.3.json")),
];

pub fn context(url: &str) -> Option<&'static str> {
    CONTEXTS.iter().find(|(u, _)| *u == url).map(|(_, c)| *c)
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProofError {
    #[error("le document n’est pas du JSON-LD lisible : {0}")]
    JsonLd(String),
    #[error("le document n’a pas de preuve eddsa-rdfc-2022")]
    NoProof,
    #[error("la preuve est mal formée : {0}")]
    Malformed(&'static str),
    #[error("la signature ne correspond pas au contenu")]
    BadSignature,
}

/// RDFC-1.0 canonical N-Quads of a JSON-LD document. The JSON-LD processor's future cannot move
/// between threads, so it runs on a blocking thread of its own.
pub async fn canonical(doc: &Value) -> Result<String, ProofError> {
    let doc = doc.clone();
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || handle.block_on(canonical_here(&doc)))
        .await
        .map_err(|e| ProofError::JsonLd(e.to_string()))?
}

async fn canonical_here(doc: &Value) -> Result<String, ProofError> {
    let options = JsonLdOptions::new().with_document_loader_closure(|| {
        ClosureLoader::new(|iri| {
            async move {
                let url = iri.to_string();
                context(&url).map(str::to_owned).ok_or_else(|| format!("contexte inconnu : {url}"))
            }
            .boxed()
        })
    });
    let parser = JsonLdParser::new_with_options(options);
    let mut dataset = FastDataset::new();
    parser
        .async_parse_str(&doc.to_string())
        .await
        .add_to_dataset(&mut dataset)
        .map_err(|e| ProofError::JsonLd(e.to_string()))?;
    let mut out = Vec::new();
    sophia_c14n::rdfc10::normalize(&dataset, &mut out).map_err(|e| ProofError::JsonLd(e.to_string()))?;
    String::from_utf8(out).map_err(|e| ProofError::JsonLd(e.to_string()))
}

/// SHA-256 of the canonical proof options, then of the canonical document (the signed bytes).
async fn hash_data(doc: &Value, proof_options: &Value) -> Result<Vec<u8>, ProofError> {
    let mut data = Sha256::digest(canonical(proof_options).await?.as_bytes()).to_vec();
    data.extend_from_slice(&Sha256::digest(canonical(doc).await?.as_bytes()));
    Ok(data)
}

/// Ed25519 public key as a Multikey (`z6Mk…`).
pub fn public_key_multibase(key: &VerifyingKey) -> String {
    let mut bytes = vec![0xed, 0x01];
    bytes.extend_from_slice(key.as_bytes());
    multibase::encode(multibase::Base::Base58Btc, bytes)
}

/// The public key of a `z6Mk…` Multikey.
pub fn parse_public_key_multibase(text: &str) -> Option<VerifyingKey> {
    let (_, bytes) = multibase::decode(text).ok()?;
    let raw: [u8; 32] = bytes.strip_prefix(&[0xed, 0x01])?.try_into().ok()?;
    VerifyingKey::from_bytes(&raw).ok()
}

/// Signs `doc` (without proof) and returns it with its `proof` (an array of one proof).
pub async fn sign(
    mut doc: Value,
    key: &SigningKey,
    verification_method: &str,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Value, ProofError> {
    let mut options = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    });
    options["@context"] = doc["@context"].clone();
    let data = hash_data(&doc, &options).await?;
    let signature = key.sign(&data);
    let Value::Object(mut proof) = options else { unreachable!("built above") };
    proof.remove("@context");
    proof.insert(
        "proofValue".into(),
        Value::String(multibase::encode(multibase::Base::Base58Btc, signature.to_bytes())),
    );
    doc["proof"] = Value::Array(vec![Value::Object(proof)]);
    Ok(doc)
}

/// The `eddsa-rdfc-2022` proof of a signed document, and the document without its proofs.
pub fn split_proof(signed: &Value) -> Result<(Value, Map<String, Value>), ProofError> {
    let proofs = match signed.get("proof") {
        Some(Value::Array(list)) => list.clone(),
        Some(p @ Value::Object(_)) => vec![p.clone()],
        _ => return Err(ProofError::NoProof),
    };
    let proof = proofs
        .into_iter()
        .filter_map(|p| match p {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .find(|p| p.get("cryptosuite").and_then(Value::as_str) == Some(CRYPTOSUITE))
        .ok_or(ProofError::NoProof)?;
    let mut doc = signed.clone();
    if let Value::Object(m) = &mut doc {
        m.remove("proof");
    }
    Ok((doc, proof))
}

/// Checks the proof of `signed` with `key` (the key of its `verificationMethod`).
pub async fn verify(signed: &Value, key: &VerifyingKey) -> Result<(), ProofError> {
    let (doc, proof) = split_proof(signed)?;
    if proof.get("type").and_then(Value::as_str) != Some("DataIntegrityProof") {
        return Err(ProofError::Malformed("type"));
    }
    let value = proof.get("proofValue").and_then(Value::as_str).ok_or(ProofError::Malformed("proofValue"))?;
    let (base, bytes) = multibase::decode(value).map_err(|_| ProofError::Malformed("proofValue"))?;
    if base != multibase::Base::Base58Btc {
        return Err(ProofError::Malformed("proofValue"));
    }
    let signature = Signature::from_slice(&bytes).map_err(|_| ProofError::Malformed("proofValue"))?;
    let mut options = Value::Object(proof);
    if let Value::Object(m) = &mut options {
        m.remove("proofValue");
        m.insert("@context".into(), doc["@context"].clone());
    }
    let data = hash_data(&doc, &options).await?;
    key.verify_strict(&data, &signature).map_err(|_| ProofError::BadSignature)
}

/// The DID document of an issuer (`did:web:<host>`) with its Ed25519 Multikeys, each named by
/// its own public key (`#z6Mk…`), the current one first: what `/.well-known/did.json` serves and
/// what verifiers resolve. Keys retired by a rotation stay listed so their badges still verify.
pub fn did_document(did: &str, keys: &[VerifyingKey]) -> Value {
    let methods: Vec<Value> = keys
        .iter()
        .map(|k| json!({"id": method_id(did, k), "type": "Multikey", "controller": did, "publicKeyMultibase": public_key_multibase(k)}))
        .collect();
    let ids: Vec<String> = keys.iter().map(|k| method_id(did, k)).collect();
    json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    })
}

/// `<did>#<public key multibase>`: the verification method of one key of an issuer.
pub fn method_id(did: &str, key: &VerifyingKey) -> String {
    format!("{did}#{}", public_key_multibase(key))
}
