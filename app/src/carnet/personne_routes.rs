//! The person's own posts (ssr only): asking for and checking her code, her contact details and
//! her word on a theme, marking her actions done, her data as a file, signing out. Each reads
//! her session from its cookie; nothing she did not sign in for is reachable.
use super::personne as p;
use crate::error::EditError;
use crate::token::CookiePolicy;
use crate::ui::form::{field, on_page, see_other, Submitted};
use crate::web::{form_version, FormState};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{
    extract::{FromRef, Path, Request, State},
    routing::post,
    Router,
};
use chrono::Utc;

/// The person's routes: the code request and check, their edits, their data, signing out.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    CookiePolicy: FromRef<S>,
    std::sync::Arc<crate::rate_limit::Limits>: FromRef<S>,
{
    Router::new()
        .route("/mon-carnet", post(request_code))
        .route("/mon-carnet/code", post(verify_code))
        .route("/mon-carnet/contact", post(person_contact))
        .route("/mon-carnet/theme/{theme}", post(person_theme))
        .route("/mon-carnet/deconnexion", post(person_sign_out))
        .route("/mon-carnet/action/{aid}", post(person_action))
        .route("/mon-carnet/donnees.json", axum::routing::get(person_data))
}

/// The person's cookie (same flags as the professionals': HttpOnly, SameSite=Lax, Secure on HTTPS).
fn person_cookie(cookies: CookiePolicy, token: &str, max_age: i64) -> HeaderValue {
    let value = cookies.cookie(p::COOKIE, token, max_age, true);
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

fn person_token(headers: &axum::http::HeaderMap) -> Option<String> {
    crate::token::cookie_value(headers, p::COOKIE)
}

/// The carnet of the person signed in on this request, or the page asking them to sign in.
async fn person_carnet(st: &FormState, headers: &axum::http::HeaderMap) -> Result<String, Response> {
    let found = match person_token(headers) {
        Some(t) => p::carnet_for_token(&st.db, &t, Utc::now()).await,
        None => Ok(None),
    };
    match found {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(see_other("/mon-carnet")),
        Err(e) => {
            tracing::error!(error = %e, "person session lookup failed");
            Err((StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response())
        }
    }
}

async fn request_code(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::rate_limit::client_ip(&limits, &req);
    let (parts, fields) = crate::web::read_form(req).await;
    let contact = field(&fields, "contact");
    let allowed = limits.allow_message(&st.db, ip, &contact, Utc::now()).await.unwrap_or(false);
    let refuse = |status, errors: Vec<(String, String)>, message: Option<String>| {
        st.refuse(parts, status, Submitted { values: fields.clone(), errors, message })
    };
    if !allowed {
        return refuse(StatusCode::TOO_MANY_REQUESTS, vec![], Some(p::TOO_MANY.to_owned())).await;
    }
    match p::request_code(&st.db, &contact, Utc::now()).await {
        Ok(Ok(demande)) => see_other(&format!("/mon-carnet/code?d={demande}")),
        Ok(Err(m)) => refuse(StatusCode::UNPROCESSABLE_ENTITY, vec![("contact".into(), m.into())], None).await,
        Err(e) => {
            tracing::error!(error = %e, "code request failed");
            refuse(StatusCode::SERVICE_UNAVAILABLE, vec![], Some(crate::error::AppError::Unavailable.to_string())).await
        }
    }
}

async fn verify_code(
    State(st): State<FormState>,
    State(cookies): State<CookiePolicy>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::rate_limit::client_ip(&limits, &req);
    let (parts, fields) = crate::web::read_form(req).await;
    let (demande, code) = (field(&fields, "demande"), field(&fields, "code"));
    match p::verify_code_limited(&st.db, &limits, ip, &demande, &code, Utc::now()).await {
        Ok(Ok(token)) => {
            let mut res = see_other("/mon-carnet");
            res.headers_mut().insert(header::SET_COOKIE, person_cookie(cookies, &token, p::SESSION_HOURS * 3600));
            res
        }
        Ok(Err(m)) => {
            let status = match m {
                p::WRONG_MESSAGE => StatusCode::UNPROCESSABLE_ENTITY,
                p::TOO_MANY_TODAY => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::GONE,
            };
            st.refuse(
                parts,
                status,
                Submitted { values: fields, errors: vec![("code".into(), m.into())], message: None },
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "code check failed");
            let message = Some(crate::error::AppError::Unavailable.to_string());
            st.refuse(parts, StatusCode::SERVICE_UNAVAILABLE, Submitted { values: fields, errors: vec![], message })
                .await
        }
    }
}

async fn person_contact(State(st): State<FormState>, req: Request) -> Response {
    let (parts, fields) = crate::web::read_form(req).await;
    // Refused, it is shown again on the person's carnet page, where the form is.
    let parts = on_page(parts, "/mon-carnet");
    let id = match person_carnet(&st, &parts.headers).await {
        Ok(id) => id,
        Err(res) => return res,
    };
    let (parts, version) = match form_version(&st, parts, &fields).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match p::update_contact(&st.db, &id, version, &fields, Utc::now()).await {
        Ok(()) => see_other("/mon-carnet?ok=contact"),
        Err(e) => st.refuse_edit(parts, fields, e, p::CONFLICT_MESSAGE, &p::CONTACT_FIELDS).await,
    }
}

async fn person_theme(State(st): State<FormState>, Path(theme): Path<String>, req: Request) -> Response {
    let (parts, fields) = crate::web::read_form(req).await;
    // Refused, it is shown again on the person's carnet page, where the form is.
    let parts = on_page(parts, "/mon-carnet");
    let id = match person_carnet(&st, &parts.headers).await {
        Ok(id) => id,
        Err(res) => return res,
    };
    let (parts, version) = match form_version(&st, parts, &fields).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match p::update_commentaire(&st.db, &id, &theme, version, &field(&fields, "commentaire_personne"), Utc::now()).await
    {
        Ok(()) => see_other(&format!("/mon-carnet?ok=theme#theme-{theme}")),
        Err(e) => st.refuse_edit(parts, fields, e, p::CONFLICT_MESSAGE, &["commentaire_personne"]).await,
    }
}

async fn person_sign_out(State(st): State<FormState>, State(cookies): State<CookiePolicy>, req: Request) -> Response {
    if let Some(t) = person_token(req.headers()) {
        if let Err(e) = p::sign_out(&st.db, &t).await {
            tracing::error!(error = %e, "person sign-out failed");
        }
    }
    let mut res = see_other("/mon-carnet?ok=deconnecte");
    res.headers_mut().insert(header::SET_COOKIE, person_cookie(cookies, "", 0));
    res
}

/// All the person's data, as a JSON file (RGPD right of access).
async fn person_data(State(st): State<FormState>, req: Request) -> Response {
    let id = match person_carnet(&st, req.headers()).await {
        Ok(id) => id,
        Err(res) => return res,
    };
    match p::export(&st.db, &id).await {
        Ok(json) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"mon-carnet.json\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            serde_json::to_string_pretty(&json).unwrap_or_default(),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "person export failed");
            (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
        }
    }
}

/// The person marks one of their actions done (or to do again).
async fn person_action(State(st): State<FormState>, Path(aid): Path<String>, req: Request) -> Response {
    let (parts, fields) = crate::web::read_form(req).await;
    // Refused, it is shown again on the person's carnet page, where the form is.
    let parts = on_page(parts, "/mon-carnet");
    let id = match person_carnet(&st, &parts.headers).await {
        Ok(id) => id,
        Err(res) => return res,
    };
    let (parts, version) = match form_version(&st, parts, &fields).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let statut = field(&fields, "statut");
    let outcome = if statut == "fait" || statut == "a_faire" {
        match p::author(&st.db, &id).await {
            Ok(who) => {
                super::avancement::set_action_status(&st.db, &who, &id, &aid, version, &statut, Utc::now()).await
            }
            Err(e) => Err(e),
        }
    } else {
        Err(EditError::Forbidden)
    };
    match outcome {
        Ok(()) => see_other("/mon-carnet?ok=action"),
        Err(e) => st.refuse_edit(parts, fields, e, p::CONFLICT_MESSAGE, &["statut"]).await,
    }
}
