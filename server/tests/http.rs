//! The server as a browser sees it: pages, status codes, security headers, CSRF, health.
use app::db::testing::TestDb;
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

fn app_for(db: &TestDb) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name("itineraire")
        .site_root("target/site")
        .build();
    server::router(
        server::AppState { leptos_options, db: db.db.clone() },
        server::RouterConfig { public_origin: None, max_body_bytes: 64 * 1024 },
    )
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// The start tags (`<tag …>`) of `body` that contain `needle`, whatever the attribute order.
fn start_tags<'a>(body: &'a str, needle: &str) -> Vec<&'a str> {
    body.split('<').filter_map(|t| t.split('>').next()).filter(|t| t.contains(needle)).collect()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).header(header::HOST, "127.0.0.1:3000").body(Body::empty()).unwrap()
}

fn post(uri: &str, origin: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::post(uri)
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(o) = origin {
        b = b.header(header::ORIGIN, o);
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

#[tokio::test]
async fn home_page_lists_the_ten_themes_from_the_database() {
    for db in TestDb::all().await {
        let app = app_for(&db);
        let r = send(&app, get("/")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", db.backend());
        assert!(r.body.starts_with("<!DOCTYPE html>"), "{}", &r.body[..100.min(r.body.len())]);
        assert!(r.body.contains("<html lang=\"fr\""));
        for label in [
            "Logement", "Emploi", "Formation", "Difficultés administratives", "Difficultés financières",
            "Mobilité", "Santé", "Contraintes familiales", "Maîtrise de la langue française", "Numérique",
        ] {
            assert!(r.body.contains(&format!(">{label}</h3>")), "{label} missing on {}", db.backend());
        }
        assert_eq!(r.body.matches("class=\"theme-card\"").count(), 10);
        // The hydration script carries this response's nonce, and the CSP names it.
        let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
        let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap();
        assert!(r.body.contains(&format!("nonce=\"{nonce}\"")), "script without the CSP nonce");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"));
        assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(r.headers[header::REFERRER_POLICY], "same-origin");
        // Another request gets another nonce.
        let again = send(&app, get("/")).await;
        assert_ne!(again.headers[header::CONTENT_SECURITY_POLICY], r.headers[header::CONTENT_SECURITY_POLICY]);
        db.drop().await;
    }
}

#[tokio::test]
async fn theme_search_works_without_javascript() {
    let db = TestDb::sqlite().await;
    let app = app_for(&db);
    let r = send(&app, get("/?q=LOYER")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("1 thème correspond à « LOYER »"), "{}", r.body);
    // Only Logement is left visible.
    let cards = start_tags(&r.body, "class=\"theme-card\"");
    assert_eq!(cards.len(), 10);
    let visible: Vec<_> = cards.iter().filter(|t| !t.contains(" hidden")).collect();
    assert_eq!(visible.len(), 1);
    assert!(visible[0].contains("theme-logement"));

    let r = send(&app, get("/?q=sante")).await;
    assert!(r.body.contains("3 thèmes correspondent à « sante »"));

    let long = "a".repeat(500);
    let r = send(&app, get(&format!("/?q={long}"))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Votre recherche est trop longue"));
    db.drop().await;
}

#[tokio::test]
async fn unknown_page_gets_a_french_404_with_a_way_back() {
    let db = TestDb::sqlite().await;
    let r = send(&app_for(&db), get("/nulle-part")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Cette page n’existe pas"));
    assert!(r.body.contains("href=\"/\""));
    db.drop().await;
}

#[tokio::test]
async fn footer_pages_exist() {
    let db = TestDb::sqlite().await;
    let app = app_for(&db);
    for (path, title) in [("/accessibilite", "<h1>Accessibilité</h1>"), ("/mentions-legales", "<h1>Mentions légales</h1>")] {
        let r = send(&app, get(path)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(r.body.contains(title), "{path}");
    }
    db.drop().await;
}

#[tokio::test]
async fn server_functions_refuse_cross_site_posts() {
    let db = TestDb::sqlite().await;
    let app = app_for(&db);
    let ok = send(&app, post("/api/themes", Some("http://127.0.0.1:3000"), "")).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert!(ok.body.contains("\"code\":\"logement\""));

    for origin in [Some("https://evil.example"), Some("null"), None] {
        let r = send(&app, post("/api/themes", origin, "")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "origin {origin:?}");
        assert!(r.body.contains("Demande refusée"));
    }
    let mut cross = post("/api/themes", Some("http://127.0.0.1:3000"), "");
    cross.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(send(&app, cross).await.status, StatusCode::FORBIDDEN);
    db.drop().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let db = TestDb::sqlite().await;
    let big = "x".repeat(200 * 1024);
    // Browsers announce the length: refused before reading.
    let mut req = post("/api/themes", Some("http://127.0.0.1:3000"), &big);
    req.headers_mut().insert(header::CONTENT_LENGTH, big.len().into());
    let r = send(&app_for(&db), req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Without a length (streamed), the read stops at the limit: a client error, not a 5xx.
    let r = send(&app_for(&db), post("/api/offres", Some("http://127.0.0.1:3000"), &big)).await;
    assert!(r.status.is_client_error(), "{}", r.status);
    db.drop().await;
}

#[tokio::test]
async fn html_is_compressed_when_the_browser_accepts_it() {
    let db = TestDb::sqlite().await;
    let req = Request::get("/")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let r = app_for(&db).oneshot(req).await.unwrap();
    assert_eq!(r.headers()[header::CONTENT_ENCODING], "br");
    db.drop().await;
}

#[tokio::test]
async fn health_and_pages_report_a_database_outage_in_french() {
    let db = TestDb::sqlite().await;
    let app = app_for(&db);
    assert_eq!(send(&app, get("/healthz")).await.status, StatusCode::OK);
    db.db.close_by_ref().await.unwrap();
    let h = send(&app, get("/healthz")).await;
    assert_eq!(h.status, StatusCode::SERVICE_UNAVAILABLE);
    let r = send(&app, get("/")).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.body.contains("Service momentanément indisponible"), "{}", r.body);
    db.drop().await;
}

#[tokio::test]
async fn invitation_link_lands_on_the_territory_steps() {
    let db = TestDb::sqlite().await;
    let app = app_for(&db);
    let r = send(&app, get("/bienvenue?territoire=comminges")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h1>Bienvenue</h1>"));
    assert!(r.body.contains("Territoire : Comminges"));
    assert!(r.body.contains("dans les 3 semaines qui suivent votre demande"));
    assert!(r.body.contains("href=\"tel:0599003112\""), "tap-to-call link");
    // Links keep the territory, so the contact stays the right one.
    assert!(r.body.contains("href=\"/etapes/premier-rendez-vous?territoire=comminges\""));

    let page = send(&app, get("/etapes/premier-rendez-vous?territoire=comminges")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Le premier rendez-vous</h1>"));
    assert!(page.body.contains("<strong>avant</strong>"), "Markdown rendered");
    assert!(page.body.contains("href=\"tel:0599003112\""));

    let default = send(&app, get("/etapes")).await;
    assert!(default.body.contains("Territoire : Haute-Garonne"));
    db.drop().await;
}

#[tokio::test]
async fn unknown_territory_or_page_gets_a_clear_answer_and_a_human_contact() {
    let db = TestDb::sqlite().await;
    let app = app_for(&db);
    let r = send(&app, get("/bienvenue?territoire=atlantide")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Ce territoire n’est pas connu"));
    assert!(r.body.contains("href=\"/etapes?territoire=comminges\""));
    assert!(r.body.contains("href=\"tel:"), "a phone number to call");

    let r = send(&app, get(&format!("/bienvenue?territoire={}", "x".repeat(5000)))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    let r = send(&app, get("/etapes/nulle-part")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Cette page n’existe pas ou plus."));
    db.drop().await;
}

async fn seeded() -> TestDb {
    let db = TestDb::sqlite().await;
    server::cli::seed_demo(&db.db).await.unwrap();
    db
}

#[tokio::test]
async fn catalogue_lists_filters_and_searches_without_javascript() {
    let db = seeded().await;
    let app = app_for(&db);
    let r = send(&app, get("/catalogue")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(">32 offres</h2>"), "{}", r.body);
    assert!(r.body.contains("Page 1 sur 2"));
    assert!(r.body.contains("href=\"/catalogue?page=2\""));

    let r = send(&app, get("/catalogue?q=permi&theme=mobilite")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<mark>Permis</mark> de conduire solidaire"), "{}", r.body);
    // The form keeps what the person chose.
    let chosen = start_tags(&r.body, "value=\"mobilite\"");
    assert!(chosen.len() == 1 && chosen[0].contains("selected"), "{chosen:?}");
    assert!(r.body.contains("value=\"permi\""));

    let r = send(&app, get("/catalogue?q=logment")).await;
    assert!(r.body.contains("Nous avons cherché « logement » au lieu de « logment »."));

    let r = send(&app, get("/catalogue?commune=31390&gratuit=1")).await;
    assert!(r.body.contains(">1 offre</h2>"), "{}", r.body);
    db.drop().await;
}

#[tokio::test]
async fn catalogue_bad_filters_get_a_french_400() {
    let db = seeded().await;
    let app = app_for(&db);
    for (query, message) in [
        ("theme=inconnu", "Ce thème n’existe pas."),
        ("commune=99999", "pas une commune de Haute-Garonne"),
        ("commune=%3Cscript%3E", "pas une commune de Haute-Garonne"),
        ("gratuit=peut-etre", "« gratuit » n’est pas compris"),
        ("mode=teleportation", "« sur place » ou « à distance »"),
        ("public=martiens", "Ce public n’existe pas."),
        ("page=0", "Ce numéro de page n’existe pas."),
        ("page=abc", "Ce numéro de page n’existe pas."),
    ] {
        let r = send(&app, get(&format!("/catalogue?{query}"))).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(r.body.contains(message), "{query}: {message}");
        assert_eq!(start_tags(&r.body, "class=\"filters\"").len(), 1, "the form stays usable");
    }
    let long = "mot ".repeat(100);
    let r = send(&app, get(&format!("/catalogue?q={}", long.replace(' ', "+")))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Votre recherche est trop longue"));
    db.drop().await;
}

#[tokio::test]
async fn offer_page_has_a_stable_url_and_a_tap_to_call_number() {
    let db = seeded().await;
    let app = app_for(&db);
    let list = send(&app, get("/catalogue?q=scooter")).await;
    let href = list.body.split("href=\"/offres/").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();
    let r = send(&app, get(&format!("/offres/{href}"))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h1>Location de scooters et de voitures à petit prix</h1>"));
    assert!(r.body.contains("href=\"tel:0599003130\""));
    assert!(r.body.contains("Mis à jour le 15/10/2026"));
    for bad in ["pas-un-uuid", "00000000-0000-4000-8000-000000000000"] {
        let r = send(&app, get(&format!("/offres/{bad}"))).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        assert!(r.body.contains("Cette page n’existe pas ou plus."));
    }
    db.drop().await;
}

#[tokio::test]
async fn catalogue_opens_on_the_themes_with_their_counts() {
    let db = seeded().await;
    let r = send(&app_for(&db), get("/catalogue")).await;
    assert!(r.body.contains("href=\"/catalogue?theme=mobilite\">Mobilité<span class=\"count\"> (5)</span>"), "{}", r.body);
    assert!(r.body.contains("Numérique<span class=\"count\"> (2)</span>"));
    db.drop().await;
}
