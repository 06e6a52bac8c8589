//! The person's own posts (ssr only): asking for and checking her code, her contact details and
//! her word on a theme, marking her actions done, her data as a file, signing out. Each reads
//! her session from its cookie; nothing she did not sign in for is reachable.
use super::db::action::StatutAction;
use super::personne as p;
use crate::error::EditError;
use crate::token::CookiePolicy;
use crate::ui::form::{form_fields, on_page, see_other, Submitted};
use crate::web::{form_version, read_as, read_body, FormState, Untyped};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{
    extract::{FromRef, FromRequest, Path, Request, State},
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

/// She asks for a code: the phone or e-mail her référent wrote in her carnet.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct CodeDemande {
    contact: String,
}

/// She types the code she received (`demande`: which request it answers).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct CodeSaisi {
    demande: String,
    code: String,
}

async fn request_code(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::rate_limit::client_ip(&limits, &req);
    let (parts, bytes) = read_body(req).await;
    let fields = form_fields(&bytes);
    let (parts, CodeDemande { contact }) = match read_as::<CodeDemande>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    let contact = contact.trim().to_owned();
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
    let (parts, bytes) = read_body(req).await;
    let fields = form_fields(&bytes);
    let (parts, CodeSaisi { demande, code }) = match read_as::<CodeSaisi>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    let (demande, code) = (demande.trim().to_owned(), code.trim().to_owned());
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

/// The person's edit of her carnet, as a handler's last argument: her carnet (from her session
/// cookie), the version her form was opened at, the fields as typed and the form read as its
/// struct `T`. Signed out, she is sent to `/mon-carnet` to sign in; a refusal is shown on
/// `/mon-carnet`, where her forms are.
struct PersonEdit<T = Untyped> {
    parts: Parts,
    fields: Vec<(String, String)>,
    carnet: String,
    version: i32,
    form: T,
}

impl<S, T> FromRequest<S> for PersonEdit<T>
where
    S: Send + Sync,
    FormState: FromRef<S>,
    T: serde::de::DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let st = FormState::from_ref(state);
        let (parts, bytes) = read_body(req).await;
        let parts = on_page(parts, "/mon-carnet");
        let carnet = person_carnet(&st, &parts.headers).await?;
        let fields = form_fields(&bytes);
        let (parts, version) = form_version(&st, parts, &fields).await?;
        let (parts, form) = read_as::<T>(&st, parts, &bytes).await?;
        Ok(PersonEdit { parts, fields, carnet, version, form })
    }
}

async fn person_contact(
    State(st): State<FormState>,
    PersonEdit { parts, fields, carnet, version, form }: PersonEdit<p::ContactForm>,
) -> Response {
    match p::update_contact(&st.db, &carnet, version, &form, Utc::now()).await {
        Ok(()) => see_other("/mon-carnet?ok=contact"),
        Err(e) => st.refuse_edit(parts, fields, e, p::CONFLICT_MESSAGE, &p::CONTACT_FIELDS).await,
    }
}

/// Her word on a theme of her diagnostic.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct CommentaireForm {
    commentaire_personne: String,
}

async fn person_theme(
    State(st): State<FormState>,
    Path(theme): Path<String>,
    PersonEdit { parts, fields, carnet, version, form }: PersonEdit<CommentaireForm>,
) -> Response {
    let commentaire = form.commentaire_personne.trim();
    match p::update_commentaire(&st.db, &carnet, &theme, version, commentaire, Utc::now()).await {
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

/// What the person may say of one of her actions: done, or to do again (nothing else: « en
/// cours » is the professionals' word).
#[derive(Debug, serde::Deserialize)]
struct ActionForm {
    statut: StatutAction,
}

/// The person marks one of their actions done (or to do again).
async fn person_action(
    State(st): State<FormState>,
    Path(aid): Path<String>,
    PersonEdit { parts, fields, carnet, version, form }: PersonEdit<ActionForm>,
) -> Response {
    let outcome = match (form.statut, p::author(&st.db, &carnet).await) {
        (StatutAction::EnCours, _) => Err(EditError::Forbidden),
        (statut, Ok(who)) => {
            let statut = statut.code();
            super::avancement::set_action_status(&st.db, &who, &carnet, &aid, version, statut, Utc::now()).await
        }
        (_, Err(e)) => Err(e),
    };
    match outcome {
        Ok(()) => see_other("/mon-carnet?ok=action"),
        Err(e) => st.refuse_edit(parts, fields, e, p::CONFLICT_MESSAGE, &["statut"]).await,
    }
}
