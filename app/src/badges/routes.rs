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
    Router::new().route("/.well-known/did.json", get(did_json)).route("/badges/{id}/badge.json", get(badge_json))
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
