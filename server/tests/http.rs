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
        server::AppState { leptos_options, db: db.db.clone(), cookies: Default::default(), search: Default::default() },
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

/// A page request as a browser makes it.
fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .body(Body::empty())
        .unwrap()
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

const ORIGIN: Option<&str> = Some("http://127.0.0.1:3000");

/// The sample catalogue and one account of the Mobil'Comminges association.
async fn seeded_with_account() -> TestDb {
    let db = seeded().await;
    let s = app::catalogue::db::find_structure(&db.db, "itineraire-exemple:mobil-comminges").await.unwrap().unwrap();
    let input = app::auth::session::AccountInput {
        email: "camille@mobil.example".into(),
        nom: "Camille Martin".into(),
        role: app::auth::model::Role::Referent,
        structure_id: Some(s.id),
        password: "un mot de passe long".into(),
    };
    app::auth::session::put_account(&db.db, input).await.unwrap();
    db
}

fn with_cookie(mut req: Request<Body>, cookie: &str) -> Request<Body> {
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    req
}

/// Signs in through the form; returns the `name=value` of the session cookie.
async fn sign_in(app: &Router) -> String {
    let r = send(app, post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.headers[header::LOCATION], "/pro");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn professionals_sign_in_with_a_password_and_out_again() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    // Not signed in: the professionals' space sends to the sign-in page, and back afterwards.
    let r = send(&app, get("/pro")).await;
    assert!(r.status.is_redirection(), "{}", r.status);
    assert_eq!(r.headers[header::LOCATION], "/pro/connexion?suite=/pro");
    let r = send(&app, get("/pro/connexion?suite=/pro")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(start_tags(&r.body, "name=\"email\"").len(), 1);
    assert!(start_tags(&r.body, "name=\"mot_de_passe\"")[0].contains("autocomplete=\"current-password\""));

    // A wrong password: 401, a French message, the e-mail kept, the password not sent back.
    let r = send(&app, post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=devine&suite=%2Fpro")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("Adresse e-mail ou mot de passe incorrect."));
    assert!(start_tags(&r.body, "name=\"email\"")[0].contains("value=\"camille@mobil.example\""));
    assert!(!r.body.contains("devine"));
    assert!(r.headers.get(header::SET_COOKIE).is_none());
    // Empty fields: 400, a message per field.
    let r = send(&app, post("/pro/connexion", ORIGIN, "email=&mot_de_passe=")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Indiquez votre adresse e-mail.") && r.body.contains("Indiquez votre mot de passe."));
    // From another site: refused before anything is checked.
    let r = send(&app, post("/pro/connexion", Some("https://evil.example"), "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Open redirects are not followed.
    let r = send(&app, post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=https%3A%2F%2Fevil.example")).await;
    assert_eq!(r.headers[header::LOCATION], "/pro");

    let cookie = sign_in(&app).await;
    let r = send(&app, with_cookie(get("/pro"), &cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Camille Martin") && r.body.contains("Les offres de Association Mobil’Comminges (exemple)"));
    assert!(r.body.contains("Permis de conduire solidaire"), "the structure's offers are listed");
    assert!(!r.body.contains("Épicerie solidaire"), "other structures' offers are not");

    let r = send(&app, with_cookie(post("/pro/deconnexion", ORIGIN, ""), &cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.headers[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    let r = send(&app, with_cookie(get("/pro"), &cookie)).await;
    assert!(r.status.is_redirection(), "the old cookie no longer opens the space");
    db.drop().await;
}

const NEW_OFFER: &str = "nom=Atelier+v%C3%A9lo+partag%C3%A9&description=R%C3%A9parer+son+v%C3%A9lo+avec+un+b%C3%A9n%C3%A9vole+chaque+samedi.\
&themes=mobilite&frais=gratuit&modes_accueil=en-presentiel&code_insee=31483&telephone=0599003199";

#[tokio::test]
async fn professionals_create_and_edit_offers_with_french_messages_per_field() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    // Not signed in: no offer is written, the form sends to sign-in.
    let r = send(&app, post("/pro/nouvelle-offre", ORIGIN, NEW_OFFER)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/pro/connexion?suite=/pro/nouvelle-offre");
    let cookie = sign_in(&app).await;

    // Bad phone and no theme: 422, each message by its field, what was typed kept.
    let bad = NEW_OFFER.replace("&themes=mobilite", "").replace("0599003199", "12");
    let r = send(&app, with_cookie(post("/pro/nouvelle-offre", ORIGIN, &bad), &cookie)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Le formulaire contient 2 erreurs"));
    assert!(r.body.contains("Choisissez au moins un thème."));
    assert!(r.body.contains("Ce numéro de téléphone n’est pas valide"));
    assert!(start_tags(&r.body, "name=\"telephone\"")[0].contains("aria-invalid=\"true\""));
    assert!(start_tags(&r.body, "name=\"nom\"")[0].contains("value=\"Atelier vélo partagé\""));
    assert!(start_tags(&r.body, "value=\"31483\"")[0].contains("selected"));

    let r = send(&app, with_cookie(post("/pro/nouvelle-offre", ORIGIN, NEW_OFFER), &cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.headers[header::LOCATION], "/pro?ok=creee");
    let r = send(&app, get("/catalogue?q=velo+partage")).await;
    assert!(r.body.contains("partagé"), "the new offer is in the catalogue");
    let id = r.body.split("href=\"/offres/").nth(1).unwrap().split('"').next().unwrap().to_owned();

    // The edit form shows the stored offer; saving from an old version is refused with 409.
    let r = send(&app, with_cookie(get(&format!("/pro/offres/{id}")), &cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(start_tags(&r.body, "name=\"version\"")[0].contains("value=\"1\""));
    assert!(start_tags(&r.body, "name=\"telephone\"")[0].contains("value=\"05 99 00 31 99\""));
    let edit = format!("{}&version=1", NEW_OFFER.replace("partag%C3%A9", "solidaire"));
    let r = send(&app, with_cookie(post(&format!("/pro/offres/{id}"), ORIGIN, &edit), &cookie)).await;
    assert_eq!(r.headers[header::LOCATION], "/pro?ok=modifiee");
    let r = send(&app, with_cookie(post(&format!("/pro/offres/{id}"), ORIGIN, &edit.replace("solidaire", "du+samedi")), &cookie)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("Quelqu’un a modifié cette offre"));
    assert!(r.body.contains("Valeur enregistrée : « Atelier vélo solidaire »"));
    assert!(start_tags(&r.body, "name=\"nom\"")[0].contains("value=\"Atelier vélo du samedi\""), "what was typed is kept");

    // Another structure's offer: 403, nothing changed.
    let r = send(&app, get("/catalogue?q=epicerie")).await;
    let other = r.body.split("href=\"/offres/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let r = send(&app, with_cookie(get(&format!("/pro/offres/{other}")), &cookie)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(&app, with_cookie(post(&format!("/pro/offres/{other}"), ORIGIN, "action=archiver&version=1"), &cookie)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&app, get(&format!("/offres/{other}"))).await.status, StatusCode::OK);
    db.drop().await;
}
