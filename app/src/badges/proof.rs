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
    /// Deeper, bigger or more tangled than any badge: refused before (or instead of) the work.
    #[error("ce document est trop complexe pour être un badge : {0}")]
    TooComplex(&'static str),
    /// Other documents are being checked: the server does at most two at a time.
    #[error("la vérification est très demandée en ce moment : réessayez dans une minute")]
    Busy,
    #[error("le document n’a pas de preuve eddsa-rdfc-2022")]
    NoProof,
    #[error("la preuve est mal formée : {0}")]
    Malformed(&'static str),
    #[error("la signature ne correspond pas au contenu")]
    BadSignature,
}

/// Bounds on the work one document may cost. A badge is a few levels deep, a few dozen quads
/// and a handful of blank nodes, each told apart by its own quads; anything beyond is refused
/// before the work (depth, quads, blank nodes) or during it (RDFC-1.0's own safeguards, the
/// deadline). See the tests' poison graphs.
pub const MAX_DEPTH: usize = 24;
pub const MAX_QUADS: usize = 2_000;
pub const MAX_BLANK_NODES: usize = 200;
/// RDFC-1.0 safeguards: how deep the n-degree hashing may recurse (times the blank nodes) and how
/// many permutations it may try per level. Badges never need either.
const DEPTH_FACTOR: f32 = 1.0;
const PERMUTATION_LIMIT: usize = 2;
/// The canonicalisation ends within this time, whatever the document (the release build;
/// unoptimised test builds are given more, the machine being shared with the other tests). A
/// check canonicalises the proof's options (a few statements) then the document: with the wait
/// for a slot, a verdict comes within a second.
pub const DEADLINE: std::time::Duration =
    std::time::Duration::from_millis(if cfg!(debug_assertions) { 5_000 } else { 600 });
/// Longest wait for one of the two slots; then « busy ».
const SLOT_WAIT: std::time::Duration = std::time::Duration::from_millis(150);
/// Documents canonicalised at once (the machines have 2 cores); each holds its slot until its
/// work ends, even after its deadline, so abandoned work never piles up.
static SLOTS: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(tokio::sync::Semaphore::new(2)));
/// The canonicalisation's own thread: deep JSON-LD expansion recurses.
const STACK_BYTES: usize = 16 * 1024 * 1024;

/// The nesting depth of a JSON value (iterative: a deep document cannot overflow this count).
pub fn depth(v: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        deepest = deepest.max(d);
        match v {
            Value::Array(a) => stack.extend(a.iter().map(|x| (x, d + 1))),
            Value::Object(o) => stack.extend(o.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    deepest
}

/// Where a document comes from: our own (a badge we issue or stored, our status list), or
/// anyone's (pasted or uploaded at /verifier), which gets the bounds above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Ours,
    Untrusted,
}

/// RDFC-1.0 canonical N-Quads of one of our own JSON-LD documents.
pub async fn canonical(doc: &Value) -> Result<String, ProofError> {
    canonical_from(doc, Origin::Ours).await
}

/// RDFC-1.0 canonical N-Quads of a JSON-LD document; anyone's within the bounds above. The
/// JSON-LD processor's future cannot move between threads: it runs on a thread of its own.
pub async fn canonical_from(doc: &Value, origin: Origin) -> Result<String, ProofError> {
    if origin == Origin::Ours {
        let doc = doc.clone();
        let handle = tokio::runtime::Handle::current();
        return tokio::task::spawn_blocking(move || handle.block_on(canonical_here(&doc, Origin::Ours)))
            .await
            .map_err(|e| ProofError::JsonLd(e.to_string()))?;
    }
    if depth(doc) > MAX_DEPTH {
        return Err(ProofError::TooComplex("trop de niveaux imbriqués"));
    }
    let slot = tokio::time::timeout(SLOT_WAIT, SLOTS.clone().acquire_owned())
        .await
        .map_err(|_| ProofError::Busy)?
        .map_err(|_| ProofError::Busy)?;
    let doc = doc.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("jsonld-c14n".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = match tokio::runtime::Builder::new_current_thread().build() {
                Ok(rt) => rt.block_on(canonical_here(&doc, Origin::Untrusted)),
                Err(e) => Err(ProofError::JsonLd(e.to_string())),
            };
            drop(slot);
            let _ = tx.send(result);
        })
        .map_err(|e| ProofError::JsonLd(e.to_string()))?;
    match tokio::time::timeout(DEADLINE, rx).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(ProofError::JsonLd("canonicalisation interrompue".into())),
        Err(_) => Err(ProofError::TooComplex("trop long à vérifier")),
    }
}

async fn canonical_here(doc: &Value, origin: Origin) -> Result<String, ProofError> {
    use sophia_api::dataset::Dataset;
    use sophia_api::quad::Quad;
    use sophia_api::term::Term;
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
    let mut quads = 0;
    let mut blank = std::collections::HashSet::new();
    for q in dataset.quads().take(if origin == Origin::Ours { 0 } else { usize::MAX }) {
        let q = q.map_err(|e| ProofError::JsonLd(e.to_string()))?;
        quads += 1;
        if quads > MAX_QUADS {
            return Err(ProofError::TooComplex("trop d’affirmations"));
        }
        for t in [q.s(), q.o()] {
            if let Some(b) = t.bnode_id() {
                blank.insert(b.to_string());
            }
        }
        if blank.len() > MAX_BLANK_NODES {
            return Err(ProofError::TooComplex("trop de nœuds anonymes"));
        }
    }
    let mut out = Vec::new();
    sophia_c14n::rdfc10::normalize_with::<sophia_c14n::hash::Sha256, _, _>(
        &dataset,
        &mut out,
        DEPTH_FACTOR,
        PERMUTATION_LIMIT,
    )
    .map_err(|e| match e {
        sophia_c14n::C14nError::ToxicGraph(_) => {
            ProofError::TooComplex("graphe toxique (trop de nœuds anonymes indiscernables)")
        }
        e => ProofError::JsonLd(e.to_string()),
    })?;
    String::from_utf8(out).map_err(|e| ProofError::JsonLd(e.to_string()))
}

/// SHA-256 of the canonical proof options, then of the canonical document (the signed bytes).
async fn hash_data(doc: &Value, proof_options: &Value, origin: Origin) -> Result<Vec<u8>, ProofError> {
    let mut data = Sha256::digest(canonical_from(proof_options, origin).await?.as_bytes()).to_vec();
    data.extend_from_slice(&Sha256::digest(canonical_from(doc, origin).await?.as_bytes()));
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
    let data = hash_data(&doc, &options, Origin::Ours).await?;
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
    verify_from(signed, key, Origin::Ours).await
}

/// Checks the `eddsa-rdfc-2022` proof of a document (anyone's: within the bounds above).
pub async fn verify_from(signed: &Value, key: &VerifyingKey, origin: Origin) -> Result<(), ProofError> {
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
    let data = hash_data(&doc, &options, origin).await?;
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
