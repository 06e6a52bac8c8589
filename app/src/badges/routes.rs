//! The issuer's DID document and the badges' JSON (ssr only).
use super::issuer::SharedIssuer;
use crate::auth::routes::StaffForm;
use crate::ui::form::{form_fields, see_other, Submitted};
use crate::web::{read_as, read_body, read_form, FormState};
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
    std::sync::Arc<crate::rate_limit::Limits>: FromRef<S>,
{
    Router::new()
        .route("/.well-known/did.json", get(did_json))
        .route("/badges/{id}/badge.json", get(badge_json))
        .route("/badges/{id}/qr.svg", get(badge_qr))
        .route("/badges/{id}/image.svg", get(badge_image))
        .route("/mes-badges", axum::routing::post(request_link))
        .route("/mes-badges/{jeton}", axum::routing::post(close_links))
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
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"badge.json\""),
            ],
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
    let Some(issuer) = issuer else {
        return (StatusCode::NOT_FOUND, "Aucune clé de badges n’est configurée.").into_response();
    };
    match super::service::credential_json(&st.db, &id).await {
        Ok(Some(_)) => match crate::qr::qr_svg(&format!("{}/badges/{id}", issuer.public_url)) {
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

/// The badge's picture (drawn by Itinéraire when it was issued, read from the credential).
async fn badge_image(State(st): State<FormState>, Path(id): Path<String>) -> Response {
    match super::service::badge_image(&st.db, &id).await {
        Ok(Some(svg)) => {
            ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")], svg)
                .into_response()
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Ce badge n’existe pas.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "badge image failed");
            (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
        }
    }
}

/// « Fermer ce lien »: its one button.
#[derive(Debug, serde::Deserialize)]
struct CloseForm {
    action: CloseAction,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum CloseAction {
    Fermer,
}

/// « J’ai perdu mon lien »: the phone or e-mail she gave.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct ContactForm {
    contact: String,
}

/// Why a badge is revoked (kept with it, shown to whoever verifies it).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MotifForm {
    motif: String,
}

/// « Fermer ce lien »: every link to the wallet stops working.
async fn close_links(
    State(st): State<FormState>,
    axum::extract::Path(jeton): axum::extract::Path<String>,
    req: axum::extract::Request,
) -> Response {
    let (parts, bytes) = read_body(req).await;
    // The button's `action=fermer` is required: a post without it closes nothing.
    let parts = match read_as::<CloseForm>(&st, parts, &bytes).await {
        Ok((parts, CloseForm { action: CloseAction::Fermer })) => parts,
        Err(res) => return res,
    };
    match super::wallet::revoke_links(&st.db, &jeton, chrono::Utc::now()).await {
        // The same answer for an unknown link: nothing to close, nothing learnt.
        Ok(_) => see_other("/mes-badges?ferme=1"),
        Err(e) => {
            tracing::error!(error = %e, "closing wallet links failed");
            let message = Some(crate::error::AppError::Unavailable.to_string());
            st.refuse(parts, StatusCode::SERVICE_UNAVAILABLE, Submitted { message, ..Default::default() }).await
        }
    }
}

/// "J’ai perdu mon lien": a new private link to whoever typed a contact tied to a wallet. The
/// answer is the same whether one is or not.
async fn request_link(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: axum::extract::Request,
) -> Response {
    let ip = crate::rate_limit::client_ip(&limits, &req);
    let (parts, bytes) = read_body(req).await;
    let fields = form_fields(&bytes);
    let (parts, ContactForm { contact }) = match read_as::<ContactForm>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    let contact = contact.trim().to_owned();
    // « Mes badges » is one of the person's pages: its messages speak their language.
    let langue = crate::i18n::from_headers(&parts.headers).0;
    let allowed = limits.allow_message(&st.db, ip, &contact, chrono::Utc::now()).await;
    let refuse = |status, errors: Vec<(String, String)>, message: Option<&str>| {
        st.refuse(parts, status, Submitted { values: fields.clone(), errors, message: message.map(str::to_owned) })
    };
    if !allowed.unwrap_or(false) {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            vec![],
            Some(&crate::i18n::tr(langue, "badges-trop-de-demandes", &[])),
        )
        .await;
    }
    match super::wallet::request_link(&st.db, &contact, langue, chrono::Utc::now()).await {
        Ok(Ok(())) => see_other("/mes-badges?envoye=1"),
        // The wallet's one refusal (`CONTACT_MESSAGE`), in the person's language.
        Ok(Err(_)) => {
            let m = crate::i18n::tr(langue, "badges-erreur-contact", &[]);
            refuse(StatusCode::UNPROCESSABLE_ENTITY, vec![("contact".to_owned(), m)], None).await
        }
        Err(e) => {
            tracing::error!(error = %e, "wallet link request failed");
            refuse(StatusCode::SERVICE_UNAVAILABLE, vec![], Some(&crate::error::AppError::Unavailable.to_string()))
                .await
        }
    }
}

/// The signed revocation list (`BitstringStatusListCredential`), signed afresh at each request.
async fn status_list(State(st): State<FormState>, State(issuer): State<SharedIssuer>) -> Response {
    let Some(issuer) = issuer else {
        return (StatusCode::NOT_FOUND, "Aucune clé de badges n’est configurée.").into_response();
    };
    match super::service::status_list(&st.db, &issuer, chrono::Utc::now()).await {
        Ok(list) => {
            ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-cache")], list.to_string())
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "status list failed");
            (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
        }
    }
}

async fn revoke(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffForm { parts, fields, staff, form }: StaffForm<MotifForm>,
) -> Response {
    use super::service::RevokeError;
    match super::service::revoke(&st.db, &staff, &id, form.motif.trim(), chrono::Utc::now()).await {
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

/// The badge (pasted, or its file uploaded) is checked by the page itself, shown again with it.
/// Checking costs CPU: at most 20 a minute from one connection.
async fn verifier(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: axum::extract::Request,
) -> Response {
    let ip = crate::rate_limit::address_key(crate::rate_limit::client_ip(&limits, &req));
    if !limits.allow(&st.db, crate::rate_limit::Bucket::Verifier, &ip, chrono::Utc::now()).await.unwrap_or(false) {
        let (parts, _) = read_form(req).await;
        let message = Some("Trop de vérifications depuis cette connexion. Réessayez dans une minute.".to_owned());
        return st.refuse(parts, StatusCode::TOO_MANY_REQUESTS, Submitted { message, ..Default::default() }).await;
    }
    let boundary = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok())
        .and_then(|c| multer::parse_boundary(c).ok());
    let Some(boundary) = boundary else {
        let (parts, fields) = read_form(req).await;
        return st.refuse(parts, StatusCode::OK, Submitted { values: fields, errors: vec![], message: None }).await;
    };
    let (parts, body) = req.into_parts();
    match uploaded(body, boundary).await {
        Ok(fields) => {
            st.refuse(parts, StatusCode::OK, Submitted { values: fields, errors: vec![], message: None }).await
        }
        Err((status, m)) => {
            let errors = vec![("fichier".to_owned(), m.to_owned())];
            st.refuse(parts, status, Submitted { values: vec![], errors, message: None }).await
        }
    }
}

/// The fields of the `/verifier` form sent with a file: the file's content, when one was chosen,
/// stands for the pasted text.
async fn uploaded(
    body: axum::body::Body,
    boundary: String,
) -> Result<Vec<(String, String)>, (StatusCode, &'static str)> {
    use crate::web::MAX_FORM_BYTES;
    const UNREADABLE: &str = "Ce fichier n’a pas pu être lu. Choisissez le fichier .json du badge.";
    const TOO_BIG: &str = "Ce fichier est trop grand pour un badge (200 Ko au plus).";
    // Too big: over our limits, or cut by the server's body limit (a body without length).
    let refusal = |e: &multer::Error| {
        let mut cause: Option<&dyn std::error::Error> = Some(e);
        let mut cut = false;
        while let Some(c) = cause {
            cut |= c.to_string().contains("length limit exceeded");
            cause = c.source();
        }
        if cut || matches!(e, multer::Error::FieldSizeExceeded { .. } | multer::Error::StreamSizeExceeded { .. }) {
            (StatusCode::PAYLOAD_TOO_LARGE, TOO_BIG)
        } else {
            (StatusCode::BAD_REQUEST, UNREADABLE)
        }
    };
    let limits = multer::Constraints::new()
        .allowed_fields(vec!["badge", "fichier"])
        .size_limit(multer::SizeLimit::new().whole_stream(MAX_FORM_BYTES as u64).per_field(200_000));
    let mut form = multer::Multipart::with_constraints(body.into_data_stream(), boundary, limits);
    let (mut pasted, mut file) = (String::new(), String::new());
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(refusal(&e)),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return Err(refusal(&e)),
        };
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| (StatusCode::UNPROCESSABLE_ENTITY, UNREADABLE))?;
        match name.as_str() {
            "fichier" => file = text,
            _ => pasted = text,
        }
    }
    let badge = if file.trim().is_empty() { pasted } else { file };
    Ok(vec![("badge".to_owned(), badge)])
}
