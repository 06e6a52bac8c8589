//! The sign-in and sign-out form posts (ssr only). Like every POST, they pass the server's CSRF
//! check first.
use super::session::{self, CookiePolicy, SignInError};
use super::views::safe_next;
use super::{compte, equipe};
use crate::ui::form::{field, form_fields, on_page, render_again, see_other, Submitted};
use axum::{
    extract::{FromRef, Request, State},
    http::{header, HeaderValue, StatusCode},
    response::Response,
    routing::post,
    Router,
};
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

const TOO_MANY_LINKS: &str =
    "Trop de demandes depuis cette connexion. Réessayez dans une heure, ou demandez à l’administrateur \
    de votre structure.";

/// Largest form body read (the server's body limit applies first).
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// What gives a page its context (database, search index…): the same function the server uses
/// for its page routes, so a page rendered again after a refused post sees what it always sees.
pub type PageContext = std::sync::Arc<dyn Fn() + Send + Sync>;

/// The state every page-form handler reads (the server builds it from its own state).
#[derive(Clone)]
pub struct FormState {
    pub options: LeptosOptions,
    pub db: DatabaseConnection,
    pub cookies: CookiePolicy,
    pub context: PageContext,
    /// How long invitation links stay valid.
    pub invitation_jours: crate::itineraire::invitation::InvitationJours,
    /// When offers are flagged as to update, then hidden from the public.
    pub fraicheur: crate::catalogue::fraicheur::Fraicheur,
    /// The public origin links are built from (never the request's `Host`).
    pub public_url: String,
}

impl FormState {
    /// Shows the form again after the service refused a professional's change: on a conflict,
    /// what the person typed stays, each field of `compared` that differs gets a note with the
    /// stored value, and the form moves to the stored version (saving again is a choice).
    pub async fn refuse_edit(
        &self,
        parts: axum::http::request::Parts,
        fields: Vec<(String, String)>,
        e: crate::error::EditError,
        conflict_message: &str,
        compared: &[&str],
    ) -> Response {
        self.refuse_edit_labelled(parts, fields, e, conflict_message, compared, &Default::default()).await
    }

    /// [`Self::refuse_edit`], showing stored values through `labels` (e.g. ids of choices → their
    /// names).
    pub async fn refuse_edit_labelled(
        &self,
        parts: axum::http::request::Parts,
        mut fields: Vec<(String, String)>,
        e: crate::error::EditError,
        conflict_message: &str,
        compared: &[&str],
        labels: &std::collections::HashMap<String, String>,
    ) -> Response {
        use crate::error::{AppError, EditError};
        let (status, errors, message) = match e {
            EditError::Conflict { stored, version } => {
                let errors = differences(&fields, &stored, compared, labels);
                fields.retain(|(k, _)| k != "version");
                fields.push(("version".into(), version.to_string()));
                (StatusCode::CONFLICT, errors, Some(conflict_message.to_owned()))
            }
            EditError::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
            EditError::Db(err) => {
                tracing::error!(error = %err, "write failed");
                (StatusCode::SERVICE_UNAVAILABLE, vec![], Some(AppError::Unavailable.to_string()))
            }
            other => {
                let app = other.into_app_error();
                (StatusCode::from_u16(app.status()).unwrap_or(StatusCode::BAD_REQUEST), vec![], Some(app.to_string()))
            }
        };
        self.refuse(parts, status, Submitted { values: fields, errors, message }).await
    }

    /// Renders the request's page again with the submission and its problems.
    pub async fn refuse(
        &self,
        parts: axum::http::request::Parts,
        status: StatusCode,
        submitted: Submitted,
    ) -> Response {
        let context = self.context.clone();
        render_again(self.options.clone(), parts, status, submitted, move || context()).await
    }
}

/// For each field whose stored value differs from the typed one, a note with the stored value.
fn differences(
    typed: &[(String, String)],
    stored: &[(String, String)],
    compared: &[&str],
    labels: &std::collections::HashMap<String, String>,
) -> Vec<(String, String)> {
    let values = |list: &[(String, String)], k: &str| {
        let mut v: Vec<String> =
            list.iter().filter(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
        v.sort();
        v
    };
    compared
        .iter()
        .filter_map(|k| {
            let (mine, theirs) = (values(typed, k), values(stored, k));
            (mine != theirs).then(|| {
                let shown: Vec<&str> = theirs.iter().map(|v| labels.get(v).unwrap_or(v).as_str()).collect();
                let shown = if shown.is_empty() { "(vide)".to_owned() } else { shown.join(", ") };
                ((*k).to_owned(), format!("Modifié entre-temps. Valeur enregistrée : « {shown} »"))
            })
        })
        .collect()
}

/// The signed-in professional, or the redirect to the sign-in page (back here afterwards).
pub async fn staff_or_sign_in(
    st: &FormState,
    parts: &axum::http::request::Parts,
) -> Result<super::model::Staff, Response> {
    match session::staff_from_headers(&st.db, &parts.headers).await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => Err(see_other(&format!("/pro/connexion?suite={}", parts.uri.path()))),
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            use axum::response::IntoResponse;
            Err((StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response())
        }
    }
}

/// A professional's form post: its head, its fields and who sent it — or the redirect to the
/// sign-in page (or a 503) to answer with.
pub async fn read_staff_form(
    st: &FormState,
    req: Request,
) -> Result<(axum::http::request::Parts, Vec<(String, String)>, super::model::Staff), Response> {
    let (parts, fields) = read_form(req).await;
    let staff = staff_or_sign_in(st, &parts).await?;
    Ok((parts, fields, staff))
}

/// A professional's edit of a stored item: head, fields, who sent it and the `version` the form
/// was opened at — or the response to answer with (sign-in, or the form again).
pub async fn read_staff_edit(
    st: &FormState,
    req: Request,
) -> Result<(axum::http::request::Parts, Vec<(String, String)>, super::model::Staff, i32), Response> {
    let (parts, fields, staff) = read_staff_form(st, req).await?;
    let (parts, version) = form_version(st, parts, &fields).await?;
    Ok((parts, fields, staff, version))
}

/// The `version` an edit form was opened at, or the page again with a message.
pub async fn form_version(
    st: &FormState,
    parts: axum::http::request::Parts,
    fields: &[(String, String)],
) -> Result<(axum::http::request::Parts, i32), Response> {
    match field(fields, "version").parse::<i32>() {
        Ok(v) => Ok((parts, v)),
        Err(_) => {
            let message = Some("Le formulaire est incomplet. Rechargez la page et recommencez.".to_owned());
            Err(st
                .refuse(parts, StatusCode::BAD_REQUEST, Submitted { values: fields.to_vec(), errors: vec![], message })
                .await)
        }
    }
}

/// Splits a form post into its head and its fields.
pub async fn read_form(req: Request) -> (axum::http::request::Parts, Vec<(String, String)>) {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES).await.unwrap_or_default();
    (parts, form_fields(&bytes))
}

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    std::sync::Arc<crate::rate_limit::Limits>: FromRef<S>,
{
    Router::new()
        .route("/pro/connexion", post(sign_in))
        .route("/pro/deconnexion", post(sign_out))
        .route("/pro/mot-de-passe-oublie", post(forgotten))
        .route("/pro/mot-de-passe/{jeton}", post(password_link))
        .route("/pro/mon-compte", post(change_password))
        .route("/pro/equipe", post(invite))
        .route("/pro/equipe/{id}", post(edit_member))
        .route("/pro/equipe/{id}/lien", post(member_link))
}

fn with_cookie(mut res: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

fn unavailable(err: &dyn std::fmt::Display) -> Submitted {
    tracing::error!(error = %err, "account change failed");
    Submitted { message: Some(crate::error::AppError::Unavailable.to_string()), ..Default::default() }
}

/// A new password refused: the field's message (passwords are never sent back), or the link over.
async fn refuse_password(st: &FormState, parts: axum::http::request::Parts, e: compte::PasswordError) -> Response {
    let (status, submitted) = match e {
        compte::PasswordError::Field(name, m) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Submitted { errors: vec![(name.to_owned(), m)], ..Default::default() })
        }
        compte::PasswordError::Expired => {
            (StatusCode::GONE, Submitted { message: Some(compte::EXPIRED_MESSAGE.to_owned()), ..Default::default() })
        }
        compte::PasswordError::Db(err) => (StatusCode::SERVICE_UNAVAILABLE, unavailable(&err)),
    };
    st.refuse(parts, status, submitted).await
}

/// The forgotten-password form: the same answer whether the address has an account or not.
async fn forgotten(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::socle::routes::client_ip(&limits, &req);
    let (parts, fields) = read_form(req).await;
    let email = field(&fields, "email");
    let kept = vec![("email".to_owned(), email.clone())];
    if !limits.allow_message(&st.db, ip, &session::normalize_email(&email), chrono::Utc::now()).await.unwrap_or(false) {
        let message = Some(TOO_MANY_LINKS.to_owned());
        return st
            .refuse(parts, StatusCode::TOO_MANY_REQUESTS, Submitted { values: kept, errors: vec![], message })
            .await;
    }
    if !crate::validation::is_email(&session::normalize_email(&email)) {
        let errors = vec![(
            "email".to_owned(),
            "Indiquez votre adresse e-mail, par exemple prenom.nom@structure.fr.".to_owned(),
        )];
        return st
            .refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, Submitted { values: kept, errors, message: None })
            .await;
    }
    match compte::request_reset(&st.db, &email, chrono::Utc::now()).await {
        Ok(()) => see_other("/pro/mot-de-passe-oublie?envoye=1"),
        Err(e) => st.refuse(parts, StatusCode::SERVICE_UNAVAILABLE, unavailable(&e)).await,
    }
}

/// The page of a password link (invitation or forgotten password).
async fn password_link(
    State(st): State<FormState>,
    axum::extract::Path(jeton): axum::extract::Path<String>,
    req: Request,
) -> Response {
    let (parts, fields) = read_form(req).await;
    let raw = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    match compte::set_password_with_link(&st.db, &jeton, &raw("mot_de_passe"), &raw("confirmation"), chrono::Utc::now())
        .await
    {
        Ok(_) => see_other("/pro/connexion?motdepasse=1"),
        Err(e) => refuse_password(&st, parts, e).await,
    }
}

/// "Mon compte": a new password; every other session closes, this browser gets a new one.
async fn change_password(State(st): State<FormState>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let raw = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    match compte::change_password(
        &st.db,
        &staff.id,
        &raw("actuel"),
        &raw("mot_de_passe"),
        &raw("confirmation"),
        chrono::Utc::now(),
    )
    .await
    {
        Ok(token) => with_cookie(see_other("/pro/mon-compte?ok=1"), &st.cookies.set(&token)),
        Err(e) => refuse_password(&st, parts, e).await,
    }
}

/// A structure's administrator invites a professional.
async fn invite(State(st): State<FormState>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let structure = field(&fields, "structure");
    match equipe::invite(&st.db, &staff, &structure, &fields, chrono::Utc::now()).await {
        Ok(_) => see_other(&format!("/pro/equipe?structure={}&ok=invite", crate::text::urlencode(&structure))),
        Err(e) => st.refuse_edit(parts, fields, e, equipe::CONFLICT_MESSAGE, &[]).await,
    }
}

/// A member's role and state, from the version their page was opened at.
async fn edit_member(
    State(st): State<FormState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    req: Request,
) -> Response {
    let (parts, fields, staff, version) = match read_staff_edit(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    match equipe::update(&st.db, &staff, &id, version, &fields, chrono::Utc::now()).await {
        Ok(()) => see_other(&format!("/pro/equipe/{id}?ok=compte")),
        Err(e) => {
            let mut labels: std::collections::HashMap<String, String> =
                super::model::Role::ALL.iter().map(|r| (r.code().to_owned(), r.label().to_owned())).collect();
            labels.insert("actif".into(), "Actif".into());
            labels.insert("desactive".into(), "Désactivé".into());
            st.refuse_edit_labelled(parts, fields, e, equipe::CONFLICT_MESSAGE, &equipe::EDIT_FIELDS, &labels).await
        }
    }
}

/// Sends a member a link to choose a password (their invitation again, or a new password).
async fn member_link(
    State(st): State<FormState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    req: Request,
) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    match equipe::send_password_link(&st.db, &staff, &id, chrono::Utc::now()).await {
        Ok(true) => see_other(&format!("/pro/equipe/{id}?ok=lien")),
        Ok(false) => {
            let submitted =
                Submitted { values: fields, errors: vec![], message: Some(equipe::TOO_MANY_LINKS.to_owned()) };
            st.refuse(on_page(parts, &format!("/pro/equipe/{id}")), StatusCode::TOO_MANY_REQUESTS, submitted).await
        }
        Err(e) => {
            st.refuse_edit(on_page(parts, &format!("/pro/equipe/{id}")), fields, e, equipe::CONFLICT_MESSAGE, &[]).await
        }
    }
}

async fn sign_in(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::socle::routes::client_ip(&limits, &req);
    let (parts, fields) = read_form(req).await;
    let email = field(&fields, "email");
    // Passwords are taken as typed (spaces included) and never sent back to the page.
    let password = fields.iter().find(|(k, _)| k == "mot_de_passe").map(|(_, v)| v.clone()).unwrap_or_default();
    let next = safe_next(&field(&fields, "suite")).unwrap_or("/pro").to_owned();
    let kept = vec![("email".to_owned(), email.clone()), ("suite".to_owned(), next.clone())];
    let mut errors = Vec::new();
    if email.is_empty() {
        errors.push(("email".to_owned(), "Indiquez votre adresse e-mail.".to_owned()));
    }
    if password.is_empty() {
        errors.push(("mot_de_passe".to_owned(), "Indiquez votre mot de passe.".to_owned()));
    }
    if !errors.is_empty() {
        return st.refuse(parts, StatusCode::BAD_REQUEST, Submitted { values: kept, errors, message: None }).await;
    }
    match session::sign_in_from(&st.db, &limits, ip, &email, &password, chrono::Utc::now()).await {
        Ok(token) => with_cookie(see_other(&next), &st.cookies.set(&token)),
        Err(e) => {
            let status = match e {
                SignInError::Invalid => StatusCode::UNAUTHORIZED,
                SignInError::Throttled | SignInError::Busy => StatusCode::TOO_MANY_REQUESTS,
                SignInError::Db(_) => StatusCode::SERVICE_UNAVAILABLE,
            };
            if let SignInError::Db(err) = &e {
                tracing::error!(error = %err, "sign-in failed on the database");
            }
            st.refuse(parts, status, Submitted { values: kept, errors: vec![], message: Some(e.to_string()) }).await
        }
    }
}

async fn sign_out(State(st): State<FormState>, req: Request) -> Response {
    if let Err(e) = session::sign_out(&st.db, req.headers()).await {
        tracing::error!(error = %e, "sign-out failed on the database");
    }
    with_cookie(see_other("/pro/connexion?fin=1"), &st.cookies.clear())
}
