//! Signing and verifying Open Badges (eddsa-rdfc-2022: JSON-LD expansion with embedded contexts,
//! RDFC-1.0, SHA-256, Ed25519). `cargo bench -p server --bench badges [-- --n N]`. Prints a
//! Markdown table for docs/PERFORMANCE.md; every verification is checked to succeed. Each
//! credential is shaped as `badges::service` issues it: its picture embedded (SVG `data:` URL),
//! its language, its hashed identity, its revocation entry.
#![allow(clippy::unwrap_used)] // A test or a benchmark stops at the first unexpected answer.
use app::badges::proof;
use ed25519_dalek::SigningKey;
use serde_json::json;
use std::time::Instant;

fn credential(i: usize, now: chrono::DateTime<chrono::Utc>) -> serde_json::Value {
    let design = app::socle::badge_image::DESIGNS[i % app::socle::badge_image::DESIGNS.len()].0;
    json!({
        "@context": [proof::CREDENTIALS_V2, proof::OB_V3],
        "id": format!("https://itineraire.example/badges/{i}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:itineraire.example", "type": ["Profile"], "name": "Itinéraire", "url": "https://itineraire.example"},
        "validFrom": now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "name": "Faire son CV",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": format!("Personne {i}"),
            "identifier": [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
                "identityHash": "sha256$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "salt": format!("sel{i}")}],
            "achievement": {"id": "https://itineraire.example/ateliers/succes/cv", "type": ["Achievement"], "name": "Faire son CV",
                "description": "A participé à l’atelier « Faire son CV » organisé par la Maison de l’emploi.",
                "criteria": {"narrative": "Être présent à l’atelier « Faire son CV », noté par l’organisateur lors de l’appel."},
                "image": {"id": app::socle::badge_image::data_url(design, "Faire son CV"), "type": "Image", "caption": "Badge « Faire son CV »"},
                "tag": ["CV", "Parcours"], "inLanguage": "fr"}
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
        signed.push(proof::sign(credential(i, now), &key, vm, now).await.unwrap());
    }
    let size = signed[0].to_string().len();
    assert!(app::badges::service::image_of(&signed[0]).is_some(), "the picture travels with the badge");
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
        "| credentials (with picture) | size of one | signed/s (one at a time) | verified/s (one at a time) | verified/s (all at once, 2 cores) |"
    );
    println!("|---|---|---|---|---|");
    println!("| {n} | {:.1} KB | {sign_rate:.0} | {verify_rate:.0} | {parallel:.0} |", size as f64 / 1000.0);
    status_list_per_view(n).await;
}

/// The revocation list's work behind each view of `/badges/<id>` (and of `/badges/statut`),
/// before and after issue 19, same run: before, every view signed the list afresh and verified
/// it (a new issuer here: nothing kept); after, the list is signed once per change and kept
/// (the same issuer: the revoked bits are read and compared, nothing signed).
async fn status_list_per_view(n: usize) {
    use app::badges::{issuer::Issuer, service};
    let t = app::db::testing::TestDb::sqlite().await;
    let key = || SigningKey::from_bytes(&[5u8; 32]);
    let url = "https://itineraire.example";
    let now = chrono::Utc::now();
    let time = |times: &mut Vec<f64>| {
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        (times[times.len() / 2], times[(times.len() - 1) * 95 / 100])
    };
    let mut before = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let issuer = Issuer::new(key(), url);
        let list = service::status_list(&t.db, &issuer, now).await.unwrap();
        assert!(!service::status_bit(&list, &issuer.verifying_key(), 3).await.unwrap());
        before.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let kept = Issuer::new(key(), url);
    service::status_list(&t.db, &kept, now).await.unwrap();
    let mut after = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let list = service::status_list(&t.db, &kept, now).await.unwrap();
        assert!(!list["proof"].is_null(), "the list is served signed");
        after.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let ((b50, b95), (a50, a95)) = (time(&mut before), time(&mut after));
    println!("\n| revocation list, per view ({n} views, SQLite) | p50 | p95 |");
    println!("|---|---|---|");
    println!("| before: signed and verified at every view | {b50:.2} ms | {b95:.2} ms |");
    println!(
        "| after: signed once per change, kept (revoked bits read from the database) | {a50:.3} ms | {a95:.3} ms |"
    );
    t.drop().await;
}
