//! Signing and verifying Open Badges (eddsa-rdfc-2022: JSON-LD expansion with embedded contexts,
//! RDFC-1.0, SHA-256, Ed25519). `cargo bench -p server --bench badges [-- --n N]`. Prints a
//! Markdown table for docs/PERFORMANCE.md; every verification is checked to succeed.
#![allow(clippy::unwrap_used)] // A test or a benchmark stops at the first unexpected answer.
use app::badges::proof;
use ed25519_dalek::SigningKey;
use serde_json::json;
use std::time::Instant;

fn credential(i: usize) -> serde_json::Value {
    json!({
        "@context": [proof::CREDENTIALS_V2, proof::OB_V3],
        "id": format!("https://itineraire.example/badges/{i}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:itineraire.example", "type": ["Profile"], "name": "Itinéraire", "url": "https://itineraire.example"},
        "validFrom": "2026-11-23T12:00:00Z",
        "name": "Faire son CV",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": format!("Personne {i}"),
            "identifier": [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
                "identityHash": "sha256$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "salt": format!("sel{i}")}],
            "achievement": {"id": "https://itineraire.example/ateliers/succes/cv", "type": ["Achievement"], "name": "Faire son CV",
                "description": "A participé à l’atelier.", "criteria": {"narrative": "Être présent."}, "tag": ["CV", "Parcours"]}
        },
        "credentialStatus": {"id": format!("https://itineraire.example/badges/statut#{i}"), "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": i.to_string(), "statusListCredential": "https://itineraire.example/badges/statut"}
    })
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize =
        args.iter().position(|a| a == "--n").and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(200);
    let key = SigningKey::from_bytes(&[3u8; 32]);
    let vm = "did:web:itineraire.example#key-1";
    let now = chrono::Utc::now();
    let start = Instant::now();
    let mut signed = Vec::with_capacity(n);
    for i in 0..n {
        signed.push(proof::sign(credential(i), &key, vm, now).await.unwrap());
    }
    let sign_rate = n as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    for c in &signed {
        proof::verify(c, &key.verifying_key()).await.unwrap();
    }
    let verify_rate = n as f64 / start.elapsed().as_secs_f64();
    // The same, 2 at a time (both cores).
    let start = Instant::now();
    let tasks: Vec<_> = signed
        .iter()
        .cloned()
        .map(|c| {
            let k = key.verifying_key();
            tokio::spawn(async move { proof::verify(&c, &k).await.unwrap() })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let parallel = n as f64 / start.elapsed().as_secs_f64();
    println!(
        "| credentials | signed/s (one at a time) | verified/s (one at a time) | verified/s (all at once, 2 cores) |"
    );
    println!("|---|---|---|---|");
    println!("| {n} | {sign_rate:.0} | {verify_rate:.0} | {parallel:.0} |");
}
