use super::*;

fn cached_app(db: &TestDb) -> Router {
    app_configured(db, Default::default(), None, Some(std::time::Duration::from_secs(60)))
}

fn cache_state(r: &Reply) -> Option<&str> {
    r.headers.get("x-itineraire-cache").and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn public_pages_are_served_from_the_cache_until_something_is_posted() {
    let db = seeded().await;
    let app = cached_app(&db);
    let first = send(&app, get("/catalogue")).await;
    let second = send(&app, get("/catalogue")).await;
    assert_eq!((cache_state(&first), cache_state(&second)), (Some("miss"), Some("hit")));
    assert_eq!(first.body, second.body);
    // The stored page's policy names exactly its inline scripts, by hash (no nonce to reuse).
    let csp = second.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    let nonce = second.body.split("nonce=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default();
    let hashes = server::page_cache::inline_script_hashes(&second.body, nonce);
    assert!(!hashes.is_empty() && hashes.iter().all(|h| csp.contains(h.as_str())), "{csp}");
    assert!(!csp.contains("'nonce-") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(second.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // Compressed once, served as the browser asks.
    let mut req = get("/catalogue");
    req.headers_mut().insert(header::ACCEPT_ENCODING, "gzip, deflate, br".parse().unwrap());
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let mut html = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut html).unwrap();
    assert_eq!(String::from_utf8(html).unwrap(), second.body);
    // Another search is another page.
    assert_eq!(cache_state(&send(&app, get("/catalogue?q=permis")).await), Some("miss"));
    // A form post (here a registration) makes every stored page stale; a refused one does not.
    let seance = first_seance(&app).await;
    let before = send(&app, get(&format!("/ateliers/{seance}"))).await;
    assert_eq!(cache_state(&send(&app, get(&format!("/ateliers/{seance}"))).await), Some("hit"));
    let refused = send(&app, post(&format!("/ateliers/{seance}"), Some("https://evil.example"), "prenom=X")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let invalid = send(&app, post(&format!("/ateliers/{seance}"), ORIGIN, "prenom=")).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        cache_state(&send(&app, get(&format!("/ateliers/{seance}"))).await),
        Some("hit"),
        "refusals change nothing"
    );
    let r = send(
        &app,
        post(
            &format!("/ateliers/{seance}"),
            ORIGIN,
            "prenom=L%C3%A9a&nom=Martin&courriel=lea%40example.fr&consentement=oui&attente=oui",
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let after = send(&app, get(&format!("/ateliers/{seance}"))).await;
    assert_eq!(cache_state(&after), Some("miss"));
    assert_ne!(before.body, after.body, "the page shows the registration");
    // Signed-in people, private links and professionals' pages are never stored.
    assert_eq!(cache_state(&send(&app, with_cookie(get("/catalogue"), "itineraire_session=abc")).await), None);
    assert_eq!(cache_state(&send(&app, with_cookie(get("/mon-carnet"), "itineraire_personne=abc")).await), None);
    assert_eq!(cache_state(&send(&app, get("/inscription/abc")).await), None);
    assert_eq!(cache_state(&send(&app, get("/pro/connexion")).await), None);
    // A page that is not there is not stored.
    assert_eq!(cache_state(&send(&app, get("/offres/inconnue")).await), None);
    db.drop().await;
}

#[tokio::test]
async fn each_language_is_stored_apart() {
    let db = seeded().await;
    let app = cached_app(&db);
    let fr = send(&app, get("/catalogue")).await;
    let en = send(&app, with_cookie(get("/catalogue"), "langue=en")).await;
    let ar = send(&app, with_cookie(get("/catalogue"), "langue=ar")).await;
    assert_eq!((cache_state(&fr), cache_state(&en), cache_state(&ar)), (Some("miss"), Some("miss"), Some("miss")));
    assert!(fr.body.contains("Trouver une aide près de chez vous") && en.body.contains("Find help near you"));
    assert!(ar.body.contains("dir=\"rtl\""));
    let en_again = send(&app, with_cookie(get("/catalogue"), "langue=en")).await;
    assert_eq!(cache_state(&en_again), Some("hit"));
    assert_eq!(en_again.body, en.body);
    // A browser asking for English without having chosen: English, with the choice offered.
    let mut req = get("/catalogue");
    req.headers_mut().insert(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9".parse().unwrap());
    let browser = send(&app, req).await;
    assert!(
        browser.body.contains("Find help near you") && browser.body.contains("Choisissez votre langue"),
        "{}",
        browser.body
    );
    assert!(!en.body.contains("Choisissez votre langue"));
    // Choosing a language changes nothing stored: the pages stay in the cache.
    let r = send(&app, post("/langue", ORIGIN, "langue=ar&retour=%2Fcatalogue")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(cache_state(&send(&app, with_cookie(get("/catalogue"), "langue=ar")).await), Some("hit"));
    db.drop().await;
}
