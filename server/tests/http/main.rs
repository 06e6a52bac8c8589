//! The server as a browser sees it: pages, status codes, security headers, CSRF, health.
#![allow(clippy::unwrap_used)] // A test or a benchmark stops at the first unexpected answer.
use app::db::testing::TestDb;
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use sea_orm::EntityTrait;
use tower::ServiceExt;

/// Public pages from the page cache.
mod cache;
/// The catalogue in real life: open today, fresh offers, everyday words.
mod catalogue_vie;
/// The catalogue sorted by distance from a commune or the phone's position.
mod distance;
/// Messages leave through real SMTP and SMS-API servers on loopback.
mod envoi;
/// Professionals' accounts and a structure's team; the carnet's routes for every kind of visitor.
mod equipe;
/// The person's pages in their language.
mod langues;
/// What a hostile visitor tries on a public deployment.
mod securite;
/// Markup stored anywhere is shown as text.
mod xss;

fn app_for(db: &TestDb) -> Router {
    app_with_limits(db, Default::default())
}

fn app_with_limits(db: &TestDb, limits: app::rate_limit::Limits) -> Router {
    app_with(db, limits, None)
}

fn app_with(db: &TestDb, limits: app::rate_limit::Limits, issuer: app::badges::issuer::SharedIssuer) -> Router {
    // Fresh renders: tests write through the services as well as the forms (the cache has its own test).
    app_configured(db, limits, issuer, None)
}

fn app_configured(
    db: &TestDb,
    limits: app::rate_limit::Limits,
    issuer: app::badges::issuer::SharedIssuer,
    page_cache: Option<std::time::Duration>,
) -> Router {
    app_setup(db, Setup { limits, issuer, page_cache, ..Default::default() })
}

/// A server whose messages do not all leave (`problems`: what it says at start-up).
fn app_with_messages(db: &TestDb, problems: Vec<String>) -> Router {
    app_setup(db, Setup { messages_problems: problems, ..Default::default() })
}

/// How a test's server is configured (what main.rs reads from the environment).
#[derive(Default)]
struct Setup {
    limits: app::rate_limit::Limits,
    issuer: app::badges::issuer::SharedIssuer,
    page_cache: Option<std::time::Duration>,
    messages_problems: Vec<String>,
    /// `ITINERAIRE_PUBLIC_URL` (links and the CSRF check use it; https adds HSTS).
    public_origin: Option<String>,
    body_timeout: Option<std::time::Duration>,
}

fn app_setup(db: &TestDb, s: Setup) -> Router {
    let leptos_options = LeptosOptions::builder().output_name("itineraire").site_root("target/site").build();
    let public_url = s.public_origin.clone().unwrap_or_else(|| "http://127.0.0.1:3000".into());
    server::router(
        server::AppState {
            leptos_options,
            db: db.db.clone(),
            cookies: Default::default(),
            search: Default::default(),
            limits: std::sync::Arc::new(s.limits),
            retention: Default::default(),
            issuer: s.issuer,
            fraicheur: Default::default(),
            invitation_jours: Default::default(),
            messages_problems: std::sync::Arc::new(s.messages_problems),
            public_url,
        },
        server::RouterConfig {
            public_origin: s.public_origin,
            max_body_bytes: 64 * 1024,
            body_timeout: s.body_timeout.unwrap_or(server::serve::BODY_TIMEOUT),
            page_cache: s.page_cache,
        },
    )
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
    let what = format!("{} {}", req.method(), req.uri());
    let res = match tokio::time::timeout(std::time::Duration::from_secs(20), app.clone().oneshot(req)).await {
        Ok(r) => r.unwrap(),
        Err(_) => panic!("no answer in 20 s to {what}"),
    };
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
        // As a browser sends it (the size limit answers from it before reading the body).
        .header(header::CONTENT_LENGTH, body.len())
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
            "Logement",
            "Emploi",
            "Formation",
            "Difficultés administratives",
            "Difficultés financières",
            "Mobilité",
            "Santé",
            "Contraintes familiales",
            "Maîtrise de la langue française",
            "Numérique",
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
    let db = TestDb::chosen().await;
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
    let db = TestDb::chosen().await;
    let r = send(&app_for(&db), get("/nulle-part")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Cette page n’existe pas"));
    assert!(r.body.contains("href=\"/\""));
    // A person stuck here has someone to call.
    assert!(r.body.contains("Parlez à quelqu’un") && r.body.contains("href=\"tel:0599003100\""), "{}", r.body);
    db.drop().await;
}

#[tokio::test]
async fn footer_pages_exist() {
    let db = TestDb::chosen().await;
    let app = app_for(&db);
    for (path, title) in
        [("/accessibilite", "<h1>Accessibilité</h1>"), ("/mentions-legales", "<h1>Mentions légales</h1>")]
    {
        let r = send(&app, get(path)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(r.body.contains(title), "{path}");
    }
    db.drop().await;
}

#[tokio::test]
async fn server_functions_refuse_cross_site_posts() {
    let db = TestDb::chosen().await;
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

/// A post refused before its body has all arrived (here: from another site) is answered, and
/// the connection still carries the client's next request: browsers and HTTP libraries reuse
/// connections, and one cut under them is an error the person sees.
#[tokio::test]
async fn a_refused_post_leaves_its_connection_usable() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let db = TestDb::chosen().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = app_for(&db);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let body = "prenom=L%C3%A9a&nom=Martin&".repeat(80);
    let head = format!(
        "POST /pro/nouveau-carnet HTTP/1.1\r\nHost: {addr}\r\nOrigin: https://ailleurs.example\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(&body.as_bytes()[..100]).await.unwrap();
    // The rest of the body comes later, as on a slow network.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    // A connection cut under the client fails these writes: the statuses below say so.
    let _ = tcp.write_all(&body.as_bytes()[100..]).await;
    let _ = tcp.write_all(format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await;
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    let read_both = async {
        while seen.matches("HTTP/1.1 ").count() < 2 {
            match tcp.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), read_both).await;
    let statuses: Vec<&str> = seen.match_indices("HTTP/1.1 ").filter_map(|(i, _)| seen.get(i + 9..i + 12)).collect();
    assert_eq!(statuses, ["403", "200"], "{seen}");
    db.drop().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let db = TestDb::chosen().await;
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
    let db = TestDb::chosen().await;
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
    let db = TestDb::chosen().await;
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
    let db = TestDb::chosen().await;
    let app = app_for(&db);
    let r = send(&app, get("/bienvenue?territoire=comminges")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h1>Bienvenue</h1>"));
    assert!(r.body.contains("Territoire : Comminges"));
    assert!(r.body.contains("Dans les 3 semaines qui suivent votre demande"));
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
    let db = TestDb::chosen().await;
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
    let db = TestDb::chosen().await;
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
    // Ten at first, then "voir plus" lands on the eleventh.
    assert_eq!(r.body.matches("class=\"offre-card\"").count(), 10);
    assert!(r.body.contains("Voir plus d’offres (10 sur 32)"), "{}", r.body);
    assert!(r.body.contains("href=\"/catalogue?page=2#r11\""));
    let r = send(&app, get("/catalogue?page=2")).await;
    assert_eq!(r.body.matches("class=\"offre-card\"").count(), 20);
    assert!(r.body.contains("id=\"r11\""));

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
        (
            "pres=Paris",
            "Nous ne trouvons pas « Paris » en Haute-Garonne. Écrivez le nom de votre commune ou son code postal",
        ),
        ("pres=75001", "Nous ne trouvons pas « 75001 » en Haute-Garonne."),
        ("pres=%3Cb%3Ex%3C%2Fb%3E", "Nous ne trouvons pas « &lt;b&gt;x&lt;/b&gt; »"),
        ("position=nord", "Votre position n’est pas comprise. Écrivez plutôt votre commune."),
        ("position=91,2", "Votre position n’est pas comprise."),
        ("position=NaN,NaN", "Votre position n’est pas comprise."),
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
    assert!(r.body.contains("<h1 lang=\"fr\">Location de scooters et de voitures à petit prix</h1>"));
    assert!(r.body.contains("href=\"tel:0599003130\""));
    // The demo is dated from the day it is loaded (no date bomb): its offers are 36 days old.
    let maj =
        app::dates::today(chrono::Utc::now()) - chrono::Duration::days(app::catalogue::datainclusion::SAMPLE_AGE_DAYS);
    assert!(r.body.contains(&format!("Mis à jour le {}", maj.format("%d/%m/%Y"))), "{}", maj);
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
    assert!(
        r.body.contains("href=\"/catalogue?theme=mobilite\">Mobilité<span class=\"count\"> (5)</span>"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Numérique<span class=\"count\"> (2)</span>"));
    db.drop().await;
}

const ORIGIN: Option<&str> = Some("http://127.0.0.1:3000");

/// The sample catalogue and one account of the Mobil'Comminges association.
async fn seeded_with_account() -> TestDb {
    let db = seeded().await;
    let s = app::organisation::service::find(&db.db, "itineraire-exemple:mobil-comminges").await.unwrap().unwrap();
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

/// The id of the first session listed on `/ateliers`.
async fn first_seance(app: &Router) -> String {
    let ateliers = send(app, get("/ateliers")).await.body;
    ateliers.split("/ateliers/").nth(1).map(|s| s[..36].to_owned()).expect("a session on /ateliers")
}

/// A form post from a browser without WASM: the answer is the page again, as HTML.
fn as_page(mut req: Request<Body>) -> Request<Body> {
    req.headers_mut().insert(header::ACCEPT, "text/html".parse().unwrap());
    req
}

fn with_cookie(mut req: Request<Body>, cookie: &str) -> Request<Body> {
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    req
}

/// Signs in through the form; returns the `name=value` of the session cookie.
async fn sign_in(app: &Router) -> String {
    let r = send(
        app,
        post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro"),
    )
    .await;
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
    let r =
        send(&app, post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=devine&suite=%2Fpro"))
            .await;
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
    let r = send(
        &app,
        post(
            "/pro/connexion",
            Some("https://evil.example"),
            "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long",
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Open redirects are not followed.
    let r = send(
        &app,
        post(
            "/pro/connexion",
            ORIGIN,
            "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=https%3A%2F%2Fevil.example",
        ),
    )
    .await;
    assert_eq!(r.headers[header::LOCATION], "/pro");

    let cookie = sign_in(&app).await;
    let r = send(&app, with_cookie(get("/pro"), &cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("Camille Martin") && r.body.contains("Les offres de Association Mobil’Comminges (exemple)")
    );
    assert!(r.body.contains("Permis de conduire solidaire"), "the structure's offers are listed");
    assert!(!r.body.contains("Épicerie solidaire"), "other structures' offers are not");

    let r = send(&app, with_cookie(post("/pro/deconnexion", ORIGIN, ""), &cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.headers[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    let r = send(&app, with_cookie(get("/pro"), &cookie)).await;
    assert!(r.status.is_redirection(), "the old cookie no longer opens the space");
    db.drop().await;
}

/// Every professionals' page, asked without a session or with a closed one, redirects to the
/// sign-in page — each time, also while other requests are rendered at the same moment on other
/// threads (a page that only said « Connexion nécessaire » once left a browser there); and a
/// signed-in request at the same moment gets its own page, never another request's answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_professionals_page_redirects_to_sign_in_without_a_session_even_under_concurrency() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    let closed = sign_in(&app).await;
    assert_eq!(
        send(&app, with_cookie(post("/pro/deconnexion", ORIGIN, ""), &closed)).await.status,
        StatusCode::SEE_OTHER
    );
    let live = sign_in(&app).await;
    let pages = [
        "/pro",
        "/pro/carnets",
        "/pro/ateliers",
        "/pro/equipe",
        "/pro/mon-compte",
        "/pro/orientations",
        "/pro/invitations",
        "/pro/messages",
        "/pro/nouvelle-offre",
        "/pro/synonymes",
    ];
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..8usize {
        let (app, closed, live) = (app.clone(), closed.clone(), live.clone());
        tasks.spawn(async move {
            for round in 0..6usize {
                for (i, page) in pages.iter().enumerate() {
                    let who = (worker + round + i) % 3;
                    let req = match who {
                        0 => get(page),
                        1 => with_cookie(get(page), &closed),
                        _ => with_cookie(get(page), &live),
                    };
                    let r = send(&app, req).await;
                    if who == 2 && ["/pro/equipe", "/pro/messages", "/pro/synonymes"].contains(page) {
                        // Camille is a référent, not an administrator: refused, never sent to sign in.
                        assert_eq!(r.status, StatusCode::FORBIDDEN, "{page}, signed in");
                    } else if who == 2 {
                        assert!(
                            r.status == StatusCode::OK
                                && r.body.contains("Camille Martin")
                                && !r.body.contains("Connexion nécessaire"),
                            "{page}, signed in: {} {:?}",
                            r.status,
                            r.headers.get(header::LOCATION)
                        );
                    } else {
                        assert!(
                            r.status.is_redirection()
                                && r.headers[header::LOCATION] == format!("/pro/connexion?suite={page}").as_str(),
                            "{page}, {}: {} {:?}",
                            if who == 0 { "no session" } else { "closed session" },
                            r.status,
                            r.headers.get(header::LOCATION)
                        );
                    }
                }
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
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
    let r = send(
        &app,
        with_cookie(post(&format!("/pro/offres/{id}"), ORIGIN, &edit.replace("solidaire", "du+samedi")), &cookie),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("Quelqu’un a modifié cette offre"));
    assert!(r.body.contains("Valeur enregistrée : « Atelier vélo solidaire »"));
    assert!(
        start_tags(&r.body, "name=\"nom\"")[0].contains("value=\"Atelier vélo du samedi\""),
        "what was typed is kept"
    );

    // A hand-made post whose button is not one of the form's: the form again with a 400 and a
    // French message, before anything is read or written (the offer keeps its name).
    let forged = format!("{}&version=2&action=supprimer", NEW_OFFER.replace("partag%C3%A9", "pirate"));
    let r = send(&app, with_cookie(post(&format!("/pro/offres/{id}"), ORIGIN, &forged), &cookie)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Le formulaire est incomplet. Rechargez la page et recommencez."), "{}", r.body);
    let r = send(&app, get(&format!("/offres/{id}"))).await;
    assert!(r.body.contains("Atelier vélo solidaire") && !r.body.contains("pirate"));

    // Another structure's offer: 403, nothing changed.
    let r = send(&app, get("/catalogue?q=epicerie")).await;
    let other = r.body.split("href=\"/offres/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let r = send(&app, with_cookie(get(&format!("/pro/offres/{other}")), &cookie)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r =
        send(&app, with_cookie(post(&format!("/pro/offres/{other}"), ORIGIN, "action=archiver&version=1"), &cookie))
            .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&app, get(&format!("/offres/{other}"))).await.status, StatusCode::OK);
    db.drop().await;
}

/// The session of a demo workshop with this capacity.
/// An upcoming demo session of a workshop (the demo also has a past one, already attended).
async fn demo_session(db: &TestDb, titre: &str, capacite: i32) -> String {
    use app::socle::agenda;
    let now = chrono::Utc::now();
    for s in agenda::upcoming(&db.db, now, None, None).await.unwrap().seances.into_iter().filter(|s| s.titre == titre) {
        if agenda::seance_detail(&db.db, &s.id, now).await.unwrap().is_some_and(|d| d.capacite == capacite) {
            return s.id;
        }
    }
    panic!("no upcoming demo session of « {titre} » with {capacite} seats")
}

/// The private link of a registration, as the person receives it (the last confirmation to `to`).
async fn registration_link(db: &TestDb, to: &str) -> String {
    let mut sent: Vec<_> = app::outbox::entity::Entity::find()
        .all(&db.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "inscription" && m.destinataire == to)
        .collect();
    sent.sort_by(|a, b| a.id.cmp(&b.id));
    sent.pop().and_then(|m| m.lien).expect("a confirmation with its link")
}

fn from_ip(mut req: Request<Body>, ip: [u8; 4]) -> Request<Body> {
    req.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((ip, 40000))));
    req
}

const LEA: &str = "prenom=L%C3%A9a&nom=Martin&telephone=06+12+34+56+78&consentement=oui";

#[tokio::test]
async fn a_person_finds_a_workshop_registers_without_an_account_and_cancels() {
    let db = seeded().await;
    let app = app_for(&db);
    let r = send(&app, get("/ateliers")).await;
    assert_eq!(r.status, StatusCode::OK);
    for titre in ["Faire son CV", "Découvrir les métiers qui recrutent", "Mes droits et démarches en ligne"] {
        assert!(r.body.contains(titre), "{titre}");
    }
    assert!(r.body.contains("12 places restantes"));
    // Soonest first: the video session of tomorrow comes before the CV workshop of the day after.
    assert!(r.body.find("Découvrir les métiers").unwrap() < r.body.find("Faire son CV").unwrap());
    let r = send(&app, get("/ateliers?theme=mobilite")).await;
    assert!(r.body.contains("Mobilité : passer le permis") && !r.body.contains("Faire son CV"));
    let r = send(&app, get("/ateliers?commune=a-distance")).await;
    assert!(r.body.contains("1 séance à venir") && r.body.contains("En ligne (visio)"), "{}", r.body);
    assert_eq!(send(&app, get("/ateliers?theme=%3Cscript%3E")).await.status, StatusCode::BAD_REQUEST);

    let id = demo_session(&db, "Faire son CV", 12).await;
    let page = format!("/ateliers/{id}");
    let r = send(&app, get(&page)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(start_tags(&r.body, &format!("action=\"{page}\"")).len(), 1);
    assert!(start_tags(&r.body, "name=\"prenom\"")[0].contains("autocomplete=\"given-name\""));
    assert!(r.body.contains("effacés 90 jours après l’atelier"));

    // Mistakes: a message per field, what was typed is kept, nothing is registered.
    let r = send(&app, post(&page, ORIGIN, "prenom=L%C3%A9a&nom=&telephone=05+61+00+00+00")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for m in ["Indiquez votre nom.", "Ce numéro de portable n’est pas valide", "Cochez la case"] {
        assert!(r.body.contains(m), "{m}");
    }
    assert!(start_tags(&r.body, "name=\"prenom\"")[0].contains("value=\"Léa\""));
    assert!(start_tags(&r.body, "name=\"nom\"")[0].contains("aria-invalid=\"true\""));

    let r = send(&app, post(&page, ORIGIN, LEA)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The answer says a message is on its way (the same answer for a number already registered).
    assert_eq!(r.headers[header::LOCATION], format!("{page}?inscription=envoyee").as_str());
    let link = registration_link(&db, "06 12 34 56 78").await;
    let r = send(&app, get(&link)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Votre place est réservée"));
    assert!(r.body.contains("noindex"));
    let r = send(&app, get(&format!("{link}/agenda.ics"))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/calendar"));
    assert!(r.body.contains("SUMMARY:Faire son CV"), "{}", r.body);
    assert!(send(&app, get(&page)).await.body.contains("11 places restantes"));

    // The same number again: the same answer, no second seat (the confirmation goes again).
    let r = send(&app, post(&page, ORIGIN, LEA)).await;
    assert_eq!(
        (r.status, r.headers[header::LOCATION].to_str().unwrap()),
        (StatusCode::SEE_OTHER, format!("{page}?inscription=envoyee").as_str())
    );
    assert!(send(&app, get(&page)).await.body.contains("11 places restantes"));

    // Cancelling from another site is refused; from the private page it works.
    assert_eq!(send(&app, post(&link, Some("https://evil.example"), "")).await.status, StatusCode::FORBIDDEN);
    let r = send(&app, post(&link, ORIGIN, "")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(&app, get(&format!("{link}?annulee=1"))).await;
    assert!(r.body.contains("Votre inscription est annulée"));
    assert!(send(&app, get(&page)).await.body.contains("12 places restantes"));
    assert_eq!(send(&app, get("/inscription/inconnu")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_full_session_offers_the_waiting_list() {
    let db = seeded().await;
    let app = app_for(&db);
    let id = demo_session(&db, "Mobilité : passer le permis", 1).await;
    let page = format!("/ateliers/{id}");
    assert_eq!(send(&app, post(&page, ORIGIN, LEA)).await.status, StatusCode::SEE_OTHER);
    let r = send(&app, get(&page)).await;
    assert!(r.body.contains("Cette séance est complète") && r.body.contains("M’inscrire sur la liste d’attente"));
    assert_eq!(start_tags(&r.body, "name=\"attente\"").len(), 1);
    let sam = "prenom=Sam&nom=Durand&courriel=sam%40example.org&consentement=oui";
    let r = send(&app, post(&page, ORIGIN, sam)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("Cette séance est complète"));
    let r = send(&app, post(&page, ORIGIN, &format!("{sam}&attente=oui"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(&app, get(&registration_link(&db, "sam@example.org").await)).await;
    assert!(
        r.body.contains("Vous êtes sur la liste d’attente") && r.body.contains("Vous êtes le prochain"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn registrations_are_rate_limited_per_address_and_per_session() {
    let db = seeded().await;
    let id = demo_session(&db, "Faire son CV", 12).await;
    let page = format!("/ateliers/{id}");
    let app = app_with_limits(&db, app::rate_limit::Limits::new(3, 100));
    for _ in 0..3 {
        let r = send(&app, from_ip(post(&page, ORIGIN, "prenom=x"), [10, 0, 0, 1])).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = send(&app, from_ip(post(&page, ORIGIN, LEA), [10, 0, 0, 1])).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Trop d’inscriptions ont été envoyées depuis cette connexion"));
    // Someone else is not affected.
    let r = send(&app, from_ip(post(&page, ORIGIN, LEA), [10, 0, 0, 2])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // The counts live in the database: another session starts from zero.
    let id = demo_session(&db, "Mobilité : passer le permis", 10).await;
    let page = format!("/ateliers/{id}");
    let app = app_with_limits(&db, app::rate_limit::Limits::new(100, 2));
    for i in 0..2 {
        let r = send(&app, from_ip(post(&page, ORIGIN, "prenom=x"), [10, 0, 1, i])).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = send(&app, from_ip(post(&page, ORIGIN, "prenom=x"), [10, 0, 1, 9])).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Beaucoup de personnes s’inscrivent"));
}

#[tokio::test]
async fn organisers_see_their_registrants_and_nobody_else_does() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    let id = demo_session(&db, "Mobilité : passer le permis", 10).await;
    assert_eq!(send(&app, post(&format!("/ateliers/{id}"), ORIGIN, LEA)).await.status, StatusCode::SEE_OTHER);
    let list = format!("/pro/seances/{id}/inscrits");
    let r = send(&app, get(&list)).await;
    assert!(r.status.is_redirection(), "{}", r.status);
    assert!(!r.body.contains("Martin"));
    let cookie = sign_in(&app).await;
    let r = send(&app, with_cookie(get(&list), &cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Léa Martin") && r.body.contains("06 12 34 56 78"));
    assert!(r.body.contains("L’appel s’ouvre au début de la séance."));
    let r = send(&app, with_cookie(post(&list, ORIGIN, "presence-x=present"), &cookie)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Another structure's session: refused, no names.
    let other = demo_session(&db, "Faire son CV", 12).await;
    assert_eq!(send(&app, post(&format!("/ateliers/{other}"), ORIGIN, LEA)).await.status, StatusCode::SEE_OTHER);
    let r = send(&app, with_cookie(get(&format!("/pro/seances/{other}/inscrits")), &cookie)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.body.contains("Martin"));
    let r = send(&app, with_cookie(post(&format!("/pro/seances/{other}/inscrits"), ORIGIN, ""), &cookie)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(
        &app,
        with_cookie(post(&format!("/pro/seances/{other}"), ORIGIN, "version=1&action=annuler&motif=x"), &cookie),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A new workshop and its first session, with a message per missing field first.
    let r = send(&app, with_cookie(post("/pro/nouvel-atelier", ORIGIN, "titre=CV"), &cookie)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for m in ["au moins 3 caractères", "Décrivez l’atelier", "Choisissez au moins un thème", "au moins une compétence"]
    {
        assert!(r.body.contains(m), "{m}");
    }
    let body = "titre=R%C3%A9parer+son+v%C3%A9lo&description=On+apprend+%C3%A0+r%C3%A9parer+son+v%C3%A9lo+soi-m%C3%AAme.&themes=mobilite&competences=Changer+une+chambre+%C3%A0+air";
    let r = send(&app, with_cookie(post("/pro/nouvel-atelier", ORIGIN, body), &cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let atelier = r.headers[header::LOCATION].to_str().unwrap().trim_end_matches("?ok=cree").to_owned();
    let day = app::dates::local_fields(chrono::Utc::now() + chrono::Duration::days(3)).0;
    let seance = format!("date={day}&heure_debut=14%3A00&heure_fin=16%3A00&code_insee=31390&capacite=6");
    let r = send(&app, with_cookie(post(&format!("{atelier}/nouvelle-seance"), ORIGIN, &seance), &cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = send(&app, get("/ateliers?commune=31390")).await;
    assert!(r.body.contains("Réparer son vélo") && r.body.contains("6 places restantes"), "{}", r.body);
}

#[tokio::test]
async fn an_employer_checks_a_badge_from_its_link_without_an_account() {
    use app::badges::{issue, issuer::Issuer};
    let db = seeded_with_account().await;
    let issuer =
        std::sync::Arc::new(Issuer::new(ed25519_dalek::SigningKey::from_bytes(&[5u8; 32]), "http://127.0.0.1:3000"));
    let app = app_with(&db, Default::default(), Some(issuer.clone()));
    assert_eq!(send(&app_for(&db), get("/.well-known/did.json")).await.status, StatusCode::NOT_FOUND);
    let r = send(&app, get("/.well-known/did.json")).await;
    assert_eq!(r.status, StatusCode::OK);
    let did: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(did["id"], "did:web:127.0.0.1%3A3000");
    assert!(did["verificationMethod"][0]["publicKeyMultibase"].as_str().unwrap().starts_with("z6Mk"));

    // Léa registers for a demo session; during it, the organiser marks her present.
    let now = chrono::Utc::now();
    let token =
        app::auth::session::sign_in(&db.db, "camille@mobil.example", "un mot de passe long", now).await.unwrap();
    let staff = app::auth::session::staff_for_token(&db.db, &token, now).await.unwrap().unwrap();
    let id = demo_session(&db, "Mobilité : passer le permis", 10).await;
    assert_eq!(send(&app, post(&format!("/ateliers/{id}"), ORIGIN, LEA)).await.status, StatusCode::SEE_OTHER);
    let later = chrono::Utc::now() + chrono::Duration::days(6);
    let list = app::socle::appel::inscrits(&db.db, &staff, &id, later).await.unwrap();
    let marks = vec![(list.personnes[0].id.clone(), "present".to_string())];
    app::socle::appel::roll_call(&db.db, &staff, &id, &marks, later).await.unwrap();
    // Léa's, and the demo attendee's of a past session.
    assert_eq!(issue::issue_pending(&db.db, &issuer, chrono::Utc::now()).await.unwrap(), 2);
    let badge = app::badges::service::badge_of(&db.db, &list.personnes[0].id).await.unwrap().expect("her badge");
    let credential = app::badges::service::credential_json(&db.db, &badge).await.unwrap().expect("its credential");
    assert!(credential.contains("Léa Martin"));

    let r = send(&app, get(&format!("/badges/{badge}"))).await;
    assert_eq!(r.status, StatusCode::OK);
    for text in [
        "Mobilité : passer le permis",
        "Léa Martin",
        "Badge authentique",
        "Signature valide",
        "Émetteur identifié",
        "Non révoqué",
    ] {
        assert!(r.body.contains(text), "{text}");
    }
    let r = send(&app, get(&format!("/badges/{badge}/badge.json"))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("\"eddsa-rdfc-2022\""));
    let r = send(&app, get(&format!("/badges/{badge}/qr.svg"))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(r.body.contains("<svg") && !r.body.contains("<script"));
    assert_eq!(send(&app, get("/badges/pas-un-badge")).await.status, StatusCode::NOT_FOUND);

    // The signed revocation list; revoking needs an administrator of the issuing structure.
    let r = send(&app, get("/badges/statut")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("BitstringStatusListCredential"));
    let page = format!("/badges/{badge}");
    let cookie = sign_in(&app).await;
    assert!(!send(&app, with_cookie(get(&page), &cookie)).await.body.contains("Révoquer le badge"));
    let r = send(&app, with_cookie(post(&page, ORIGIN, "motif=erreur"), &cookie)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Seuls les administrateurs"));
    let r = send(&app, post(&page, ORIGIN, "motif=erreur")).await;
    assert!(r.status.is_redirection());
    assert!(send(&app, get(&page)).await.body.contains("Badge authentique"));

    // Anyone can paste a badge at /verifier: ours verifies, one changed character does not.
    let form = |text: &str| format!("badge={}", form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>());
    let r = send(&app, post("/verifier", ORIGIN, &form(&credential))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Badge authentique") && r.body.contains("Léa Martin"), "{}", r.body);
    let r = send(&app, post("/verifier", ORIGIN, &form(&credential.replace("Léa", "Lea")))).await;
    assert!(r.body.contains("Badge invalide"), "{}", r.body);
    // What was pasted comes back in the field as text, never as markup.
    let r = send(&app, post("/verifier", ORIGIN, &form("</textarea><b id=\"injecte\">x</b>"))).await;
    assert!(!r.body.contains("<b id=\"injecte\">") && r.body.contains("&lt;/textarea&gt;&lt;b id="), "{}", r.body);
    let r = send(&app, post("/verifier", ORIGIN, &form("bonjour"))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Ce texte n’est pas un badge lisible"));

    // Or upload the badge's file (multipart, as a browser sends it without JavaScript).
    let upload = |file: &str, pasted: &str| {
        let b = "----itineraire-test";
        let body = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"badge.json\"\r\nContent-Type: application/json\r\n\r\n{file}\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"badge\"\r\n\r\n{pasted}\r\n--{b}--\r\n"
        );
        let mut req = post("/verifier", ORIGIN, &body);
        req.headers_mut().insert(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}").parse().unwrap());
        req
    };
    let r = send(&app, upload(&credential, "")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Badge authentique") && r.body.contains("Léa Martin"), "{}", r.body);
    let r = send(&app, upload(&credential.replace("Léa", "Lia"), "")).await;
    assert!(r.body.contains("Badge invalide"), "{}", r.body);
    // Over the server's size limit (64 Ko here): a page says so, nothing else is read.
    let r = send(&app, upload(&"x".repeat(300_000), "")).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("Envoi trop volumineux") && r.body.contains("dépasse 64 Ko"), "{}", r.body);
    let r = send(&app, upload("", &credential)).await;
    assert!(r.body.contains("Badge authentique"), "an empty file input leaves the pasted text: {}", r.body);

    // Léa's private link to "Mes badges" (sent by the outbox) shows the badge, its picture and
    // how to share it; a wrong link says so kindly.
    let messages = app::outbox::entity::Entity::find().all(&db.db).await.unwrap();
    let message =
        messages.into_iter().find(|m| m.kind == "porte_badges" && m.destinataire == "06 12 34 56 78").unwrap();
    let link = message.lien.unwrap();
    let r = send(&app, get(&link)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Mes badges") && r.body.contains("Mobilité : passer le permis"), "{}", r.body);
    assert!(r.body.contains(&format!("http://127.0.0.1:3000/badges/{badge}")) && r.body.contains("noindex"));
    let r = send(&app, get(&format!("/badges/{badge}/image.svg"))).await;
    assert_eq!(
        (r.status, &r.headers[header::CONTENT_TYPE]),
        (StatusCode::OK, &"image/svg+xml".parse::<header::HeaderValue>().unwrap())
    );
    assert!(r.body.starts_with("<svg") && !r.body.contains("<script"));
    let r = send(&app, get("/mes-badges/lien-faux")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Ce lien ne fonctionne pas") && r.body.contains("Recevoir un nouveau lien"));
    // A lost link is sent again; the answer does not say whether the contact is known.
    let r = send(&app, post("/mes-badges", ORIGIN, "contact=06+12+34+56+78")).await;
    assert_eq!(
        (r.status, r.headers.get(header::LOCATION).map(|l| l.to_str().unwrap())),
        (StatusCode::SEE_OTHER, Some("/mes-badges?envoye=1"))
    );
    let r = send(&app, post("/mes-badges", ORIGIN, "contact=bonjour")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Indiquez le numéro de portable"));
    assert_eq!(
        send(&app, post("/mes-badges", Some("https://ailleurs.example"), "contact=06+12+34+56+78")).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_referent_opens_a_carnet_through_the_forms_and_strangers_get_nothing() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    // Not signed in: sent to the sign-in page; nothing is written.
    let r = send(&app, get("/pro/carnets")).await;
    assert!(r.body.contains("Connexion nécessaire") || r.status.is_redirection(), "{}", r.status);
    let r =
        send(&app, post("/pro/nouveau-carnet", ORIGIN, "prenom=In%C3%A8s&nom=Durand&date_naissance=1988-05-17")).await;
    assert!(
        r.status.is_redirection() && r.headers[header::LOCATION].to_str().unwrap().starts_with("/pro/connexion"),
        "{}",
        r.status
    );
    let cookie = sign_in(&app).await;
    // Cross-site: refused before anything else.
    let r = send(&app, with_cookie(post("/pro/nouveau-carnet", Some("https://ailleurs.example"), "prenom=X"), &cookie))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Bad input: 422 with French messages, typed values kept.
    let r = send(
        &app,
        with_cookie(
            post("/pro/nouveau-carnet", ORIGIN, "prenom=In%C3%A8s&nom=Durand&date_naissance=17%2F05%2F1988"),
            &cookie,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("sous la forme 31/12/1980") && r.body.contains("value=\"Durand\""), "{}", r.body);
    let r = send(
        &app,
        with_cookie(
            post("/pro/nouveau-carnet", ORIGIN, "prenom=In%C3%A8s&nom=Durand&date_naissance=1988-05-17"),
            &cookie,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    let r = send(&app, with_cookie(get(&page), &cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Carnet de Inès Durand") && r.body.contains("Qui a consulté ce carnet"));
    // A theme not in the référentiel (no such page: 404), a situation of another theme (422).
    let r = send(&app, with_cookie(post(&format!("{page}/diagnostic/astrologie"), ORIGIN, "version=0"), &cookie)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = send(
        &app,
        with_cookie(post(&format!("{page}/diagnostic/logement"), ORIGIN, "version=0&situations=999999"), &cookie),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Une des situations choisies n’existe pas"));
    let r =
        send(&app, with_cookie(post(&format!("{page}/diagnostic/logement"), ORIGIN, "situations=1"), &cookie)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a form without its version");
    // Someone else's carnet, an unknown one: 403 / 404 pages, in French.
    let stranger =
        app::organisation::service::find(&db.db, "itineraire-exemple:ccas-montrejeau").await.unwrap().unwrap();
    let input = app::auth::session::AccountInput {
        email: "sam@ccas.example".into(),
        nom: "Sam".into(),
        role: app::auth::model::Role::ChargeOrientation,
        structure_id: Some(stranger.id),
        password: "un autre mot de passe".into(),
    };
    app::auth::session::put_account(&db.db, input).await.unwrap();
    let r = send(
        &app,
        post("/pro/connexion", ORIGIN, "email=sam%40ccas.example&mot_de_passe=un+autre+mot+de+passe&suite=%2Fpro"),
    )
    .await;
    let sam = r.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let r = send(&app, with_cookie(get(&page), &sam)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Accès refusé") && !r.body.contains("Durand"), "{}", r.body);
    let r = send(
        &app,
        with_cookie(post(&format!("{page}/diagnostic/logement"), ORIGIN, "version=0&commentaire=intrusion"), &sam),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(
        &app,
        with_cookie(
            post(&format!("{page}/identite"), ORIGIN, "version=1&prenom=X&nom=Y&date_naissance=1990-01-01"),
            &sam,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(&app, with_cookie(get(&format!("/pro/carnets/{}", uuid::Uuid::new_v4())), &cookie)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The carnet is unchanged by the refused posts.
    let r = send(&app, with_cookie(get(&page), &cookie)).await;
    assert!(!r.body.contains("intrusion") && r.body.contains("Carnet de Inès Durand"));
}

#[tokio::test]
async fn the_person_opens_their_carnet_with_a_code_and_takes_their_data() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    let cookie = sign_in(&app).await;
    let r = send(
        &app,
        with_cookie(
            post(
                "/pro/nouveau-carnet",
                ORIGIN,
                "prenom=In%C3%A8s&nom=Durand&date_naissance=1988-05-17&telephone=06+11+22+33+44",
            ),
            &cookie,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Not signed in: the code form; the data and the edits send back to it.
    let r = send(&app, get("/mon-carnet")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Recevoir mon code") && r.body.contains("noindex"));
    assert_eq!(send(&app, get("/mon-carnet/donnees.json")).await.headers[header::LOCATION], "/mon-carnet");
    assert_eq!(
        send(&app, post("/mon-carnet/contact", ORIGIN, "version=1&telephone=0611223344")).await.headers
            [header::LOCATION],
        "/mon-carnet"
    );
    assert_eq!(
        send(&app, post("/mon-carnet", Some("https://ailleurs.example"), "contact=0611223344")).await.status,
        StatusCode::FORBIDDEN
    );
    // The code arrives by SMS.
    let r = send(&app, post("/mon-carnet", ORIGIN, "contact=06.11.22.33.44")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let next = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let demande = next.strip_prefix("/mon-carnet/code?d=").unwrap().to_owned();
    assert!(send(&app, get(&next)).await.body.contains("one-time-code"));
    let m = app::outbox::entity::Entity::find()
        .all(&db.db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.kind == "code_personne")
        .unwrap();
    let code: String = m.corps.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).unwrap().to_owned();
    let r = send(&app, post("/mon-carnet/code", ORIGIN, &format!("demande={demande}&code=12345x"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Ce code n’est pas le bon"));
    let r = send(&app, post("/mon-carnet/code", ORIGIN, &format!("demande={demande}&code={code}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let set = r.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(
        set.starts_with("itineraire_personne=") && set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    let person = set.split(';').next().unwrap().to_owned();
    // Their carnet: who follows them, who read it; their words saved.
    let r = send(&app, with_cookie(get("/mon-carnet"), &person)).await;
    assert!(
        r.body.contains("Le carnet de Inès Durand")
            && r.body.contains("Camille Martin")
            && r.body.contains("Qui a lu mon carnet"),
        "{}",
        r.body
    );
    let r = send(
        &app,
        with_cookie(
            post(
                "/mon-carnet/theme/logement",
                ORIGIN,
                "version=0&commentaire_personne=%3C%2Ftextarea%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            ),
            &person,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(&app, with_cookie(get("/mon-carnet"), &person)).await;
    let at = r.body.find("alert(1)").map(|i| &r.body[i.saturating_sub(40)..i + 40]).unwrap_or("absent");
    assert!(
        r.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !r.body.contains("<script>alert(1)"),
        "text, never HTML: {at}"
    );
    let r = send(&app, with_cookie(get("/mon-carnet/donnees.json"), &person)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    let data: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(data["identite"]["prenom"], "Inès");
    assert!(send(&app, with_cookie(get("/mon-carnet/imprimer"), &person))
        .await
        .body
        .contains("Le carnet de Inès Durand"));
    // The person's cookie opens nothing of the professionals'.
    assert!(send(&app, with_cookie(get("/pro/carnets"), &person)).await.body.contains("Connexion nécessaire"));
    let r = send(&app, with_cookie(post("/mon-carnet/deconnexion", ORIGIN, ""), &person)).await;
    assert!(r.headers[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert!(send(&app, with_cookie(get("/mon-carnet"), &person)).await.body.contains("Recevoir mon code"));
}
