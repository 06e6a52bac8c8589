//! The issuer's DID document and the badges' JSON (ssr only).
use super::issuer::SharedIssuer;
use crate::auth::routes::FormState;
use axum::{
    extract::{FromRef, Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    SharedIssuer: FromRef<S>,
{
    Router::new()
        .route("/.well-known/did.json", get(did_json))
        .route("/badges/{id}/badge.json", get(badge_json))
        .route("/badges/{id}/qr.svg", get(badge_qr))
}

async fn did_json(State(issuer): State<SharedIssuer>) -> Response {
    match issuer {
        Some(i) => ([(header::CONTENT_TYPE, "application/did+json")], i.did_document().to_string()).into_response(),
        None => (StatusCode::NOT_FOUND, "Aucune clé de badges n’est configurée.").into_response(),
    }
}

async fn badge_json(State(st): State<FormState>, Path(id): Path<String>) -> Response {
    match super::service::credential_json(&st.db, &id).await {
        Ok(Some(json)) => (
            [(header::CONTENT_TYPE, "application/json"), (header::CONTENT_DISPOSITION, "attachment; filename=\"badge.json\"")],
            json,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "Ce badge n’existe pas.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "badge json failed");
            (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
        }
    }
}

/// The badge's public link as a QR code (SVG drawn by the server: nothing to download in the
/// browser), to print or to show on a phone.
async fn badge_qr(State(st): State<FormState>, State(issuer): State<SharedIssuer>, Path(id): Path<String>) -> Response {
    let Some(issuer) = issuer else { return (StatusCode::NOT_FOUND, "Aucune clé de badges n’est configurée.").into_response() };
    match super::service::credential_json(&st.db, &id).await {
        Ok(Some(_)) => match super::service::qr_svg(&format!("{}/badges/{id}", issuer.public_url)) {
            Some(svg) => ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response(),
            None => (StatusCode::INTERNAL_SERVER_ERROR, "QR code impossible").into_response(),
        },
        Ok(None) => (StatusCode::NOT_FOUND, "Ce badge n’existe pas.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "badge qr failed");
            (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
        }
    }
}
