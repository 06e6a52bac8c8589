//! The issuer's DID document and the badges' JSON (ssr only).
use super::issuer::SharedIssuer;
use crate::auth::routes::{read_form, read_staff_form, FormState};
use crate::ui::form::{field, see_other, Submitted};
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
        .route("/badges/statut", get(status_list))
        .route("/badges/{id}", axum::routing::post(revoke))
        .route("/verifier", axum::routing::post(verifier))
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

/// The signed revocation list (`BitstringStatusListCredential`), signed afresh at each request.
async fn status_list(State(st): State<FormState>, State(issuer): State<SharedIssuer>) -> Response {
    let Some(issuer) = issuer else { return (StatusCode::NOT_FOUND, "Aucune clé de badges n’est configurée.").into_response() };
    match super::service::status_list(&st.db, &issuer, chrono::Utc::now()).await {
        Ok(list) => ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-cache")], list.to_string()).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "status list failed");
            (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
        }
    }
}

async fn revoke(State(st): State<FormState>, Path(id): Path<String>, req: axum::extract::Request) -> Response {
    use super::service::RevokeError;
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    match super::service::revoke(&st.db, &staff, &id, &field(&fields, "motif"), chrono::Utc::now()).await {
        Ok(()) => see_other(&format!("/badges/{id}")),
        Err(e) => {
            let (status, errors) = match e {
                RevokeError::Motif => (StatusCode::UNPROCESSABLE_ENTITY, vec![("motif".to_owned(), e.to_string())]),
                RevokeError::NotFound => (StatusCode::NOT_FOUND, vec![]),
                RevokeError::Forbidden => (StatusCode::FORBIDDEN, vec![]),
                RevokeError::Db => (StatusCode::SERVICE_UNAVAILABLE, vec![]),
            };
            let message = errors.is_empty().then(|| e.to_string());
            st.refuse(parts, status, Submitted { values: fields, errors, message }).await
        }
    }
}

/// The pasted badge is checked by the page itself (shown again with what was pasted).
async fn verifier(State(st): State<FormState>, req: axum::extract::Request) -> Response {
    let (parts, fields) = read_form(req).await;
    st.refuse(parts, StatusCode::OK, Submitted { values: fields, errors: vec![], message: None }).await
}
