//! Itinéraire's HTTP server: the Leptos app, static files and the security baseline around them.
pub mod background;
pub mod cli;
pub mod config;
pub mod csrf;
pub mod envoi;
pub mod headers;
pub mod page_cache;
pub mod serve;

use app::{shell, App};
use axum::{
    extract::{FromRef, State},
    http::{header, HeaderName, HeaderValue, StatusCode},
    middleware,
    response::IntoResponse,
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use std::{sync::Arc, time::Duration};
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    services::ServeDir,
    set_header::SetResponseHeaderLayer,
    trace::{DefaultOnResponse, TraceLayer},
};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub cookies: app::token::CookiePolicy,
    pub search: Arc<app::catalogue::index::SearchIndex>,
    pub limits: Arc<app::rate_limit::Limits>,
    /// Days registrants' data is kept after a session (the pages tell people).
    pub retention: app::socle::model::Retention,
    /// Itinéraire as a badge issuer (`None` when no key file is configured).
    pub issuer: app::badges::issuer::SharedIssuer,
    /// When offers are flagged as to update, then hidden from the public.
    pub fraicheur: app::catalogue::fraicheur::Fraicheur,
    pub invitation_jours: app::itineraire::invitation::InvitationJours,
    /// What does not leave the server (no relay, no SMS key): said on /healthz/details.
    pub messages_problems: Arc<Vec<String>>,
    /// The public origin links are built from (`ITINERAIRE_PUBLIC_URL`, else the listening
    /// address): never the request's `Host` header, which anyone can write.
    pub public_url: String,
}

impl AppState {
    /// What every page and server function finds in its context.
    pub fn page_context(&self) -> impl Fn() + Clone + Send + Sync + 'static {
        let (db, search, retention, issuer) =
            (self.db.clone(), self.search.clone(), self.retention, self.issuer.clone());
        let (fraicheur, invitation_jours) = (self.fraicheur, self.invitation_jours);
        let help = app::itineraire::default_contact();
        move || {
            if let Some(h) = &help {
                provide_context(h.clone());
            }
            provide_context(fraicheur);
            provide_context(invitation_jours);
            provide_context(db.clone());
            provide_context(search.clone());
            provide_context(retention);
            provide_context(app::socle::model::BadgesRemis(issuer.is_some()));
            provide_context(issuer.clone());
        }
    }
}

/// The page forms' handlers get the same context as the pages.
impl FromRef<AppState> for app::web::FormState {
    fn from_ref(s: &AppState) -> Self {
        app::web::FormState {
            options: s.leptos_options.clone(),
            db: s.db.clone(),
            context: Arc::new(s.page_context()),
            public_url: s.public_url.clone(),
        }
    }
}

pub struct RouterConfig {
    pub public_origin: Option<String>,
    pub max_body_bytes: usize,
    /// Longest wait for a request's whole body (then 408).
    pub body_timeout: Duration,
    /// How long public pages may be served from the page cache (`None`: no cache).
    pub page_cache: Option<Duration>,
}

/// Policy for responses that do not set their own (HTML pages set one with a nonce).
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub fn router(state: AppState, cfg: RouterConfig) -> Router {
    let options = state.leptos_options.clone();
    // Generated once per process: while Leptos generates the route list it suppresses the first
    // poll of every resource in the process, and a page rendered at that moment never finishes
    // (leptos-rs/leptos#4773). The server builds its router once; tests build many, side by side.
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    let routes = ROUTES.get_or_init(|| generate_route_list(App)).clone();
    let context = state.page_context();
    let https = cfg.public_origin.as_deref().is_some_and(|o| o.starts_with("https://"));
    let csrf = Arc::new(csrf::CsrfPolicy { public_origin: cfg.public_origin });

    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/healthz/details", get(healthz_details))
        .route("/readyz", get(readyz))
        .nest_service("/pkg", pkg_files(&options))
        // Form posts of the pages (same paths as the pages they come from).
        .merge(app::auth::routes::routes())
        .merge(app::equipe::routes::routes())
        .merge(app::langues::routes::routes())
        .merge(app::catalogue::edition::routes::routes())
        .merge(app::catalogue::synonymes_routes::routes())
        .merge(app::itineraire::invitation::routes::routes())
        .merge(app::orientation::routes::routes())
        .merge(app::socle::routes::routes())
        .merge(app::badges::routes::routes())
        .merge(app::carnet::routes::routes())
        .merge(app::carnet::personne_routes::routes())
        .merge(app::messages::routes::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .with_state(state)
        .layer(middleware::from_fn_with_state(csrf, csrf::guard))
        .layer(middleware::from_fn_with_state(cfg.body_timeout, read_body_first))
        .layer(RequestBodyLimitLayer::new(cfg.max_body_bytes))
        .layer(middleware::from_fn_with_state(cfg.max_body_bytes, too_large_page));
    // Inside the compression: it stores pages compressed already, which the layer passes on.
    let app = match cfg.page_cache {
        Some(ttl) => {
            app.layer(middleware::from_fn_with_state(Arc::new(page_cache::PageCache::new(ttl, 512)), page_cache::serve))
        }
        None => app,
    };
    let app = app.layer(middleware::from_fn(headers::private_no_store));
    // An https site: browsers never come back over plain http.
    let app = if https { app.layer(default_header(header::STRICT_TRANSPORT_SECURITY, headers::HSTS)) } else { app };
    app.layer(CompressionLayer::new())
        .layer(middleware::from_fn(content_security_policy))
        .layer(default_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(default_header(header::REFERRER_POLICY, "same-origin"))
        .layer(default_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(default_header(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), payment=(), geolocation=(self)",
        ))
        .layer(
            TraceLayer::new_for_http()
                // Path only: queries may hold what a person typed.
                .make_span_with(|req: &axum::http::Request<_>| {
                    tracing::info_span!("http", method = %req.method(), path = %redact_tokens(req.uri().path()))
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
}

/// Reads each request's body in full (within the body limit) before anything answers it. A
/// request answered before its body has arrived (a refusal, an early error) makes hyper close
/// the connection after the answer, and a client already sending its next request on that
/// connection sees it cut instead of answered (1 request in 168,000 in the malformed-input run).
/// A body that cannot be read (over the limit, cut) reaches the handler as it would have: what
/// came, then the error, so each page still says what went wrong in its own words.
async fn read_body_first(
    State(timeout): State<Duration>,
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use http_body_util::BodyExt;
    let (parts, mut body) = req.into_parts();
    let mut chunks: Vec<axum::body::Bytes> = Vec::new();
    let read = async {
        loop {
            match body.frame().await {
                None => break None,
                Some(Ok(frame)) => chunks.extend(frame.into_data().ok()),
                Some(Err(e)) => break Some(e),
            }
        }
    };
    // A body trickled in too slowly holds a connection and a task: 408, and the connection goes.
    let Ok(failure) = tokio::time::timeout(timeout, read).await else {
        let mut res =
            (StatusCode::REQUEST_TIMEOUT, "Le formulaire est arrivé trop lentement. Réessayez.").into_response();
        res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        return res;
    };
    // A form cut by the size limit would reach its page empty, as if nothing had been sent: it is
    // refused here (a file upload's page says it in its own words).
    let multipart = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/"));
    if failure.as_ref().is_some_and(is_length_limit) && !multipart {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let body = match failure {
        None => axum::body::Body::from(chunks.concat()),
        Some(e) => {
            let items: Vec<Result<axum::body::Bytes, axum::Error>> =
                chunks.into_iter().map(Ok).chain([Err(e)]).collect();
            axum::body::Body::from_stream(futures_util::stream::iter(items))
        }
    };
    next.run(axum::extract::Request::from_parts(parts, body)).await
}

/// The body went over the size limit (rather than being cut by the client).
fn is_length_limit(e: &axum::Error) -> bool {
    let mut cause: Option<&dyn std::error::Error> = Some(e);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() || c.to_string().contains("length limit exceeded") {
            return true;
        }
        cause = c.source();
    }
    false
}

/// A request over the size limit gets a page in French saying so (the limit layer's own answer
/// is a bare status): what to do, and a way back.
async fn too_large_page(
    State(max): State<usize>,
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if res.status() != StatusCode::PAYLOAD_TOO_LARGE || html {
        return res;
    }
    let limit = if max >= 1024 * 1024 { format!("{} Mo", max / (1024 * 1024)) } else { format!("{} Ko", max / 1024) };
    let page = format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Envoi trop volumineux</title></head><body><main><h1>Envoi trop volumineux</h1>\
         <p>Ce que vous avez envoyé dépasse {limit}. Rien n’a été enregistré.</p>\
         <p>Revenez à la page précédente, raccourcissez le texte ou choisissez un fichier plus petit.</p>\
         <p><a href=\"/\">Retour à l’accueil</a></p></main></body></html>"
    );
    let mut out = (StatusCode::PAYLOAD_TOO_LARGE, axum::response::Html(page)).into_response();
    out.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    out
}

/// Paths whose next segment is a private token (its holder sees personal data or acts for a
/// person): named by their place, whatever the token's length.
const PRIVATE: [&str; 6] =
    ["/i/", "/inscription/", "/messages/arret/", "/mes-badges/", "/orientation/", "/pro/mot-de-passe/"];

/// A path as the logs keep it: private links' tokens (`/inscription/<token>`, `/mes-badges/…`,
/// `/messages/arret/…`, `/i/…`) are replaced, so a log reader cannot open them; any other
/// segment of 40 characters or more too. Ids (UUIDs, 36 characters) stay.
pub fn redact_tokens(path: &str) -> String {
    let private = PRIVATE.iter().find(|p| path.starts_with(*p)).map(|p| p.matches('/').count());
    path.split('/')
        .enumerate()
        .map(|(i, seg)| if seg.len() >= 40 || private == Some(i) { "…" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

/// Draws a nonce per request for the page's inline scripts (read by `app::shell`), then sets the
/// policy: the page policy with that nonce on HTML, a closed default on everything else.
async fn content_security_policy(mut req: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    req.extensions_mut().insert(app::ui::security::PageNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A page from the page cache carries its own policy (its scripts' hashes).
    if res.headers().contains_key(header::CONTENT_SECURITY_POLICY) {
        return res;
    }
    let policy = if is_html { app::ui::security::page_csp(&nonce) } else { DEFAULT_CSP.to_owned() };
    if let Ok(value) = HeaderValue::from_str(&policy) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    res
}

/// Sets a header unless the handler already did (pages set their own CSP with a nonce).
fn default_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// The WASM/JS/CSS bundle: precompressed `.br`/`.gz` served when the browser accepts them; file
/// names carry a content hash in release builds, so they can be cached for a year.
fn pkg_files(options: &LeptosOptions) -> axum::routing::MethodRouter {
    let dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let cache = if options.hash_files { "public, max-age=31536000, immutable" } else { "no-cache" };
    axum::routing::get_service(
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(cache)))
            .service(ServeDir::new(dir).precompressed_br().precompressed_gzip()),
    )
}

/// What an operator checks: the database, and whether messages leave the server (a channel
/// without a relay or a key says « les messages ne sont pas envoyés »), with the queue's length.
/// No personal data. 200 when everything works, 503 otherwise (a monitor can alert on it).
async fn healthz_details(State(st): State<AppState>) -> axum::response::Response {
    let db_ok = tokio::time::timeout(Duration::from_secs(2), app::db::ping(&st.db)).await.unwrap_or(false);
    let queue = match tokio::time::timeout(Duration::from_secs(2), app::outbox::queue(&st.db, chrono::Utc::now())).await
    {
        Ok(Ok(q)) => Some(q),
        _ => None,
    };
    let mut lines = vec![format!("base de données : {}", if db_ok { "ok" } else { "indisponible" })];
    if st.messages_problems.is_empty() {
        lines.push("messages : envoyés (e-mails par SMTP, SMS par l’API SMS)".into());
    } else {
        lines.push("messages : les messages ne sont pas envoyés".into());
        lines.extend(st.messages_problems.iter().map(|p| format!("  - {p}")));
    }
    if let Some(q) = &queue {
        let age = q
            .plus_ancien
            .map(|t| (chrono::Utc::now() - t).num_minutes())
            .map(|m| format!(", le plus ancien depuis {m} min"))
            .unwrap_or_default();
        lines.push(format!("file des messages : {} en attente{age} ; {} échec(s) en 24 h", q.en_attente, q.echecs_24h));
    }
    let ok = db_ok && st.messages_problems.is_empty();
    let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, [(header::CACHE_CONTROL, "no-store")], lines.join("\n") + "\n").into_response()
}

/// Readiness, for a load balancer or an upgrade: the database answers and has run every
/// migration this version knows. 503 otherwise, saying which (no personal data). `/healthz`
/// stays the cheap liveness answer.
async fn readyz(State(db): State<DatabaseConnection>) -> axum::response::Response {
    let checked = tokio::time::timeout(Duration::from_secs(2), async {
        if !app::db::ping(&db).await {
            return Err("base de données indisponible".to_owned());
        }
        match app::db::pending_migrations(&db).await {
            Ok(p) if p.is_empty() => Ok(()),
            Ok(p) => Err(format!("migrations en attente : {}", p.join(", "))),
            Err(e) => {
                tracing::error!(error = %e, "migrations unreadable");
                Err("migrations illisibles".to_owned())
            }
        }
    })
    .await
    .unwrap_or_else(|_| Err("base de données trop lente".to_owned()));
    let (status, text) = match checked {
        Ok(()) => (StatusCode::OK, "prêt\n".to_owned()),
        Err(why) => (StatusCode::SERVICE_UNAVAILABLE, format!("pas prêt : {why}\n")),
    };
    (status, [(header::CACHE_CONTROL, "no-store")], text).into_response()
}

async fn healthz(State(db): State<DatabaseConnection>) -> impl IntoResponse {
    let ok = tokio::time::timeout(Duration::from_secs(2), app::db::ping(&db)).await.unwrap_or(false);
    if ok {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "base de données indisponible")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn private_tokens_never_reach_the_logs() {
        for (path, logged) in [
            ("/inscription/AbCdEfGhIjKlMnOp", "/inscription/…"),
            ("/inscription/AbCdEfGhIjKlMnOp/calendrier.ics", "/inscription/…/calendrier.ics"),
            ("/messages/arret/AbCdEfGhIjKlMnOp", "/messages/arret/…"),
            ("/i/7KQ2-M9XD-4HTR", "/i/…"),
            ("/pro/mot-de-passe/abc", "/pro/mot-de-passe/…"),
            ("/orientation/x", "/orientation/…"),
            ("/mes-badges/y", "/mes-badges/…"),
            ("/mes-badges", "/mes-badges"),
            ("/ateliers/0193e0c8-1111-7aaa-8bbb-0123456789ab", "/ateliers/0193e0c8-1111-7aaa-8bbb-0123456789ab"),
            (&format!("/autre/{}", "z".repeat(43)), "/autre/…"),
        ] {
            assert_eq!(super::redact_tokens(path), logged, "{path}");
        }
    }
}
